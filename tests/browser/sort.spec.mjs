// Result order: select#sort (relevance, newest, oldest, title), mirrored in the URL as `sort`.
import { test, expect, DOC, CORPUS_SIZE, openApp, results, resultIds, idsFor, expectConsistentCount, params, yearOf } from './helpers.mjs';

const sort = (page) => page.locator('select#sort');
const titles = async (page) => (await results(page).locator('a.result-title').allInnerTexts()).map((t) => t.trim());
const years = async (page) => (await results(page).locator('.result-meta').allInnerTexts()).map(yearOf);
const sorted = (ids) => [...ids].sort();

/** Case-insensitive alphabetical order. */
function alphabetical(list) {
  return [...list].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

/** Chooses an order in select#sort and waits for the URL to say so. */
async function choose(page, value) {
  await sort(page).selectOption(value);
  await expect(sort(page)).toHaveValue(value);
  if (value === 'relevance') await expect.poll(() => params(page).get('sort')).toBeNull();
  else await expect.poll(() => params(page).get('sort')).toBe(value);
  await expectConsistentCount(page);
}

test('select#sort offers relevance, newest, oldest and title; relevance by default', async ({ page }) => {
  await openApp(page);
  await expect(sort(page)).toBeVisible();
  const values = await sort(page).locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(values).toEqual(['relevance', 'newest', 'oldest', 'title']);
  await expect(sort(page)).toHaveValue('relevance');
  expect(params(page).get('sort')).toBeNull();
  // Labelled for assistive technology.
  const name = await sort(page).evaluate((s) => (s.labels?.[0]?.textContent ?? s.getAttribute('aria-label') ?? '').trim());
  expect(name.length).toBeGreaterThan(0);
});

test('the empty query in each order', async ({ page }) => {
  await openApp(page);
  const relevance = await resultIds(page);
  expect(relevance).toHaveLength(CORPUS_SIZE);

  await choose(page, 'oldest');
  const oldest = await resultIds(page);
  expect(oldest[0]).toBe(DOC.emancipation); // 2021-12-10
  expect(oldest[CORPUS_SIZE - 1]).toBe(DOC.politsturm); // 2025-12-11
  expect(oldest[CORPUS_SIZE - 2]).toBe(DOC.rt); // 2025-07-05
  expect(await years(page)).toEqual([2021, 2022, 2022, 2025, 2025]);

  await choose(page, 'newest');
  const newest = await resultIds(page);
  expect(newest[0]).toBe(DOC.politsturm);
  expect(newest[1]).toBe(DOC.rt);
  expect(newest[CORPUS_SIZE - 1]).toBe(DOC.emancipation);
  expect(await years(page)).toEqual([2025, 2025, 2022, 2022, 2021]);

  await choose(page, 'title');
  const t = await titles(page);
  expect(t).toHaveLength(CORPUS_SIZE);
  expect(t, 'titles in alphabetical order, ignoring case').toEqual(alphabetical(t));
  // "The implosion of the stalinist USSR" (lower-case words) sorts between "Russian…" and "What…".
  expect(t[0]).toMatch(/^Bolshevism/);
  expect(t[CORPUS_SIZE - 1]).toMatch(/^What does/);

  await choose(page, 'relevance');
  // The empty query's relevance order is newest first.
  expect(await resultIds(page)).toEqual(relevance);
  expect(relevance[0]).toBe(DOC.politsturm);
});

test('sorting a query reorders the same results', async ({ page }) => {
  await openApp(page);
  const relevance = await idsFor(page, 'stalin');
  expect(relevance.length).toBeGreaterThan(2);

  await choose(page, 'oldest');
  expect(params(page).get('q')).toBe('stalin');
  const oldest = await resultIds(page);
  expect(sorted(oldest)).toEqual(sorted(relevance));
  const y = await years(page);
  expect(y, 'years never decrease').toEqual([...y].sort((a, b) => a - b));
  expect(oldest[0]).toBe(DOC.emancipation);
  // Snippets are still those of the query.
  await expect(results(page).first().locator('.snippet mark').first()).toBeVisible();

  await choose(page, 'title');
  const t = await titles(page);
  expect(t).toEqual(alphabetical(t));
  expect(sorted(await resultIds(page))).toEqual(sorted(relevance));

  // The order survives a new query.
  const putin = await idsFor(page, 'putin');
  await expect(sort(page)).toHaveValue('title');
  expect(params(page).get('sort')).toBe('title');
  const tp = await titles(page);
  expect(tp).toEqual(alphabetical(tp));
  expect(putin.length).toBeGreaterThan(1);
});

test('the sort parameter restores the order on reload and from a link', async ({ page }) => {
  await openApp(page);
  await choose(page, 'oldest');
  const oldest = await resultIds(page);
  await page.reload();
  await expect(page.locator('#result-count')).toBeVisible({ timeout: 15_000 });
  await expect(sort(page)).toHaveValue('oldest');
  expect(params(page).get('sort')).toBe('oldest');
  await expect.poll(() => resultIds(page)).toEqual(oldest);
  expect(oldest[0]).toBe(DOC.emancipation);

  await openApp(page, '/?q=stalin&sort=title');
  await expect(sort(page)).toHaveValue('title');
  await expectConsistentCount(page);
  const t = await titles(page);
  expect(t.length).toBeGreaterThan(1);
  expect(t).toEqual(alphabetical(t));

  await openApp(page, '/?sort=newest');
  await expect(sort(page)).toHaveValue('newest');
  expect((await resultIds(page))[0]).toBe(DOC.politsturm);
});
