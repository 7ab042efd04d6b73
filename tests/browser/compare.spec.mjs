// Issue 14: compare two selections, phrases (n-grams), the overview, trends by period,
// wildcards, the word cloud, and counting a word's own form (match=form|stem).
import { test, expect, DOC, CORPUS_SIZE, openApp, results } from './helpers.mjs';
import { openView, expectTab, expectParam, readerMarks, download } from './analysis-helpers.mjs';

const num = (text) => Number(String(text).replace(/[,\s]/g, ''));
/** The number a figure of the overview starts with ("9,994 (words of …)" → 9994). */
const figure = async (page, id) => num((await page.locator(`#${id}`).innerText()).match(/^[\d,]+/)[0]);

/** `#size-a` / `#size-b` as { docs, tokens }. */
async function sideSize(page, side) {
  const text = (await page.locator(`#size-${side}`).innerText()).trim();
  const m = text.match(/ — ([\d,]+) documents?, ([\d,]+) tokens/);
  if (!m) throw new Error(`#size-${side} has an unexpected text: ${JSON.stringify(text)}`);
  return { docs: num(m[1]), tokens: num(m[2]) };
}

/** The rows of a comparison table. */
const compareRows = (page, id) =>
  page.locator(`#${id} tbody tr.compare-row`).evaluateAll((trs) =>
    trs.map((tr) => ({
      word: tr.dataset.word,
      a: Number(tr.cells[1].textContent),
      b: Number(tr.cells[2].textContent),
      aRate: Number(tr.cells[3].textContent),
      bRate: Number(tr.cells[4].textContent),
      g2: Number(tr.cells[5].textContent),
      lr: Number(tr.cells[6].textContent),
    })),
  );

test('compare RT with Politsturm: both sides sized, words each uses more, the term in both', async ({ page }) => {
  await openView(page, '/?view=compare&a=outlet:rt&b=outlet:politsturm&q=soviet', 'compare');
  await expect(page.locator('#side-a')).toHaveValue('outlet:rt');
  await expect(page.locator('#side-b')).toHaveValue('outlet:politsturm');
  const a = await sideSize(page, 'a');
  const b = await sideSize(page, 'b');
  expect([a.docs, b.docs]).toEqual([1, 1]);
  // Each side's tokens are its document's, as the distinctive-words view counts them.
  await openView(page, `/?view=keyness&target=outlet:RT`, 'keyness');
  const rtTokens = num((await page.locator('#keyness-count').innerText()).match(/^([\d,]+) tokens/)[1]);
  expect(a.tokens).toBe(rtTokens);

  await openView(page, '/?view=compare&a=outlet:rt&b=outlet:politsturm&q=soviet', 'compare');
  const moreA = await compareRows(page, 'compare-a');
  const moreB = await compareRows(page, 'compare-b');
  expect(moreA.length + moreB.length, 'some word is used at different rates').toBeGreaterThan(0);
  for (const r of moreA) {
    expect(r.aRate, `${r.word}: more in A`).toBeGreaterThan(r.bRate);
    expect(r.g2).toBeGreaterThanOrEqual(3.84);
    expect(r.aRate).toBeCloseTo((r.a / a.tokens) * 10000, 1);
    expect(r.bRate).toBeCloseTo((r.b / b.tokens) * 10000, 1);
  }
  for (const r of moreB) expect(r.bRate, `${r.word}: more in B`).toBeGreaterThan(r.aRate);
  // The query's term in both sides: its rates and its lines.
  await expect(page.locator('#compare-term h3')).toHaveText('“soviet”');
  const rates = (await page.locator('#compare-rates').innerText()).match(/^([\d.]+) per 10,000 tokens in A \((\d+) hits?\), ([\d.]+) in B \((\d+) hits?\)$/);
  expect(rates, 'the rates line').not.toBeNull();
  await expect(page.locator('#compare-kwic-a tr.kwic-line')).toHaveCount(Math.min(25, Number(rates[2])));
  await expect(page.locator('#compare-kwic-b tr.kwic-line')).toHaveCount(Math.min(25, Number(rates[4])));
  expect(Number(rates[1])).toBeCloseTo((Number(rates[2]) / a.tokens) * 10000, 1);

  // A word of a table becomes the term compared.
  const word = (moreA[0] || moreB[0]).word;
  await page.locator(`tr.compare-row[data-word="${word}"] button`).first().click();
  await expectParam(page, 'term', word);
  await expect(page.locator('#compare-term h3')).toHaveText(`“${word}”`);

  // Swapping the sides swaps the tables.
  await page.locator('#swap-sides').click();
  await expectParam(page, 'a', 'outlet:politsturm');
  await expectParam(page, 'b', 'outlet:rt');
  await expect.poll(async () => (await compareRows(page, 'compare-b')).map((r) => r.word)).toEqual(moreA.map((r) => r.word));
});

