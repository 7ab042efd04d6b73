// The query-language help: a popover opened by button#help-toggle next to the search box.
import { test, expect, openApp, searchBox, results, expectConsistentCount, noticeText, params } from './helpers.mjs';

const toggle = (page) => page.locator('button#help-toggle');
const help = (page) => page.locator('#help');

async function expectClosed(page) {
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(help(page)).toBeHidden();
}

async function expectOpen(page) {
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(help(page)).toBeVisible();
  await expect(help(page)).toHaveAttribute('role', 'dialog');
}

/** Presses Tab from the search box until the help toggle has the focus (at most `max` times). */
async function tabToToggle(page, max = 8) {
  await searchBox(page).focus();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await toggle(page).evaluate((el) => el === document.activeElement)) return i + 1;
  }
  throw new Error(`button#help-toggle not reached with ${max} presses of Tab from the search box`);
}

test('the help toggle sits next to the search box, closed, and controls #help', async ({ page }) => {
  await openApp(page);
  await expect(toggle(page)).toBeVisible();
  await expect(toggle(page)).toHaveAttribute('aria-controls', 'help');
  await expectClosed(page);
  // "Next to": on the same row as the search box.
  const box = await searchBox(page).boundingBox();
  const btn = await toggle(page).boundingBox();
  expect(btn.y, 'toggle overlaps the search box vertically').toBeLessThan(box.y + box.height);
  expect(btn.y + btn.height).toBeGreaterThan(box.y);
});

test('keyboard: Enter and Space open the help, Escape closes it and focus returns to the toggle', async ({ page }) => {
  await openApp(page);
  const presses = await tabToToggle(page);
  expect(presses).toBeGreaterThan(0);
  await expect(toggle(page)).toBeFocused();

  await page.keyboard.press('Enter');
  await expectOpen(page);
  await page.keyboard.press('Escape');
  await expectClosed(page);
  await expect(toggle(page)).toBeFocused();

  await page.keyboard.press('Space');
  await expectOpen(page);
  // Escape also works with the focus inside the popover.
  await help(page).locator('button.example').first().focus();
  await page.keyboard.press('Escape');
  await expectClosed(page);
  await expect(toggle(page)).toBeFocused();

  // Enter on the focused toggle again reopens it; activating the toggle a second time closes it.
  await page.keyboard.press('Enter');
  await expectOpen(page);
  await toggle(page).focus();
  await page.keyboard.press('Enter');
  await expectClosed(page);
  // The search box and query were left alone.
  await expect(searchBox(page)).toHaveValue('');
});

test('the help lists the query forms with example queries', async ({ page }) => {
  await openApp(page);
  await toggle(page).click();
  await expectOpen(page);
  const table = help(page).locator('table');
  await expect(table).toHaveCount(1);
  expect(await table.locator('tr').count()).toBeGreaterThanOrEqual(6);
  // Every form of the query language is described.
  const text = await table.innerText();
  for (const [re, what] of [
    [/\bOR\b/, 'OR'],
    [/(^|\s)-\w|\bNOT\b/, 'exclusion'],
    [/"[^"]+\s[^"]+"/, 'phrase'],
    [/\w\*/, 'prefix'],
    [/\(/, 'grouping'],
    [/\btitle:/, 'title:'],
    [/\boutlet:/, 'outlet:'],
    [/\bauthor:/, 'author:'],
    [/\bkind:/, 'kind:'],
    [/\bperson:/, 'person:'],
    [/\byear:\d{4}\.\.\d{4}/, 'year range'],
  ]) {
    expect(text, `the help table describes ${what}`).toMatch(re);
  }
  // Example queries are buttons, several and all different.
  const examples = (await help(page).locator('button.example').allInnerTexts()).map((t) => t.trim());
  expect(examples.length, JSON.stringify(examples)).toBeGreaterThanOrEqual(4);
  expect(new Set(examples).size).toBe(examples.length);
  for (const e of examples) expect(e.length).toBeGreaterThan(0);
  expect(examples.some((e) => /\sOR\s|:|"|\*/.test(e)), `some example uses an operator: ${JSON.stringify(examples)}`).toBe(true);
});

test('clicking an example puts it in the search box and runs it', async ({ page }) => {
  await openApp(page);
  await toggle(page).click();
  await expectOpen(page);
  const count = await help(page).locator('button.example').count();
  expect(count).toBeGreaterThan(0);
  let found = 0;
  for (let i = 0; i < count; i++) {
    if (!(await help(page).isVisible())) await toggle(page).click();
    await expectOpen(page);
    const example = help(page).locator('button.example').nth(i);
    const text = (await example.innerText()).trim();
    await example.click();
    await expect(searchBox(page)).toHaveValue(text);
    await expect.poll(() => params(page).get('q'), { message: `q in the URL after clicking ${text}` }).toBe(text);
    const n = await expectConsistentCount(page);
    if (n > 0) found++;
    // A documented example is valid syntax.
    expect(await noticeText(page), `example ${JSON.stringify(text)}`).not.toMatch(/^Searched as plain words/);
  }
  expect(found, 'some examples find documents in this corpus').toBeGreaterThan(0);
  await expect(results(page).first()).toBeVisible();
});
