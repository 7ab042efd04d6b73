// Keyboard use (issue 7): every shortcut, and where the focus goes after a change of view.
import { test, expect, DOC, openApp, searchBox, results, typeQuery, params } from './helpers.mjs';
import { focused } from './ui-helpers.mjs';

const titles = (page) => page.locator('#results a.result-title');

test('"/" focuses the search box from anywhere but a text field, and is not typed', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  await page.locator('#sort').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('stalin');
  // In a text field "/" is just a character.
  await page.locator('#tab-words').click();
  const filter = page.locator('.view-controls input[type=search], .view-controls input[type=text]').first();
  await filter.focus();
  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('/');
});

test('Escape closes the suggestions first, then clears the search box', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'stali');
  await expect(page.locator('#suggestions')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#suggestions')).toBeHidden();
  await expect(searchBox(page)).toHaveValue('stali');
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(searchBox(page)).toBeFocused();
  await expect.poll(() => params(page).get('q')).toBeNull();
});

test('↓ goes from the search box to the results, ↓/↑ move between them, Enter opens', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  const n = await results(page).count();
  expect(n).toBeGreaterThan(2);
  await searchBox(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(titles(page).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(titles(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(titles(page).nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(titles(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(searchBox(page)).toBeFocused();
  // The last result stays focused on ↓.
  await titles(page).nth(n - 1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(titles(page).nth(n - 1)).toBeFocused();
  // Enter opens the focused result; the focus moves to the reader's heading.
  await titles(page).nth(1).focus();
  const id = await results(page).nth(1).getAttribute('data-doc-id');
  await page.keyboard.press('Enter');
  await expect(page.locator('#reader')).toBeVisible();
  expect(params(page).get('doc')).toBe(id);
  await expect(page.locator('#reader-title')).toBeFocused();
  await expect(page.locator('#reader-title')).toHaveAttribute('tabindex', '-1');
});

test('with suggestions shown, ↓ moves through them instead of leaving the box', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'stali');
  // The suggestions come from the engine's worker: ↓ before they are shown leaves the box.
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(searchBox(page)).toBeFocused();
  await expect(page.locator('#suggestion-0')).toHaveAttribute('aria-selected', 'true');
});

test('n and p step through the hits; "← Results" returns the focus to the result opened', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  const id = await results(page).nth(2).getAttribute('data-doc-id');
  await titles(page).nth(2).click();
  await expect(page.locator('#reader-title')).toBeFocused();
  const counter = page.locator('#hit-counter');
  await expect(counter).toHaveText(/^hit 1 of (\d+)$/);
  const total = Number((await counter.innerText()).match(/of (\d+)/)[1]);
  await page.keyboard.press('n');
  await expect(counter).toHaveText(`hit 2 of ${total}`);
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(counter).toHaveText(`hit ${total} of ${total}`);
  await page.locator('#back-to-results').click();
  await expect(page.locator('#results')).toBeVisible();
  expect(await focused(page)).toBe(`result:${id}`);
  // The browser's back button after opening a document does the same.
  await titles(page).nth(0).press('Enter');
  const first = params(page).get('doc');
  await expect(page.locator('#reader-title')).toBeFocused();
  await page.goBack();
  await expect(page.locator('#results')).toBeVisible();
  await expect.poll(() => focused(page)).toBe(`result:${first}`);
});

test('back from a document that is not in the results focuses the search box', async ({ page }) => {
  await openApp(page, `/?q=xyzzyq&doc=${DOC.emancipation}`);
  await expect(page.locator('#reader')).toBeVisible();
  await page.locator('#back-to-results').click();
  await expect(searchBox(page)).toBeFocused();
});

test('switching tabs moves the focus to the view\'s heading', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  for (const [tab, heading] of [
    ['concordance', 'Concordance'],
    ['words', 'Word list'],
    ['keyness', 'Distinctive words'],
    ['collocates', 'Collocates'],
    ['distribution', 'Distribution'],
    ['trends', 'Trends'],
    ['search', 'Results'],
  ]) {
    await page.locator(`#tab-${tab}`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#view-title')).toHaveText(heading);
    await expect(page.locator('#view-title')).toBeFocused();
  }
});

test('"?" opens the shortcuts dialog; Escape closes it and the focus returns', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  await titles(page).nth(1).focus();
  await page.keyboard.press('?');
  const dialog = page.locator('#shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('role', 'dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toHaveAccessibleName('Keyboard shortcuts');
  await expect(dialog).toBeFocused();
  for (const key of ['/', 'Esc', '↓', '↑', 'Enter', 'n', 'p', '?']) {
    await expect(dialog.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?/]/g, '\\$&')}$`) }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(titles(page).nth(1)).toBeFocused();
  // "?" typed in the search box is a character, not a shortcut.
  await searchBox(page).focus();
  await page.keyboard.press('?');
  await expect(dialog).toHaveCount(0);
  // The footer's button opens it too; its close button closes it.
  await page.locator('#shortcuts-button').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#shortcuts-button')).toBeFocused();
});

test('Escape closes the help and the embed dialog, and the focus returns to their buttons', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  await page.locator('#help-toggle').click();
  await expect(page.locator('#help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#help')).toBeHidden();
  await expect(page.locator('#help-toggle')).toBeFocused();
  await page.locator('#embed-button').click();
  await expect(page.locator('#embed-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#embed-dialog')).toHaveCount(0);
  await expect(page.locator('#embed-button')).toBeFocused();
});

test('every control shows where the focus is', async ({ page }) => {
  for (const url of ['/?q=stalin&outlet=RT', `/?q=stalin&doc=${DOC.rt}`, '/?q=stalin&view=concordance', '/?view=words']) {
    await openApp(page, url);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const seen = new Set();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
        // The search box shows the focus with its border.
        const border = el.id === 'search' && cs.borderTopColor !== getComputedStyle(document.body).color && parseFloat(cs.borderTopWidth) >= 2;
        const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${el.className}:${(el.textContent || '').trim().slice(0, 20)}`;
        return { name, visible: ring || border, matches: el.matches(':focus-visible') };
      });
      if (!info || seen.has(info.name)) continue;
      seen.add(info.name);
      expect(info.matches, `${info.name} matches :focus-visible (${url})`).toBe(true);
      expect(info.visible, `${info.name} shows a focus ring (${url})`).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(5);
  }
});

