// A corpus of 120 documents (tests/fixtures/many): the results list shows 50 with their
// snippets and a "Show more" button adds 50 at a time; a new query starts again from 50.
// This build ships the index file (CORPUS_INDEX=always), which the page opens instead of
// tokenizing the texts; a damaged one is refused and the texts are indexed in the page.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, waitReady, searchBox, results, serveBuild, fillQuery, params, resultIds } from './helpers.mjs';
import { startStaticServer } from '../support/static-server.mjs';

const server = serveBuild('EXPLORER_MANY_DIST', 'the many-documents build');

test('long result lists show 50 at a time', async ({ page }) => {
  await page.goto(server().origin + '/?q=harbour');
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(/^120 documents match/);
  await expect(results(page)).toHaveCount(50);
  await expect(results(page).first().locator('.snippet mark').first()).toHaveText(/harbour/i);
  const more = page.locator('#show-more');
  await expect(more).toHaveText('Show more (70 of 120 not shown)');
  await more.click();
  await expect(results(page)).toHaveCount(100);
  await expect(more).toHaveText('Show more (20 of 120 not shown)');
  await more.click();
  await expect(results(page)).toHaveCount(120);
  await expect(more).toHaveCount(0);
  // Another query starts from the first 50 again.
  await searchBox(page).fill('letters ');
  await expect(results(page)).toHaveCount(50);
  await expect(more).toBeVisible();
});

/** What a list of queries finds: the count line (without its time) and the ids in order. */
async function answers(page) {
  const out = [];
  // Lists longer than 50 show their first 50 (see above); their order is compared.
  for (const q of ['harbour', '7', '"letter 12"', '12 OR 99', 'numbere 3', 'harb', '11 -harbour']) {
    await fillQuery(page, q);
    await expect.poll(() => params(page).get('q') ?? '').toBe(q);
    const ids = await resultIds(page);
    const count = (await page.locator('#result-count').textContent()).replace(/, [\d.]+ ms$/, '');
    out.push({ q, count, ids });
  }
  return out;
}

test("the build's index file is opened, not rebuilt, on a first visit and on a reload", async ({ page }) => {
  await page.goto(server().origin + '/');
  await waitReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-index', 'file');
  // A reload (from the service worker once it controls the page) opens the index file again.
  await page.reload();
  await waitReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-index', 'file');
});

test('a damaged index file is not used: the page indexes the texts itself and finds the same', async ({ page }) => {
  const good = await answers(await openFresh(page, server().origin));
  // The same build with its index file cut short by one byte.
  const copy = mkdtempSync(join(tmpdir(), 'explorer-damaged-index-'));
  cpSync(process.env.EXPLORER_MANY_DIST, copy, { recursive: true });
  const indexFile = readdirSync(copy).find((f) => /^index-[0-9a-f]{16}\.bin$/.test(f));
  expect(indexFile, 'the many-documents build ships an index file').toBeTruthy();
  const bytes = readFileSync(join(copy, indexFile));
  writeFileSync(join(copy, indexFile), bytes.subarray(0, bytes.length - 1));
  const damaged = await startStaticServer({ root: copy });
  try {
    const other = await page.context().browser().newPage();
    const warnings = [];
    other.on('console', (m) => warnings.push(m.text()));
    await other.goto(damaged.origin + '/');
    await waitReady(other);
    await expect(other.locator('html')).toHaveAttribute('data-index', 'tokenized');
    expect(warnings.join('\n')).toContain(`${indexFile} was not used (it ends too early): the corpus is indexed here.`);
    expect(await answers(other)).toEqual(good);
    await other.close();
  } finally {
    await damaged.close();
    rmSync(copy, { recursive: true, force: true });
  }
});

/** Opens the app at `origin` and waits until it is ready; returns the page. */
async function openFresh(page, origin) {
  await page.goto(origin + '/');
  await waitReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-index', 'file');
  return page;
}