test('the comparison figures equal the distinctive words of the same two sides', async ({ page }) => {
  // A = RT, B = every other document: the keyness of RT against the rest.
  await openView(page, '/?view=compare&a=outlet:rt&min=2', 'compare');
  await expect(page.locator('#size-b')).toContainText('every other document');
  expect((await sideSize(page, 'b')).docs).toBe(CORPUS_SIZE - 1);
  const compared = await compareRows(page, 'compare-a');
  await openView(page, '/?view=keyness&target=outlet:RT&min=2', 'keyness');
  const keyness = await page.locator('#keyness-over tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ word: tr.dataset.word, a: Number(tr.cells[1].textContent), b: Number(tr.cells[2].textContent), g2: tr.cells[3].textContent, lr: tr.cells[4].textContent })),
  );
  expect(compared.length).toBeGreaterThan(0);
  expect(compared.map((r) => [r.word, r.a, r.b, r.g2.toFixed(2), (r.lr >= 0 ? '+' : '') + r.lr.toFixed(2)])).toEqual(
    keyness.map((r) => [r.word, r.a, r.b, r.g2, r.lr]),
  );
});

test('an empty side says so; a hostile selection is text; the pickers write the selection', async ({ page }) => {
  await openView(page, '/?view=compare', 'compare');
  await expect(page.locator('.compare .empty-view')).toContainText('Choose side A');
  await page.locator('#side-a-pick').selectOption('kind:"podcast transcript"');
  await expectParam(page, 'a', 'kind:"podcast transcript"');
  await expect(page.locator('#side-a')).toHaveValue('kind:"podcast transcript"');
  expect((await sideSize(page, 'a')).docs).toBe(1);
  expect((await sideSize(page, 'b')).docs).toBe(CORPUS_SIZE - 1);

  await openView(page, '/?view=compare&a=year:1900&b=outlet:rt', 'compare');
  await expect(page.locator('#size-a')).toContainText('Side A has no document');
  await expect(page.locator('#compare-empty')).toBeVisible();

  const hostile = '<img src=x onerror=alert(1)>';
  await openView(page, `/?view=compare&a=${encodeURIComponent(hostile)}`, 'compare');
  await expect(page.locator('#size-a code')).toHaveText(hostile);
  await expect(page.locator('#app img')).toHaveCount(0);
});

