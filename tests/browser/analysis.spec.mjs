// Word list, distinctive words, collocates, distribution and trends: what they show, their
// controls, their URL state (restore, update, back) and the facet filters.
import { test, expect, DOC, CORPUS_SIZE, facetValue } from './helpers.mjs';
import {
  openView,
  expectTab,
  expectParam,
  leadingNumber,
  readerMarks,
  columnNumbers,
  expectSorted,
  allPages,
} from './analysis-helpers.mjs';

const wordRows = (page) => page.locator('tr.word-row');
const shownWords = (page) => wordRows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.word));
const wordsCount = async (page) => {
  const text = (await page.locator('#words-count').innerText()).trim();
  const m = text.match(/^([\d,]+) (words|stems) shown · ([\d,]+) tokens in (\d+) documents? · type\/token ratio \d\.\d{3}$/);
  if (!m) throw new Error(`#words-count has an unexpected text: ${JSON.stringify(text)}`);
  return { shown: Number(m[1].replace(/,/g, '')), unit: m[2], tokens: Number(m[3].replace(/,/g, '')), docs: Number(m[4]) };
};

test('the word list hides stopwords unless asked; the checkbox toggles them and the URL', async ({ page }) => {
  await openView(page, '/?view=words', 'words');
  await expect(page.locator('#words-stop')).not.toBeChecked();
  const hidden = await wordsCount(page);
  expect(hidden.docs).toBe(CORPUS_SIZE);
  expect(await shownWords(page)).not.toContain('the');
  await expect(page.locator('tr.word-row.stopword')).toHaveCount(0);
  expectSorted(await columnNumbers(page, 'tr.word-row', 2), { what: 'counts' });

  await page.locator('#words-stop').check();
  await expectParam(page, 'stop', 'show');
  await expect(wordRows(page).first()).toHaveAttribute('data-word', 'the');
  await expect(wordRows(page).first()).toHaveClass(/\bstopword\b/);
  const shown = await wordsCount(page);
  expect(shown.shown, 'more words with the stopwords').toBeGreaterThan(hidden.shown);
  expect(shown.tokens).toBe(hidden.tokens);

  await page.locator('#words-stop').uncheck();
  await expectParam(page, 'stop', null);
  await expect(page.locator('tr.word-row[data-word="the"]')).toHaveCount(0);

  // The URL alone shows them.
  await openView(page, '/?view=words&stop=show', 'words');
  await expect(page.locator('#words-stop')).toBeChecked();
  await expect(page.locator('tr.word-row[data-word="the"]')).toHaveCount(1);
});

test('adding a stopword removes it from the word list and puts stopadd in the URL', async ({ page }) => {
  await openView(page, '/?view=words&wfilter=soviet', 'words');
  await expect(page.locator('tr.word-row[data-word="soviet"]')).toHaveCount(1);
  const before = await wordsCount(page);
  await page.locator('#stoplist > summary').click();
  await page.locator('#stop-add').fill('Soviet');
  await page.locator('#stop-add').press('Enter');
  await expectParam(page, 'stopadd', 'soviet');
  await expect(page.locator('tr.word-row[data-word="soviet"]')).toHaveCount(0);
  expect((await wordsCount(page)).shown).toBe(before.shown - 1);
  await expect(page.locator('#stoplist .chips li', { hasText: /^soviet×?$/ })).toHaveCount(1);
  // Shown as a stopword when stopwords are listed.
  await page.locator('#words-stop').check();
  await expect(page.locator('tr.word-row.stopword[data-word="soviet"]')).toHaveCount(1);
  // Back undoes it.
  await page.goBack();
  await page.goBack();
  await expectParam(page, 'stopadd', null);
  await expect(page.locator('tr.word-row[data-word="soviet"]')).toHaveCount(1);
});

