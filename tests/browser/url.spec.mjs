import { test, expect, DOC, CORPUS_SIZE, openApp, searchBox, results, resultIds, facetValue, typeQuery, params, noticeText, hasRT } from './helpers.mjs';

const reader = (page) => page.locator('article#reader');

test('/?q=stalin&outlet=RT restores the query, the filter and its checkbox', async ({ page }) => {
  await openApp(page, '/?q=stalin&outlet=RT');
  await expect(searchBox(page)).toHaveValue('stalin');
  await expect(facetValue(page, 'outlet', 'RT').locator('input[type=checkbox]')).toBeChecked();
  await expect(page.locator('section.facet input[type=checkbox]:checked')).toHaveCount(1);
  await expect(results(page).first()).toBeVisible();
  expect(await resultIds(page)).toContain(DOC.rt);
  for (const meta of await results(page).locator('.result-meta').allInnerTexts()) expect(meta).toMatch(hasRT);
  const rtCount = Number((await facetValue(page, 'outlet', 'RT').locator('span.facet-count').innerText()).replace(/\D/g, ''));
  await expect(results(page)).toHaveCount(rtCount);
  for (const li of await results(page).all()) expect(await li.locator('.snippet mark').count()).toBeGreaterThan(0);
  // Nothing the app could read was reported as a problem.
  expect(await noticeText(page)).not.toMatch(/unknown|not found|ignored|could not/i);
});

test('repeatable filter parameters combine', async ({ page }) => {
  await openApp(page, '/?year=2025&year=2021');
  await expect(facetValue(page, 'year', '2025').locator('input[type=checkbox]')).toBeChecked();
  await expect(facetValue(page, 'year', '2021').locator('input[type=checkbox]')).toBeChecked();
  expect(new Set(await resultIds(page))).toEqual(new Set([DOC.politsturm, DOC.rt, DOC.emancipation]));
});

test('/?q=stalin&doc=… opens the reader with the hits marked', async ({ page }) => {
  await openApp(page, `/?q=stalin&doc=${DOC.rt}`);
  await expect(reader(page)).toBeVisible();
  await expect(reader(page).locator('h2.reader-title')).toContainText(/Stalin/i);
  const total = await reader(page).locator('mark').count();
  expect(total).toBeGreaterThan(0);
  await expect(page.locator('#hit-counter')).toHaveText(`hit 1 of ${total}`);
  await expect(reader(page).locator('mark.current')).toHaveCount(1);
});

test('back and forward step through search → document → results → document', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'stalin');
  await expect(page).toHaveURL(/[?&]q=stalin(&|$)/);
  const first = results(page).first();
  await expect(first.locator('.snippet mark').first()).toBeVisible();
  const id = await first.getAttribute('data-doc-id');
  const title = (await first.locator('a.result-title').innerText()).trim();

  await first.locator('a.result-title').click();
  await expect(reader(page)).toBeVisible();
  await expect(reader(page).locator('h2.reader-title')).toHaveText(title);
  expect(params(page).get('doc')).toBe(id);

  await page.goBack();
  await expect(reader(page)).toBeHidden();
  await expect(results(page).first()).toBeVisible();
  await expect(searchBox(page)).toHaveValue('stalin');
  expect(params(page).get('doc')).toBeNull();
  expect(params(page).get('q')).toBe('stalin');

  await page.goForward();
  await expect(reader(page)).toBeVisible();
  await expect(reader(page).locator('h2.reader-title')).toHaveText(title);
  expect(params(page).get('doc')).toBe(id);
  expect(params(page).get('q')).toBe('stalin');
  await expect(page.locator('#hit-counter')).toHaveText(/^hit 1 of \d+$/);
});

test('a plain URL shows the whole corpus and no notice', async ({ page }) => {
  await openApp(page, '/');
  await expect(results(page)).toHaveCount(CORPUS_SIZE);
  expect(await noticeText(page)).toBe('');
});