test('the word cloud: sized words linking to their concordance, the table as its text', async ({ page }) => {
  await openView(page, '/?view=words&cloud=1', 'words');
  await expect(page.locator('#cloud-toggle')).toBeChecked();
  const cloud = page.locator('svg#word-cloud');
  await expect(cloud).toHaveAttribute('aria-describedby', 'words-table');
  const words = await cloud.locator('a.cloud-word').evaluateAll((as) =>
    as.map((a) => ({ word: a.dataset.word, size: Number(a.querySelector('text').getAttribute('font-size')) })),
  );
  expect(words.length).toBeGreaterThan(20);
  // The most frequent word of the table is the biggest of the cloud.
  const first = await page.locator('tr.word-row').first().getAttribute('data-word');
  expect(words.reduce((m, w) => (w.size > m.size ? w : m)).word).toBe(first);
  // The same data gives the same picture.
  const html = await cloud.innerHTML();
  await page.reload();
  await expect(page.locator('svg#word-cloud')).toBeVisible();
  expect(await page.locator('svg#word-cloud').innerHTML()).toBe(html);
  // A word opens its concordance.
  await page.locator(`svg#word-cloud a[data-word="${first}"]`).click();
  await expectTab(page, 'concordance');
  await expectParam(page, 'q', first);
  await expect(page.locator('tr.kwic-line').first()).toBeVisible();

  // In a comparison, the words of each side in its own colour.
  await openView(page, '/?view=compare&a=outlet:rt&cloud=1&min=2', 'compare');
  await expect(page.locator('svg#word-cloud a.side-0').first()).toBeVisible();
  await page.locator('#cloud-toggle').uncheck();
  await expectParam(page, 'cloud', null);
  await expect(page.locator('svg#word-cloud')).toHaveCount(0);
});

test('phrases: the most frequent n-grams; a click searches one as a phrase', async ({ page }) => {
  await openView(page, '/?view=ngrams&n=3', 'ngrams');
  await expect(page.locator('#ngram-n')).toHaveValue('3');
  const rows = await page.locator('tr.ngram-row').evaluateAll((trs) =>
    trs.map((tr) => ({ words: tr.dataset.ngram, count: Number(tr.cells[2].textContent.replace(/,/g, '')), docs: Number(tr.cells[4].textContent) })),
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r.words.split(' ')).toHaveLength(3);
    expect(r.count).toBeGreaterThanOrEqual(3);
  }
  for (let i = 1; i < rows.length; i++) expect(rows[i - 1].count).toBeGreaterThanOrEqual(rows[i].count);
  // The phrase search finds the documents the n-gram is counted in.
  const top = rows[0];
  await page.locator('tr.ngram-row').first().locator('button').click();
  await expectTab(page, 'search');
  await expectParam(page, 'q', `"${top.words}"`);
  await expect(results(page)).toHaveCount(top.docs);
  await expect(results(page).first().locator('mark').first()).toBeVisible();
  await page.goBack();
  await expectTab(page, 'ngrams');

  // Dropping stopword edges; only n-grams with the query's words.
  await openView(page, '/?view=ngrams&n=2&nstop=drop&nquery=1&q=soviet', 'ngrams');
  await expect(page.locator('#ngram-containing')).toHaveText('Only sequences with soviet.');
  const pairs = await page.locator('tr.ngram-row').evaluateAll((trs) => trs.map((tr) => tr.dataset.ngram));
  expect(pairs.length).toBeGreaterThan(0);
  for (const p of pairs) {
    expect(p.split(' ')).toContain('soviet');
    expect(p.split(' ')[0]).not.toBe('the');
    expect(p.split(' ').at(-1)).not.toBe('the');
  }
});

test('the overview: its token count is the sum of the word list, each document with its distinctive words', async ({ page }) => {
  await openView(page, '/?view=summary', 'summary');
  const tokens = await figure(page, 'summary-tokens');
  const types = await figure(page, 'summary-types');
  expect(tokens).toBeGreaterThan(9000);
  await expect(page.locator('#summary-docs')).toHaveText(String(CORPUS_SIZE));
  await expect(page.locator('#summary-mattr')).toHaveText(/^0\.\d{3}/);
  await expect(page.locator('#summary-docs-table tbody tr')).toHaveCount(CORPUS_SIZE);
  for (const tr of await page.locator('#summary-docs-table tbody tr').all()) {
    await expect(tr.locator('td.distinctive button')).toHaveCount(3);
  }
  // The longest document is the podcast transcript.
  await expect(page.locator('#summary-longest li').first()).toHaveAttribute('data-doc-id', DOC.podcast);
  // Every word form with its count: the word list's download, stopwords included.
  await openView(page, '/?view=words&stop=show', 'words');
  const { rows } = JSON.parse((await download(page, page.locator('button.export-json'))).text);
  expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(tokens);
  expect(rows.length).toBe(types);
});