test('a word-list URL restores unit, sort and filter; changing the sort updates the URL; back restores', async ({ page }) => {
  await openView(page, '/?view=words&unit=stem&wsort=alpha&wfilter=sov', 'words');
  await expect(page.locator('#words-unit')).toHaveValue('stem');
  await expect(page.locator('#words-sort')).toHaveValue('alpha');
  await expect(page.locator('#words-filter')).toHaveValue('sov');
  await expect(page.locator('#words-table thead th').nth(1)).toHaveText('Stem (forms)');
  const count = await wordsCount(page);
  expect(count.unit).toBe('stems');
  // The corpus has "soviet" (57) and "soviets" (1): one stem of two forms.
  let ws = await shownWords(page);
  expect(ws).toEqual(['soviet']);
  expect(count.shown).toBe(1);
  await expect(page.locator('tr.word-row[data-word="soviet"] .forms')).toHaveText(' (2 forms)');
  await expect(page.locator('tr.word-row[data-word="soviet"] td').nth(2)).toHaveText('58');

  await page.locator('#words-sort').selectOption('count');
  await expectParam(page, 'wsort', null);
  expect(params(page)).toMatchObject({ unit: 'stem', wfilter: 'sov' });
  await page.locator('#words-unit').selectOption('form');
  await expectParam(page, 'unit', null);
  expect(params(page)).toMatchObject({ wfilter: 'sov' });
  await expect.poll(() => shownWords(page)).toEqual(['soviet', 'soviets']);
  expect((await wordsCount(page)).unit).toBe('words');
  await page.locator('#words-sort').selectOption('alpha');
  await expectParam(page, 'wsort', 'alpha');
  await page.locator('#words-filter').fill('ion');
  await expectParam(page, 'wfilter', 'ion');
  ws = await allPages(page, shownWords);
  expect(ws.length).toBe((await wordsCount(page)).shown);
  expect(ws.length).toBeGreaterThan(20);
  for (const w of ws) expect(w).toContain('ion');
  expect(ws, 'A–Z').toEqual([...ws].sort());

  // Back through the changes to the URL first loaded.
  await page.goto('/?view=words&unit=stem&wsort=alpha&wfilter=sov');
  await page.locator('#words-sort').selectOption('docs');
  await expectParam(page, 'wsort', 'docs');
  await page.goBack();
  await expectParam(page, 'wsort', 'alpha');
  await expect(page.locator('#words-sort')).toHaveValue('alpha');
  await expect(page.locator('#words-unit')).toHaveValue('stem');
  await expect(page.locator('#words-filter')).toHaveValue('sov');
  await expect.poll(() => shownWords(page)).toEqual(['soviet']);
  await expectTab(page, 'words');
});

