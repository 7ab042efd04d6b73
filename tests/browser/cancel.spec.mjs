// A long analysis shows how far it has got and stops when it is no longer wanted: on leaving
// the view, on a new query, on "Cancel" of a download. The build has 2,000 documents (the
// seed corpus 400 times, tests/support/large-corpus.mjs), where a concordance of the eight
// most frequent words (about a million lines) takes a second or more here and its download
// several seconds; the worker says in the console when it stopped one.
import { test, expect, waitReady, searchBox, serveBuild } from './helpers.mjs';

const server = serveBuild('EXPLORER_LARGE_DIST', 'the 1,000-document build');

/** The most frequent words, as one query. */
const FREQUENT = '/?view=concordance&q=' + encodeURIComponent('the OR of OR and OR to OR a OR in OR that OR is ');

/** Opens `path` of the large build, collecting the console (the worker's lines included). */
async function open(page, path, { ready = true } = {}) {
  const lines = [];
  page.on('console', (m) => lines.push(m.text()));
  await page.goto(server().origin + path);
  if (ready) await waitReady(page);
  return lines;
}

const stopped = (lines, what) => lines.filter((l) => l.startsWith(`engine: ${what} was stopped after`));

test('a long view says what it is doing and shows how far it has got, then its answer', async ({ page }) => {
  const lines = await open(page, FREQUENT);
  const status = page.locator('#view-working:has(#view-progress) [role="status"]');
  await expect(status).toHaveText(/^Working on it: (listing the words at every position|finding the hits|making the lines|sorting the lines)…$/);
  await expect(page.locator('#view-progress')).toHaveAttribute('value', /^(\d|[1-9]\d|100)$/);
  await expect(page.locator('#view-progress')).toHaveAttribute('max', '100');
  // Then the answer replaces it.
  await expect(page.locator('#view-body')).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(page.locator('#view-working')).toHaveCount(0);
  await expect(page.locator('.kwic-kw mark').first()).toHaveText(/^(the|of|and|to|a|in|that|is)$/i);
  expect(stopped(lines, 'a view')).toHaveLength(0);
});

test('leaving a view while it is computed stops it in the worker', async ({ page }) => {
  // More words, sorted by the word on the right (sorting is the longest part of the view): it
  // is still under way when the tab is left, even on a busy machine.
  // Every form of each word's stem (match=stem) makes more lines than the words as written.
  const more = encodeURIComponent(
    ' OR it OR for OR was OR on OR with OR as OR by OR he OR his OR be OR at OR from OR had OR not OR this OR but OR which OR are',
  );
  const lines = await open(page, `${FREQUENT.trimEnd()}${more}+&ksort=r1&match=stem`);
  await expect(page.locator('#view-body')).toHaveAttribute('aria-busy', 'true');
  // It has worked for a moment and goes on (its progress is shown only while it runs).
  await expect(page.locator('#view-progress')).toBeAttached();
  await page.locator('#tab-search').click();
  await expect.poll(() => stopped(lines, 'a view').length).toBe(1);
  await expect(page.locator('#results > li.result').first()).toBeVisible();
});

test('a new query stops the view computing the old one, and its own answer comes', async ({ page }) => {
  const lines = await open(page, FREQUENT, { ready: false });
  // The view has worked for a moment (its progress is shown): the new query, followed once
  // typing rests, comes well before its end.
  await expect(page.locator('#view-progress')).toBeAttached();
  await searchBox(page).fill('stalin ');
  await expect(page.locator('.kwic-kw mark').first()).toHaveText(/^stalin/i, { timeout: 15_000 });
  await expect(page.locator('#view-body')).toHaveAttribute('aria-busy', 'false');
  expect(stopped(lines, 'a view')).toHaveLength(1);
  // Only lines of the new query are shown.
  for (const kw of await page.locator('.kwic-kw mark').allInnerTexts()) expect(kw).toMatch(/^stalin/i);
});

test('a long download shows its progress, and Cancel stops it: nothing is downloaded', async ({ page }) => {
  const lines = await open(page, FREQUENT);
  await expect(page.locator('.kwic-kw mark').first()).toBeVisible({ timeout: 20_000 });
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.locator('.export-csv').first().click();
  const preparing = page.locator('#export-preparing');
  await expect(preparing.locator('progress')).toHaveAttribute('value', /^(\d|[1-9]\d|100)$/, { timeout: 10_000 });
  await expect(preparing.locator('[role="status"]')).toHaveText('Preparing the download: writing the rows…');
  await preparing.locator('#export-cancel').click();
  await expect(preparing).toHaveCount(0);
  await expect.poll(() => stopped(lines, 'a download').length).toBe(1);
  // The worker is free again: the view answers a new query.
  await searchBox(page).fill('lenin ');
  await expect(page.locator('.kwic-kw mark').first()).toHaveText(/^lenin/i);
  expect(downloads).toBe(0);
});
