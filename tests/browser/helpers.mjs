// Shared setup for the browser tests.
//
// `test` is Playwright's test with the `page` fixture extended: every page
// fails its test on an uncaught exception (`pageerror`, which is also how a
// Wasm panic shows up) or on any alert/confirm/prompt dialog.
import { test as base, expect } from '@playwright/test';
import { startStaticServer } from '../support/static-server.mjs';

export { expect };

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('dialog', async (dialog) => {
      problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
      await dialog.dismiss().catch(() => {});
    });
    await use(page);
    expect(problems, 'no uncaught page errors and no dialogs').toEqual([]);
  },
});

/** Document ids of the default corpus (file names without extension). */
export const DOC = {
  politsturm: '000_ac5c7bc8b710b4fa',
  rt: '001_e54ca7f7c8acd83d',
  podcast: '002_0f2cfdde7b0527a1',
  emancipation: '003_e52c51dd1f0dd32d',
  analysis: '004_4dd6afc7a955fa9c',
};
export const CORPUS_SIZE = 5;

/** Opens `path` and waits until the app is ready (`#result-count` visible). */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await waitReady(page);
}

/** Waits until the app has rendered (`#result-count` visible). */
export async function waitReady(page) {
  await expect(page).toHaveTitle(/Corpus Explorer/);
  await expect(page.locator('#result-count')).toBeVisible({ timeout: 15_000 });
}

export const searchBox = (page) => page.locator('input#search');
export const results = (page) => page.locator('ol#results > li.result');

/** The `data-doc-id` of every result, in order. */
export async function resultIds(page) {
  // The engine answers from its worker: wait until the list answers the current query.
  await expect(page.locator('ol#results[aria-busy="true"]')).toHaveCount(0);
  return results(page).evaluateAll((lis) => lis.map((li) => li.dataset.docId));
}

/** `#result-count` ends with the time the search took: ", 0.2 ms" (a decimal number). */
const TIME_SUFFIX = ', \\d+(?:\\.\\d+)? ms';

/**
 * A regex for the whole text of `#result-count`: `countText('5 documents')` matches
 * "5 documents, 0.2 ms"; a RegExp argument is a pattern for the part before the time.
 */
