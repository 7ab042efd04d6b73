// CSV and JSON downloads of the analysis tables: a header and one record per row of the
// table (all pages), the query / filters / corpus version, and the formula guard.
import { test, expect, DOC } from './helpers.mjs';
import { openView, kwicCount, download, parseCsv, corpusVersion, leadingNumber, foldWord } from './analysis-helpers.mjs';

const META = ['query', 'filters', 'corpus_version'];

/** Downloads the view's CSV and JSON; checks the shared parts and returns { header, rows, json, csv }. */
async function exportBoth(page, { name, columns, query, filters, view }) {
  const version = await corpusVersion(page);
  const csv = await download(page, page.locator('button.export-csv'));
  expect(csv.name).toBe(`${name}.csv`);
  expect(csv.text.startsWith('\uFEFF'), 'a byte order mark, so that spreadsheets read UTF-8').toBe(true);
  const [header, ...rows] = parseCsv(csv.text.slice(1));
  expect(header, 'the CSV header row').toEqual([...columns, ...META]);
  // One expectation for all records (one per record takes seconds on a list of thousands).
  const short = rows.map((r, i) => [i + 2, r.length]).filter(([, n]) => n !== header.length);
  expect(short, 'CSV records (line, fields) without a field per column').toEqual([]);
  const guard = (s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  const meta = [guard(query), filters.join('; '), version];
  const wrong = rows.filter((r) => r.slice(-3).join('\u0000') !== meta.join('\u0000'));
  expect(wrong.slice(0, 3), 'query, filters, corpus_version on every record').toEqual([]);

  const js = await download(page, page.locator('button.export-json'));
  expect(js.name).toBe(`${name}.json`);
  const json = JSON.parse(js.text);
  expect(json).toMatchObject({ view, query, filters, corpus_version: version, columns });
  expect(typeof json.generated).toBe('string');
  expect(Number.isNaN(Date.parse(json.generated)), `generated ${json.generated} is a date`).toBe(false);
  expect(json.rows.length, 'JSON rows = CSV records').toBe(rows.length);
  // Each row has every column (object keys are unordered in JSON: `columns` gives the order).
  const keys = [...columns].sort().join(',');
  expect(json.rows.filter((r) => Object.keys(r).sort().join(',') !== keys).slice(0, 3)).toEqual([]);
  return { header, rows, json, csv: csv.text };
}

test('the word-list CSV has the header and one record per word the list reports', async ({ page }) => {
  await openView(page, '/?view=words', 'words');
  const shown = leadingNumber(await page.locator('#words-count').innerText());
  expect(shown).toBeGreaterThan(100);
  const { rows, json } = await exportBoth(page, {
    name: 'wordlist',
    view: 'wordlist',
    columns: ['word', 'stem', 'count', 'per_million', 'docs', 'stopword'],
    query: '',
    filters: [],
  });
  expect(rows.length, 'data records = "N words shown"').toBe(shown);
  // The same words as the table, in the same order (its first page).
  const firstPage = await page.locator('tr.word-row').evaluateAll((trs) => trs.map((tr) => tr.dataset.word));
  expect(rows.slice(0, firstPage.length).map((r) => r[0])).toEqual(firstPage);
  expect(rows.map((r) => r[0])).not.toContain('the');
  expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['no']));
  expect(json.rows[0]).toMatchObject({ word: firstPage[0], stem: '', stopword: 'no' });
  expect(typeof json.rows[0].count).toBe('number');
  expect(String(json.rows[0].count)).toBe(rows[0][2]);
});

test('the concordance CSV and JSON have every line of every page', async ({ page }) => {
  await openView(page, '/?q=s*&view=concordance', 'concordance');
  const { lines } = await kwicCount(page);
  expect(lines, 'more lines than one page').toBeGreaterThan(100);
  const { rows, json } = await exportBoth(page, {
    name: 'concordance-s',
    view: 'concordance',
    columns: ['doc_id', 'title', 'paragraph', 'hit', 'left', 'keyword', 'right'],
    query: 's*',
    filters: [],
  });
  expect(rows.length, 'CSV records = "N lines"').toBe(lines);
  expect(json.rows.length).toBe(lines);
  for (const r of json.rows) expect(foldWord(r.keyword)).toMatch(/^s/);
  const first = await page.locator('tr.kwic-line').first().evaluate((tr) => ({
    doc_id: tr.dataset.docId,
    hit: Number(tr.dataset.hit) + 1,
    left: tr.querySelector('.kwic-left').textContent,
    keyword: tr.querySelector('.kwic-kw mark').textContent,
    right: tr.querySelector('.kwic-right').textContent,
  }));
  expect(json.rows[0]).toMatchObject(first);
});

test('a CSV text cell starting with "-" gets a leading apostrophe (query "-putin stalin", filter kind=blog)', async ({ page }) => {
  // The blog has Stalinism, Stalinist and Stalins, never "Stalin" as written: every form of the stem.
  await openView(page, '/?q=-putin%20stalin&kind=blog&view=concordance&match=stem', 'concordance');
  const { lines } = await kwicCount(page);
  expect(lines).toBeGreaterThan(0);
  const { rows, json, csv } = await exportBoth(page, {
    name: 'concordance-putin-stalin',
    view: 'concordance',
    columns: ['doc_id', 'title', 'paragraph', 'hit', 'left', 'keyword', 'right'],
    query: '-putin stalin',
    filters: ['kind=blog'],
  });
  expect(rows.length).toBe(lines);
  expect(csv).toContain(",'-putin stalin,kind=blog,");
  expect(json.query, 'JSON keeps the query as typed').toBe('-putin stalin');
  for (const r of rows) expect(r[0]).toBe(DOC.emancipation);
  // No text field begins with a formula character.
  for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});

test('the distinctive-words CSV writes negative numbers as numbers, unguarded', async ({ page }) => {
  await openView(page, `/?view=keyness&target=doc:${DOC.rt}`, 'keyness');
  const tested = leadingNumber((await page.locator('#keyness-count').innerText()).split(' · ')[1]);
  const { rows, json } = await exportBoth(page, {
    name: `distinctive-doc-${DOC.rt.replace(/_/g, '-')}`,
    view: 'keyness',
    columns: ['word', 'a', 'b', 'c', 'd', 'g2', 'log_ratio', 'direction', 'p'],
    query: '',
    filters: [],
  });
  expect(rows.length, 'every word tested, not only the significant ones').toBe(tested);
  const negative = rows.filter((r) => r[6].startsWith('-'));
  expect(negative.length).toBeGreaterThan(0);
  for (const r of negative) expect(r[6]).toMatch(/^-\d+(\.\d+)?(e-?\d+)?$/);
  const cprf = json.rows.find((r) => r.word === 'cprf');
  expect(cprf).toMatchObject({ a: 5, b: 0, direction: 'over' });
});