test('trends by year: one row per year, each the sum of its documents, empty years as gaps', async ({ page }) => {
  await openView(page, '/?view=trends&term=soviet', 'trends');
  const docs = await page.locator('#trend-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ year: tr.cells[0].textContent.match(/\d{4}/)[0], words: Number(tr.cells[2].textContent), hits: Number(tr.cells[3].title.replace(/ hits?$/, '')) })),
  );
  await page.locator('#trend-by').selectOption('year');
  await expectParam(page, 'by', 'year');
  const rows = page.locator('#trend-table tbody tr.period-row');
  await expect(rows).toHaveCount(5);
  const years = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      year: tr.dataset.period,
      docs: Number(tr.cells[1].textContent),
      words: Number(tr.cells[2].textContent.replace(/,/g, '')),
      rate: tr.cells[3].textContent,
      hits: tr.cells[3].dataset.hits === undefined ? null : Number(tr.cells[3].dataset.hits),
    })),
  );
  expect(years.map((y) => y.year)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  for (const y of years) {
    const mine = docs.filter((d) => d.year === y.year);
    expect(y.docs, `${y.year}: documents`).toBe(mine.length);
    if (mine.length === 0) {
      expect(y.rate, `${y.year} is a gap`).toBe('—');
      continue;
    }
    const hits = mine.reduce((s, d) => s + d.hits, 0);
    const words = mine.reduce((s, d) => s + d.words, 0);
    expect([y.hits, y.words]).toEqual([hits, words]);
    expect(Number(y.rate)).toBeCloseTo((hits / words) * 10000, 1);
  }
  // The chart breaks its line at the gap years.
  await expect(page.locator('svg#trend-chart g.series circle.dot')).toHaveCount(3);
  // By outlet: one row per outlet; by month: the two 2022 documents have no month.
  await openView(page, '/?view=trends&term=soviet&by=month', 'trends');
  await expect(page.locator('#trend-left-out')).toHaveText('2 documents without a month are left out.');
  await openView(page, '/?view=trends&term=soviet&by=nosuchfield', 'trends');
  await expect(page.locator('#notice')).toContainText('no metadata field “nosuchfield”');
  await expect(page.locator('#trend-by')).toHaveValue('doc');
});

test('wildcards: *ism finds Stalinism and Bolshevism, in the search and the concordance', async ({ page }) => {
  await openApp(page, '/?q=*ism');
  await expect(results(page).first()).toBeVisible();
  const marked = await page.locator('ol#results mark').allInnerTexts();
  expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['stalinism']));
  await openView(page, '/?q=*ism&view=concordance', 'concordance');
  const keywords = (await page.locator('tr.kwic-line .kwic-kw mark').allInnerTexts()).map((k) => k.toLowerCase());
  expect(keywords).toEqual(expect.arrayContaining(['stalinism', 'bolshevism']));
  for (const k of keywords) expect(k).toMatch(/ism$/);
  // wom?n: one letter.
  await openView(page, '/?q=wom%3Fn&view=concordance', 'concordance');
  for (const k of await page.locator('tr.kwic-line .kwic-kw mark').allInnerTexts()) expect(k.toLowerCase()).toMatch(/^wom.n$/);
});