/** Some URL parameters of the page as an object. */
function params(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

test('ticking outlet RT narrows the word list to that document', async ({ page }) => {
  await openView(page, '/?view=words', 'words');
  const all = await wordsCount(page);
  expect(all.docs).toBe(CORPUS_SIZE);
  await facetValue(page, 'outlet', 'RT').locator('input[type=checkbox]').check();
  await expectParam(page, 'outlet', 'RT');
  await expectTab(page, 'words');
  await expect.poll(async () => (await wordsCount(page)).docs).toBe(1);
  const rt = await wordsCount(page);
  expect(rt.shown).toBeLessThan(all.shown);
  expect(rt.tokens).toBeLessThan(all.tokens);
  // Every listed word occurs in 1 document: the RT article ("cprf" is one of its words).
  const docsCol = await columnNumbers(page, 'tr.word-row', 4);
  expect(new Set(docsCol)).toEqual(new Set([1]));
  await page.locator('#words-filter').fill('cprf');
  await expect(page.locator('tr.word-row[data-word="cprf"] td').nth(2)).toHaveText('5');
});

const keyRow = (page, table, word) => page.locator(`#${table} tr.key-row[data-word="${word}"]`);

test('the distinctive words of the RT article include the words only it uses', async ({ page }) => {
  await openView(page, `/?view=keyness&target=doc:${DOC.rt}`, 'keyness');
  await expect(page.locator('#keyness-target')).toHaveValue(`doc:${DOC.rt}`);
  await expect(page.locator('#keyness-count')).toHaveText(/ in 1 document against [\d,]+ tokens in the other 4 · /);
  await expect(page.locator('#keyness-under')).toHaveCount(1);
  await expect(page.locator('#keyness-over tr.key-row').first()).toBeVisible();
  // Counted in the cleaned corpus: words used ≥ 3 times in the RT article and never elsewhere.
  for (const [word, target] of [['cprf', 5], ['resolution', 4], ['him', 3]]) {
    const cells = keyRow(page, 'keyness-over', word).locator('td');
    await expect(cells, `row of ${word}`).toHaveCount(6);
    await expect(cells.nth(0)).toHaveText(word);
    await expect(cells.nth(1)).toHaveText(String(target));
    await expect(cells.nth(2), `${word}: Rest 0`).toHaveText('0');
    await expect(cells.nth(5)).toHaveText(/^< 0\.0[15]$/);
  }
  // Every row shown is significant and overused; rows are by G² descending.
  const sig = await page.locator('#keyness-over tr.key-row td.sig').allTextContents();
  for (const s of sig) expect(s).toMatch(/^< 0\.0[15]$/);
  expectSorted(await columnNumbers(page, '#keyness-over tr.key-row', 3), { what: 'G²' });
  for (const lr of await columnNumbers(page, '#keyness-over tr.key-row', 4)) expect(lr).toBeGreaterThan(0);
  for (const lr of await columnNumbers(page, '#keyness-under tr.key-row', 4)) expect(lr).toBeLessThanOrEqual(0);
});

test('a distinctive-words URL restores target and minimum; changing the minimum updates the URL; back restores', async ({ page }) => {
  await openView(page, '/?view=keyness&target=outlet:RT&min=2', 'keyness');
  await expect(page.locator('#keyness-target')).toHaveValue('outlet:RT');
  await expect(page.locator('#keyness-min')).toHaveValue('2');
  await expect(page.locator('#keyness-count')).toHaveText(/ in 1 document against [\d,]+ tokens in the other 4 · /);
  const sums = async (table) => {
    const a = await columnNumbers(page, `#${table} tr.key-row`, 1);
    const b = await columnNumbers(page, `#${table} tr.key-row`, 2);
    return a.map((x, i) => x + b[i]);
  };
  const at2 = await sums('keyness-over');
  expect(at2.length).toBeGreaterThan(0);
  for (const s of at2) expect(s).toBeGreaterThanOrEqual(2);
  const tested2 = leadingNumber((await page.locator('#keyness-count').innerText()).split(' · ')[1]);

  await page.locator('#keyness-min').fill('5');
  await page.locator('#keyness-min').press('Tab');
  await expectParam(page, 'min', '5');
  expect(new URL(page.url()).searchParams.get('target')).toBe('outlet:RT');
  await expect
    .poll(async () => leadingNumber((await page.locator('#keyness-count').innerText()).split(' · ')[1]))
    .toBeLessThan(tested2);
  for (const s of [...(await sums('keyness-over')), ...(await sums('keyness-under'))]) expect(s).toBeGreaterThanOrEqual(5);

  await page.goBack();
  await expectParam(page, 'min', '2');
  await expect(page.locator('#keyness-min')).toHaveValue('2');
  await expect(page.locator('#keyness-target')).toHaveValue('outlet:RT');
  await expectTab(page, 'keyness');
});

const mi = (page) => columnNumbers(page, 'tr.coll-row', 5);

test('clicking the MI header sorts the collocates by MI', async ({ page }) => {
  await openView(page, '/?q=union&view=collocates&min=2', 'collocates');
  await expect(page.locator('.sort-header[data-sort="logdice"]')).toHaveClass(/\bcurrent\b/);
  expectSorted(await columnNumbers(page, 'tr.coll-row', 4), { what: 'logDice' });
  const before = await mi(page);
  expect(before.length).toBeGreaterThan(3);
  await page.locator('.sort-header[data-sort="mi"]').click();
  await expectParam(page, 'csort', 'mi');
  await expect(page.locator('.sort-header[data-sort="mi"]')).toHaveClass(/\bcurrent\b/);
  await expect(page.locator('th:has(.sort-header[data-sort="mi"])')).toHaveAttribute('aria-sort', 'descending');
  const rows = await allPages(page, (p) => mi(p));
  expect(rows.length).toBe(before.length);
  expectSorted(rows, { what: 'MI' });
});

test('a collocates URL restores window, minimum and sort; a change updates the URL; back restores', async ({ page }) => {
  await openView(page, '/?q=union&view=collocates&left=3&right=2&min=2&csort=mi', 'collocates');
  await expect(page.locator('#coll-left')).toHaveValue('3');
  await expect(page.locator('#coll-right')).toHaveValue('2');
  await expect(page.locator('#coll-min')).toHaveValue('2');
  await expect(page.locator('.sort-header[data-sort="mi"]')).toHaveClass(/\bcurrent\b/);
  expectSorted(await mi(page), { what: 'MI' });
  for (const o of await columnNumbers(page, 'tr.coll-row', 1)) expect(o).toBeGreaterThanOrEqual(2);
  // E = f(node) · f(coll) · (L + R) / N with L + R = 5.
  const head = (await page.locator('#coll-count').innerText()).trim();
  const m = head.match(/^(\d+) collocates of ([\d,]+) node hits · N = ([\d,]+) tokens$/);
  expect(m, head).not.toBeNull();
  const [fNode, n] = [Number(m[2].replace(/,/g, '')), Number(m[3].replace(/,/g, ''))];
  const e = await columnNumbers(page, 'tr.coll-row', 2);
  const f = await columnNumbers(page, 'tr.coll-row', 3);
  e.forEach((x, i) => expect(x).toBeCloseTo((fNode * f[i] * 5) / n, 1));
  const o3 = await columnNumbers(page, 'tr.coll-row', 1);

  await page.locator('#coll-left').selectOption('1');
  await expectParam(page, 'left', '1');
  expect(new URL(page.url()).searchParams.get('csort')).toBe('mi');
  await expect.poll(async () => (await columnNumbers(page, 'tr.coll-row', 1)).reduce((a, b) => a + b, 0)).toBeLessThan(
    o3.reduce((a, b) => a + b, 0),
  );

  await page.goBack();
  await expectParam(page, 'left', '3');
  await expect(page.locator('#coll-left')).toHaveValue('3');
  await expect.poll(() => columnNumbers(page, 'tr.coll-row', 1)).toEqual(o3);
  await expectTab(page, 'collocates');
});

test('distribution: one series per term, a strip per document, a tick per hit', async ({ page }) => {
  await openView(page, '/?view=distribution&term=stalin&term=putin', 'distribution');
  await expect(page.locator('form.terms .chips .term')).toHaveText(['stalin', 'putin']);
  const series = page.locator('#app div.series');
  await expect(series).toHaveCount(2);
  await expect(series.nth(0)).toHaveAttribute('data-term', 'stalin');
  await expect(series.nth(1)).toHaveAttribute('data-term', 'putin');
  for (const [i, term] of ['stalin', 'putin'].entries()) {
    const rows = await series.nth(i).locator('tr.dispersion-row').evaluateAll((trs) =>
      trs.map((tr) => ({
        doc: tr.dataset.docId,
        hits: Number(tr.cells[1].textContent),
        strips: tr.querySelectorAll('svg.strip').length,
        ticks: tr.querySelectorAll('svg.strip line.tick').length,
      })),
    );
    expect(rows.length, `${term}: a row per document`).toBe(CORPUS_SIZE);
    let total = 0;
    for (const r of rows) {
      expect(r.strips, `${term} in ${r.doc}: one strip`).toBe(1);
      expect(r.ticks, `${term} in ${r.doc}: ticks = Hits`).toBe(r.hits);
      total += r.hits;
    }
    await expect(series.nth(i).locator('.series-stats')).toHaveText(new RegExp(`^ · ${total} hits · DP `));
    // The hits are the reader's marks for the term as a whole word.
    const withHits = rows.filter((r) => r.hits > 0);
    expect(withHits.length).toBeGreaterThan(1);
    const r = withHits[0];
    expect(await readerMarks(page, `${term} `, r.doc), `reader marks of "${term} " in ${r.doc}`).toBe(r.hits);
    await openView(page, '/?view=distribution&term=stalin&term=putin', 'distribution');
  }
  // Removing a term updates the URL; back restores it.
  await page.getByRole('button', { name: 'Remove putin' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('term')).toEqual(['stalin']);
  await expect(series).toHaveCount(1);
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('term')).toEqual(['stalin', 'putin']);
  await expect(series).toHaveCount(2);
  await expectTab(page, 'distribution');
});

test('trends: a chart with a series per term and axis titles, and a table row per document', async ({ page }) => {
  await openView(page, '/?view=trends&term=stalin&term=putin', 'trends');
  await expect(page.locator('#trend-chart-type')).toHaveValue('line');
  const chart = page.locator('svg#trend-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('g.series')).toHaveCount(2);
  await expect(chart.locator('g.series').nth(0)).toHaveAttribute('data-term', 'stalin');
  await expect(chart.locator('g.series').nth(1)).toHaveAttribute('data-term', 'putin');
  await expect(chart.locator('.axis-title')).toHaveText(['hits per 10,000 words', 'documents, oldest to newest']);
  await expect(chart.locator('g.series polyline.line')).toHaveCount(2);
  await expect(chart.locator('g.series').nth(0).locator('circle.dot')).toHaveCount(CORPUS_SIZE);

  const rows = await page.locator('#trend-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      doc: tr.dataset.docId,
      date: tr.cells[0].textContent,
      words: Number(tr.cells[2].textContent),
      values: [3, 4].map((i) => Number(tr.cells[i].textContent)),
      hits: [3, 4].map((i) => Number(tr.cells[i].title.replace(/ hits?$/, ''))),
    })),
  );
  expect(rows.length, 'a row per document').toBe(CORPUS_SIZE);
  expect(new Set(rows.map((r) => r.doc)).size).toBe(CORPUS_SIZE);
  // Date order: 2021-12-10, the two of 2022, 2025-07-05, 2025-12-11.
  const order = rows.map((r) => r.doc);
  expect(order[0]).toBe(DOC.emancipation);
  expect(order.slice(1, 3).sort()).toEqual([DOC.podcast, DOC.analysis].sort());
  expect(order.slice(3)).toEqual([DOC.rt, DOC.politsturm]);
  for (const r of rows) {
    r.values.forEach((v, i) => expect(v, `${r.doc}: per 10,000 words`).toBeCloseTo((r.hits[i] / r.words) * 10000, 1));
  }
  // Hits agree with the distribution view.
  await openView(page, '/?view=distribution&term=stalin&term=putin', 'distribution');
  for (const [i, term] of ['stalin', 'putin'].entries()) {
    const dist = await page
      .locator(`div.series[data-term="${term}"] tr.dispersion-row`)
      .evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.docId, Number(tr.cells[1].textContent)])));
    expect(Object.fromEntries(rows.map((r) => [r.doc, r.hits[i]])), `${term} hits per document`).toEqual(dist);
  }
});