export function countText(head) {
  const src = head instanceof RegExp ? `(?:${head.source})` : head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${src}${TIME_SUFFIX}$`);
}

/** `#result-count` after a query that finds something: "3 documents match, 0.4 ms" or "1 document matches, …". */
export const MATCH_COUNT = countText(/\d+ documents match|1 document matches/);

/** The number stated by `#result-count` (0 for "No documents match"), with or without the time. */
export function countFromText(text) {
  const t = text.trim().replace(new RegExp(`${TIME_SUFFIX}$`), '');
  if (/^no documents? match/i.test(t)) return 0;
  const m = t.match(/^(\d+) documents?( match(es)?)?$/);
  if (!m) throw new Error(`#result-count has an unexpected text: ${JSON.stringify(text.trim())}`);
  return Number(m[1]);
}

/** The milliseconds stated at the end of `#result-count` (throws when there is no time). */
export function timeFromText(text) {
  const m = text.trim().match(/, (\d+(?:\.\d+)?) ms$/);
  if (!m) throw new Error(`#result-count states no time: ${JSON.stringify(text.trim())}`);
  return Number(m[1]);
}

/** Reads `#result-count`, checks it agrees with the number of listed results, returns it. */
export async function expectConsistentCount(page) {
  // The list must answer the current query and order first: a new order keeps the count.
  await expect(page.locator('ol#results[aria-busy="true"]')).toHaveCount(0);
  const count = page.locator('#result-count');
  let n = -1;
  await expect
    .poll(async () => {
      n = countFromText(await count.innerText());
      return n === (await results(page).count());
    }, { message: '#result-count agrees with the number of li.result' })
    .toBe(true);
  return n;
}

/** Types `text` into the search box one key at a time (after clearing it). */
export async function typeQuery(page, text, { delay = 20 } = {}) {
  const box = searchBox(page);
  await box.fill('');
  await box.pressSequentially(text, { delay });
  await expect(box).toHaveValue(text);
}

/** Replaces the query in one input event and waits for the URL to catch up. */
export async function fillQuery(page, text) {
  await searchBox(page).fill(text);
  await expect(searchBox(page)).toHaveValue(text);
}

/**
 * Runs `q` (one input event), waits until the URL holds it and the list agrees with
 * `#result-count`, and returns the result ids in display order.
 */
export async function idsFor(page, q) {
  await fillQuery(page, q);
  await expect.poll(() => params(page).get('q') ?? '', { message: `q=${JSON.stringify(q)} in the URL` }).toBe(q);
  await expectConsistentCount(page);
  return resultIds(page);
}

/** The year shown in a `.result-meta` ("outlet · date · kind · N words"). */
export function yearOf(meta) {
  const parts = meta.split('·').map((p) => p.trim());
  for (const p of parts) {
    if (/\bwords?$/.test(p)) continue;
    const m = p.match(/\b(1[89]\d\d|20\d\d)\b/);
    if (m) return Number(m[1]);
  }
  return null;
}

/** `RT` as a word (in a `.result-meta`). */
export const hasRT = /(^|[^\p{L}\p{N}])RT([^\p{L}\p{N}]|$)/u;

/** Locator of a facet value: `section.facet[data-facet=F] label.facet-value[data-value=V]`. */
export function facetValue(page, facet, value) {
  return page.locator(
    `section.facet[data-facet="${facet}"] label.facet-value[data-value="${cssString(value)}"]`,
  );
}

/** Every value of a facet with its count and checked state, in display order. */
export async function facetState(page, facet) {
  return page
    .locator(`section.facet[data-facet="${facet}"] label.facet-value`)
    .evaluateAll((labels) =>
      labels.map((l) => ({
        value: l.dataset.value,
        name: l.querySelector('span.facet-name')?.textContent.trim(),
        count: Number(l.querySelector('span.facet-count')?.textContent.replace(/[^\d]/g, '')),
        checked: l.querySelector('input[type=checkbox]')?.checked ?? null,
      })),
    );
}

/** The counts of all four facets as { "outlet=RT": 1, ... } (values shown with a count). */
export async function allFacetCounts(page) {
  const out = {};
  for (const facet of ['outlet', 'kind', 'year', 'person']) {
    for (const v of await facetState(page, facet)) out[`${facet}=${v.value}`] = v.count;
  }
  return out;
}

/** The text of `#notice` ('' when it is absent or empty). */
export async function noticeText(page) {
  const n = page.locator('#notice');
  return (await n.count()) === 0 ? '' : (await n.first().innerText()).trim();
}

/** URL query parameters of the current page. */
export function params(page) {
  return new URL(page.url()).searchParams;
}

function cssString(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}

/** Folds case and diacritics, for comparing highlighted text with a query. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Serves, for the tests of one file, the build that the global setup made and named in the
 * environment variable `envVar` (`what` says which build, for the message when it is missing);
 * returns a function giving the running server (its `origin`, …).
 */
export function serveBuild(envVar, what) {
  let server;
  test.beforeAll(async () => {
    const root = process.env[envVar];
    expect(root, `${what} (${envVar}) made by the global setup`).toBeTruthy();
    server = await startStaticServer({ root });
  });
  test.afterAll(async () => {
    await server?.close();
  });
  return () => server;
}

/** Makes the worker script `script` (e.g. 'engine-worker.js') one that cannot be had, as a
 * deployment half-way through or a proxy that blocks it would: the page's `new Worker` of it
 * is pointed at a missing file, and the browser fires a plain error event at the worker. */
export function missingWorkerScript(page, script) {
  return page.addInitScript((script) => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url, options) {
        super(String(url).includes(script) ? `no-such-${script}` : url, options);
      }
    };
  }, script);
}