test('the distribution counts the word as written: stalin 7 times in the podcast, 21 with its stem', async ({ page }) => {
  const podcastHits = async () =>
    Number(await page.locator(`tr.dispersion-row[data-doc-id="${DOC.podcast}"] td`).nth(1).innerText());
  await openView(page, '/?view=distribution&term=stalin', 'distribution');
  await expect(page.locator('#match-mode')).toHaveValue('form');
  await expect(page.locator('#match-said')).toContainText('as written');
  expect(await podcastHits()).toBe(7);
  await page.locator('#match-mode').selectOption('stem');
  await expectParam(page, 'match', 'stem');
  await expect.poll(podcastHits).toBe(21);
  // With the stem, the hits are the reader's marks; the concordance of the form opens the reader at its own hit.
  expect(await readerMarks(page, 'stalin ', DOC.podcast)).toBe(21);
  await openView(page, `/?view=concordance&q=stalin&doc=${DOC.podcast}`, 'concordance');
  const lines = page.locator(`tr.kwic-line[data-doc-id="${DOC.podcast}"]`);
  await expect(lines).toHaveCount(7);
  for (const k of await lines.locator('.kwic-kw mark').allInnerTexts()) expect(k.toLowerCase()).toMatch(/^stalin(['’]s)?$/);
  const last = lines.last();
  const hit = Number(await last.getAttribute('data-hit'));
  await last.click();
  // The reader marks the word as the concordance counted it.
  await expect(page.locator('#hit-counter')).toHaveText(`hit ${hit + 1} of 7`);
  await expect(page.locator('#reader-matching')).toContainText('as written');
  await expect(page.locator('article#reader mark.current')).toHaveText(/^Stalin(['’]s)?$/);
});

test('the new views download as CSV and JSON, every row with its columns', async ({ page }) => {
  const cases = [
    ['/?view=compare&a=outlet:rt&min=2', 'compare-outlet-rt-rest', ['word', 'group', 'a', 'b', 'c', 'd', 'a_per_10k', 'b_per_10k', 'g2', 'log_ratio', 'p']],
    ['/?view=ngrams&n=3', 'ngrams-3', ['ngram', 'count', 'per_million', 'docs']],
    ['/?view=summary', 'overview', ['doc_id', 'title', 'tokens', 'types', 'ttr', 'mattr', 'sentences', 'words_per_sentence', 'words']],
    ['/?view=trends&term=soviet&by=year', 'trends-soviet-by-year', ['period:year', 'docs', 'words', 'hits:soviet', 'per_10k:soviet']],
  ];
  for (const [url, name, columns] of cases) {
    await openApp(page, url);
    await expect(page.locator('button.export-json')).toBeVisible();
    const json = await download(page, page.locator('button.export-json'));
    expect(json.name).toBe(`${name}.json`);
    const data = JSON.parse(json.text);
    expect(data.columns, url).toEqual(columns);
    expect(data.rows.length, `${url}: rows`).toBeGreaterThan(0);
    const csv = await download(page, page.locator('button.export-csv'));
    expect(csv.name).toBe(`${name}.csv`);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0].startsWith(columns.join(','))).toBe(true);
  }
  // The overview's first row is the whole selection, then one row per document.
  await openApp(page, '/?view=summary');
  const { rows } = JSON.parse((await download(page, page.locator('button.export-json'))).text);
  expect(rows.length).toBe(CORPUS_SIZE + 1);
  // A year without documents has an empty rate, not a zero.
  await openApp(page, '/?view=trends&term=soviet&by=year');
  const years = JSON.parse((await download(page, page.locator('button.export-json'))).text).rows;
  const gap = years.find((r) => r['period:year'] === '2023');
  expect([gap.docs, gap['per_10k:soviet']]).toEqual([0, '']);
});

test('an embedded comparison shows its sides; the embed snippet carries them', async ({ page }) => {
  await page.goto('/?embed=1&view=compare&a=outlet:rt&b=outlet:politsturm');
  await expect(page.locator('#size-a')).toContainText('1 document');
  await expect(page.locator('#size-b')).toContainText('1 document');
  await expect(page.locator('#add-texts-button')).toHaveCount(0);
  await openApp(page, '/?view=compare&a=outlet:rt&b=outlet:politsturm');
  await page.locator('#embed-button').click();
  await expect(page.locator('#embed-script')).toHaveValue(/ data-settings="a=outlet%3Art&amp;b=outlet%3Apolitsturm"/);
});