test('a trends URL restores the bar chart; adding a term and switching to lines update the URL; back restores', async ({ page }) => {
  await openView(page, '/?view=trends&term=stalin&chart=bar', 'trends');
  await expect(page.locator('#trend-chart-type')).toHaveValue('bar');
  const chart = page.locator('svg#trend-chart');
  await expect(chart.locator('g.series')).toHaveCount(1);
  await expect(chart.locator('g.series rect.bar')).toHaveCount(CORPUS_SIZE);
  await expect(chart.locator('polyline')).toHaveCount(0);
  await expect(chart).toHaveAttribute('aria-label', /^Bar chart /);

  await page.locator('#term-add').fill('putin');
  await page.locator('#term-add').press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('term')).toEqual(['stalin', 'putin']);
  await expect(chart.locator('g.series')).toHaveCount(2);
  await expect(chart.locator('g.series rect.bar')).toHaveCount(2 * CORPUS_SIZE);

  await page.locator('#trend-chart-type').selectOption('line');
  await expectParam(page, 'chart', null);
  await expect(chart.locator('polyline.line')).toHaveCount(2);
  await expect(chart.locator('rect.bar')).toHaveCount(0);

  await page.goBack();
  await expectParam(page, 'chart', 'bar');
  await expect(page.locator('#trend-chart-type')).toHaveValue('bar');
  await expect(chart.locator('rect.bar')).toHaveCount(2 * CORPUS_SIZE);
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('term')).toEqual(['stalin']);
  await expect(chart.locator('g.series')).toHaveCount(1);
  await expectTab(page, 'trends');
});
