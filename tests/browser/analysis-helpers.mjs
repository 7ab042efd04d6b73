// Helpers shared by the analysis-view tests (concordance, word list, distinctive words,
// collocates, distribution, trends, exports).
import { readFile } from 'node:fs/promises';
import { expect, openApp, params } from './helpers.mjs';

/** Opens `path` and waits until the app is ready and the tab `view` is the current one. */
export async function openView(page, path, view) {
  await openApp(page, path);
  await expectTab(page, view);
}

/** `#tab-<view>` is the current tab (and it is the only one). */
export async function expectTab(page, view) {
  await expect(page.locator(`#tab-${view}`)).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('nav.tabs [aria-current="page"]')).toHaveCount(1);
}

/** The value of a URL parameter of the current page (null when absent). */
export const param = (page, key) => params(page).get(key);

/** Waits until URL parameter `key` has `value` (null: absent). */
export async function expectParam(page, key, value) {
  await expect.poll(() => param(page, key), { message: `URL parameter ${key}=${value}` }).toBe(value);
}

/** Folds case and diacritics like the app (’ → ', ё → е). */
export function foldWord(s) {
  return s
    .replace(/[\u2019\u2018\u02BC\uFF07]/g, "'")
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/й/g, '\u0000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0000/g, 'й')
    .normalize('NFC');
}

/** Words of a text as the app tokenizes it (letters/digits; `'`, `.` join letters, `,` `;` digits). */
export function words(text) {
  const re = /[\p{L}\p{N}_]+(?:(?:['\u2019.][\p{L}\p{N}_]+)|(?:[,;]\p{N}+))*/gu;
  return [...text.matchAll(re)].map((m) => m[0]);
}

/** The number stated at the start of a count line ("1,066 lines in …" → 1066). */
export function leadingNumber(text) {
  const m = text.trim().match(/^([\d,]+)\b/);
  if (!m) throw new Error(`no number at the start of ${JSON.stringify(text)}`);
  return Number(m[1].replace(/,/g, ''));
}

/** `#kwic-count` as { lines, docs }. */
export async function kwicCount(page) {
  const text = (await page.locator('#kwic-count').innerText()).trim();
  const m = text.match(/^([\d,]+) lines? in (\d+) documents?$/);
  if (!m) throw new Error(`#kwic-count has an unexpected text: ${JSON.stringify(text)}`);
  return { lines: Number(m[1].replace(/,/g, '')), docs: Number(m[2]) };
}

/** The concordance lines of the page shown: doc id, hit, left, keyword, right. */
export async function kwicLines(page) {
  return page.locator('tr.kwic-line').evaluateAll((trs) =>
    trs.map((tr) => ({
      doc: tr.dataset.docId,
      hit: Number(tr.dataset.hit),
      left: tr.querySelector('.kwic-left').textContent,
      keyword: tr.querySelector('.kwic-kw mark').textContent,
      right: tr.querySelector('.kwic-right').textContent,
    })),
  );
}

/**
 * Every row of a paged table: reads the rows of each page, clicking `.pager-next` until
 * it is disabled (or there is no pager). `read` returns the rows of the page shown.
 */
export async function allPages(page, read) {
  const rows = [];
  for (let guard = 0; guard < 200; guard++) {
    rows.push(...(await read(page)));
    const next = page.locator('.pager-next');
    if ((await next.count()) === 0 || (await next.isDisabled())) return rows;
    const status = await page.locator('.pager-status').innerText();
    const m = status.match(/^page (\d+) of (\d+)$/);
    expect(m, `pager status ${JSON.stringify(status)}`).not.toBeNull();
    await next.click();
    await expect(page.locator('.pager-status')).toHaveText(`page ${Number(m[1]) + 1} of ${m[2]}`);
  }
  throw new Error('more than 200 pages');
}

/** The number of marks the reader shows for document `id` under query `q`, and the counter text. */
export async function readerMarks(page, q, id) {
  await openApp(page, `/?q=${encodeURIComponent(q)}&doc=${id}`);
  const reader = page.locator('article#reader');
  await expect(reader).toBeVisible();
  const marks = await reader.locator('mark').count();
  await expect(page.locator('#hit-counter')).toHaveText(marks === 0 ? 'no hits' : `hit 1 of ${marks}`);
  return marks;
}

/** The ids of the search results for `q` (from `/?q=…`). */
export async function matchingDocs(page, q) {
  await openApp(page, `/?q=${encodeURIComponent(q)}`);
  await expect(page.locator('#result-count')).not.toHaveText(/^No documents/);
  return page.locator('ol#results > li.result').evaluateAll((lis) => lis.map((li) => li.dataset.docId));
}

/** Clicks `button` and returns the downloaded file's name and text. */
export async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await dl.path();
  const text = await readFile(path, 'utf8');
  return { name: dl.suggestedFilename(), text };
}

/** Parses RFC 4180 CSV (CRLF records, quoted fields with doubled quotes); checks the record ends. */
export function parseCsv(text) {
  const records = [];
  let field = '';
  let record = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break outside quotes at offset ${i} (records end with CRLF)`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

/** The corpus version stated in the page footer ("… · corpus version abc123"). */
export async function corpusVersion(page) {
  const text = await page.locator('footer.foot').innerText();
  const m = text.match(/corpus version (\S+)/);
  if (!m) throw new Error(`the footer names no corpus version: ${JSON.stringify(text)}`);
  return m[1];
}

/** Numbers of a table column (by 0-based cell index) over the rows matching `rowSelector`. */
export async function columnNumbers(page, rowSelector, cell) {
  return page
    .locator(rowSelector)
    .evaluateAll((trs, i) => trs.map((tr) => Number(tr.cells[i].textContent.replace(/[,\s]/g, ''))), cell);
}

/** Throws unless `xs` is non-increasing (or non-decreasing with `ascending`), naming the first break. */
export function expectSorted(xs, { ascending = false, what = 'values' } = {}) {
  for (let i = 1; i < xs.length; i++) {
    const ok = ascending ? xs[i - 1] <= xs[i] : xs[i - 1] >= xs[i];
    expect(ok, `${what} ${ascending ? 'non-decreasing' : 'non-increasing'}: #${i - 1} ${JSON.stringify(xs[i - 1])} then #${i} ${JSON.stringify(xs[i])}`).toBe(true);
  }
}
