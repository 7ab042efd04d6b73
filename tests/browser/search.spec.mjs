import { test, expect, DOC, CORPUS_SIZE, openApp, searchBox, results,
  resultIds, expectConsistentCount, typeQuery, fold, yearOf, countText, MATCH_COUNT, missingWorkerScript } from './helpers.mjs';

/** Asserts every listed result has at least one <mark> in its snippet and every mark matches `re`. */
async function expectMarkedSnippets(page, re) {
  const snippets = await results(page).evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.dataset.docId,
      hasSnippet: !!li.querySelector('.snippet'),
      marks: [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent),
    })),
  );
  expect(snippets.length).toBeGreaterThan(0);
  for (const s of snippets) {
    expect(s.hasSnippet, `result ${s.id} has a .snippet`).toBe(true);
    expect(s.marks.length, `result ${s.id} has a <mark> in its snippet`).toBeGreaterThan(0);
    for (const m of s.marks) expect(fold(m), `mark in ${s.id}`).toMatch(re);
  }
}

test('empty query lists the whole corpus, newest first, with unmarked leads', async ({ page }) => {
  await openApp(page);
  await expect(searchBox(page)).toHaveAttribute('type', 'search');
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.locator('main#app')).toBeVisible();
  await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
  await expect(results(page)).toHaveCount(CORPUS_SIZE);

  const ids = await resultIds(page);
  expect(ids[0]).toBe(DOC.politsturm); // 2025-12-11
  expect(ids[1]).toBe(DOC.rt); // 2025-07-05
  expect(ids[ids.length - 1]).toBe(DOC.emancipation); // 2021-12-10
  expect(new Set(ids.slice(2, 4))).toEqual(new Set([DOC.podcast, DOC.analysis])); // both 2022

  const metas = await results(page).locator('.result-meta').allInnerTexts();
  expect(metas).toHaveLength(CORPUS_SIZE);
  const years = metas.map(yearOf);
  expect(years, `years read from .result-meta: ${JSON.stringify(metas)}`).toEqual([2025, 2025, 2022, 2022, 2021]);
  for (const meta of metas) expect(meta).toMatch(/\d[\d,.\u202f\u00a0 ]* words?\b/);

  // Each result has a title link and a lead snippet without marks.
  for (const li of await results(page).all()) {
    await expect(li.locator('a.result-title')).toHaveCount(1);
    await expect(li.locator('a.result-title')).not.toBeEmpty();
    await expect(li.locator('.snippet')).not.toBeEmpty();
    await expect(li.locator('.snippet mark')).toHaveCount(0);
  }
});

test('results update on every keystroke, without pressing Enter', async ({ page }) => {
  await openApp(page);
  const box = searchBox(page);
  await box.click();
  // "rehabilit" occurs in one document only (001, RT); "r" occurs everywhere.
  await box.press('r');
  await expect(page).toHaveURL(/[?&]q=r(&|$)/);
  const afterOneKey = await expectConsistentCount(page);
  expect(afterOneKey).toBeGreaterThan(1);
  await box.pressSequentially('ehabilit', { delay: 30 });
  await expect(page.locator('#result-count')).toHaveText(countText('1 document matches'));
  await expect(results(page)).toHaveCount(1);
  expect(await resultIds(page)).toEqual([DOC.rt]);
  await expect(page).toHaveURL(/[?&]q=rehabilit(&|$)/);
});

test('typing "stalin" key by key highlights matches and puts q in the URL', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'stalin', { delay: 40 });
  await expect(page).toHaveURL(/[?&]q=stalin(&|$)/);
  await expect(page.locator('#result-count')).toHaveText(MATCH_COUNT);
  const n = await expectConsistentCount(page);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(CORPUS_SIZE);
  await expectMarkedSnippets(page, /stalin/);
  // The RT article is about Stalin: it must be found.
  expect(await resultIds(page)).toContain(DOC.rt);
});

test('a partial word finds the "Putin Rules Out USSR Restoration" brief', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'restorati');
  await expect(page).toHaveURL(/[?&]q=restorati(&|$)/);
  const hit = page.locator(`ol#results > li.result[data-doc-id="${DOC.politsturm}"]`);
  await expect(hit).toBeVisible();
  await expect(hit.locator('a.result-title')).toContainText(/Restoration/i);
  const marks = await hit.locator('.snippet mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(fold(m)).toMatch(/^restorati/);
  await expectMarkedSnippets(page, /restorati/);
});

test('search ignores case and accents', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'stalin');
  await expectConsistentCount(page);
  const lower = await resultIds(page);

  await typeQuery(page, 'STALIN');
  await expect(page).toHaveURL(/[?&]q=STALIN(&|$)/);
  await expect.poll(() => resultIds(page)).toEqual(lower);
  await expectMarkedSnippets(page, /stalin/);

  // The text of 004 has "Milošević"; the query has no diacritics.
  await typeQuery(page, 'Milosevic');
  const hit = page.locator(`ol#results > li.result[data-doc-id="${DOC.analysis}"]`);
  await expect(hit).toBeVisible();
  const marks = await hit.locator('.snippet mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(fold(m)).toBe('milosevic');
  expect(marks.some((m) => m.includes('š'))).toBe(true); // the original spelling is shown
});

test("the engine runs in a Web Worker, and typing fast ends with the last query's results", async ({ page }) => {
  await openApp(page, '/?q=stalin');
  const expected = await resultIds(page);
  expect(expected.length).toBeGreaterThan(0);
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain('/engine-worker.js');
  // Every key goes to the engine while it may still be working on the one before: the page
  // ends with the results of the whole word, never those of a prefix answered late.
  await openApp(page);
  const all = await resultIds(page);
  await page.locator('input#search').pressSequentially('stalin', { delay: 0 });
  await expect(page.locator('input#search')).toHaveValue('stalin');
  await expect.poll(() => resultIds(page)).toEqual(expected);
  expect(all).not.toEqual(expected);
  await expect(page.locator('ol#results mark').first()).toHaveText(/^stalin/i);
});

test("an engine whose worker script cannot be had says so, instead of 'Starting…' for ever", async ({ page }) => {
  await missingWorkerScript(page, 'engine-worker.js');
  await page.goto('/');
  await expect(page.locator('main#app.load-error [role=alert]')).toHaveText(
    "The explorer's search engine stopped (its script did not load). Reload to try again.",
  );
});