/** Presses `key` `times` times and checks after each press that the focus is inside `container`; returns the ids seen. */
async function tabAround(page, container, key, times) {
  const seen = new Set();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    const where = await page.evaluate((sel) => {
      const a = document.activeElement;
      const box = document.querySelector(sel);
      // An element without an id is named by its place in the container.
      const id = a?.id || `${a?.tagName}#${box ? [...box.querySelectorAll('*')].indexOf(a) : -1}`;
      return { inside: !!a && !!box?.contains(a), id };
    }, container);
    expect(where.inside, `${key} #${i + 1} took the focus out of ${container} to ${where.id}`).toBe(true);
    seen.add(where.id);
  }
  return seen;
}

test('Tab and Shift+Tab stay inside the open dialogs and the filters drawer, going round', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  // The shortcuts dialog has one control: Tab keeps the focus on it. ("?" is a shortcut only
  // outside text fields: press it on a result.)
  await titles(page).first().focus();
  await page.keyboard.press('?');
  await expect(page.locator('#shortcuts-dialog')).toBeFocused();
  await tabAround(page, '#shortcuts-dialog', 'Tab', 3);
  await tabAround(page, '#shortcuts-dialog', 'Shift+Tab', 3);
  await page.keyboard.press('Escape');

  // The embed dialog: round and round through its eight controls, both ways.
  await page.locator('#embed-button').click();
  const dialog = page.locator('#embed-dialog');
  await expect(dialog).toBeFocused();
  const forward = await tabAround(page, '#embed-dialog', 'Tab', 20);
  expect(forward.size).toBe(8);
  const backward = await tabAround(page, '#embed-dialog', 'Shift+Tab', 20);
  expect(backward).toEqual(forward);
  // From the last control Tab goes to the first (the close button), and back.
  await page.locator('#embed-script-copy').focus();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#embed-script-copy')).toBeFocused();
  await page.keyboard.press('Escape');

  // The filters drawer of a narrow screen, while it is open.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#filters-toggle').click();
  await expect(page.locator('#drawer-close')).toBeFocused();
  const controls = await page.locator('#sidebar').locator('button:visible, input:visible').count();
  const drawer = await tabAround(page, '#sidebar', 'Tab', controls + 3);
  expect(drawer.size).toBe(controls);
  await page.keyboard.press('Shift+Tab');
  await page.locator('#drawer-close').focus();
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.querySelector('#sidebar').contains(document.activeElement))).toBe(true);
  await expect(page.locator('#drawer-close')).not.toBeFocused();
  // Closed, the drawer holds nothing back: Tab leaves the Filters button as usual.
  await page.keyboard.press('Escape');
  await expect(page.locator('#filters-toggle')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#filters-toggle')).not.toBeFocused();
});
