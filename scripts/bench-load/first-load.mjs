// First-load figures of the app itself (issue 6), for scripts/bench.mjs: a release build
// (dist/ or a build with another corpus) served as static files, loaded in fresh browser
// contexts of the bench's Chromium (empty cache each time), measured from the page:
//
// - bytes: every response the page receives until the network is idle after the first
//   result, by kind (html, js, css, wasm, corpus file, other), raw and gzip (level 9, as
//   scripts/size-report.mjs); the service worker is blocked while measuring;
// - a first visit with the service worker (one more load, in a fresh browser profile on disk): every byte
//   the server sends until the worker has cached the build and controls the page, as the
//   server logs it (the page's downloads, then what the worker fetches that the browser's
//   HTTP cache does not already hold);
// - first result: performance.now() (relative to navigation start) when a MutationObserver
//   installed by an init script first sees `ol#results li.result` holding a `mark`, after
//   navigating to `/?q=QUERY`;
// - memory: the byte length of every WebAssembly.Memory exported by an instance created
//   through WebAssembly.instantiate/instantiateStreaming (wrapped by the init script), and
//   the JS heap (performance.memory, after a garbage collection), once loaded;
// - keystroke to paint: from a keydown's timeStamp to the requestAnimationFrame callback
//   following the next change of `#result-count`'s text; first for one more letter typed
//   at the end of the query, then for each key of a scripted session (clear the box, type
//   SESSION_WORD letter by letter, clear it again);
// - long tasks: a PerformanceObserver for `longtask` entries, installed by the init script;
//   after the first result: the longest and the number over 100 ms (issue 6) and over 50 ms
//   (issue 12);
// - the query list (issue 12), after the session in each load: for each query of the
//   corpus's list (and `the`), clear the box, type the query letter by letter (each key
//   once the previous one painted, plus TYPE_PAUSE_MS) and take the keystroke to paint of
//   its last key; a last key that leaves #result-count as it was (same count and time to
//   0.1 ms) counts to the animation frame its input event requested, the frame after the
//   app handled it; per query the median over the loads, then the median and the maximum
//   over the list;
// - peak memory (issue 12): Wasm memory plus JS heap of the page and of every dedicated
//   worker it starts, sampled over CDP from navigation to the end of the query list
//   (scripts/bench-load/memory.mjs); the largest over the loads;
// - return visits (issue 12): in a fresh browser profile on disk, a first visit, then the
//   same URL opened again `revisits` times in that profile; first result of each. Once with
//   the service worker (the first visit also gives the bytes sent until the worker controls
//   the page, above), once with it blocked (only the HTTP cache: `no-cache` with ETags, so
//   each file is asked again and a 304 answers what the cache kept; Chromium's disk cache
//   may not keep a file as large as a 100 MB corpus at all).
import { gzipSync, constants } from 'node:zlib';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../../tests/support/static-server.mjs';
import { startMemoryProbe } from './memory.mjs';

export const LONG_TASK_MS = 100;
export const LONG_TASK_12_MS = 50; // issue 12: no main-thread task over this after the first result
export const SESSION_WORD = 'government';
export const LIST_EXTRA_QUERY = 'the'; // typed after the corpus's query list (issue 12)
const TYPE_PAUSE_MS = 60; // between two keys of the session, after the previous one painted
const KEY_TIMEOUT_MS = 2000; // how long to wait for a key's paint before the next key (a late one still counts)
// The last key of a query of the list: waited for longer, so that a slow search is measured
// rather than credited to the next key (a key that leaves #result-count unchanged waits it all).
const LAST_KEY_TIMEOUT_MS = 5000;
const HANDLED_GRACE_MS = 500;

const gzipLen = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.ceil(s.length / 2) - 1] : null;
};

/** Runs in the page before any of its scripts (page.addInitScript). */
function initScript() {
  const B = (window.__firstLoad = { firstResult: null, wasmStart: null, wasmReady: null, memories: [], keys: [], longTasks: [], longTaskError: null });
  // Wasm memory: keep every Memory an instance exports.
  const keep = (res) => {
    const inst = res instanceof WebAssembly.Instance ? res : res && res.instance;
    if (inst) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) B.memories.push(v);
    if (B.wasmReady === null) B.wasmReady = performance.now();
    return res;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (typeof orig !== 'function') continue;
    WebAssembly[name] = function (...a) {
      if (B.wasmStart === null) B.wasmStart = performance.now();
      return orig.apply(this, a).then(keep);
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    B.longTaskError = String(e);
  }
  // A key: its timeStamp (same clock as performance.now()), when #result-count next changed,
  // and the requestAnimationFrame after that. And `handled`: the animation frame requested
  // by the key's input event (this listener on window runs after the app's own on the box,
  // and the frame comes after the task of that event, the app's render included), for a key
  // whose search leaves #result-count as it was.
  addEventListener('keydown', (e) => B.keys.push({ key: e.key, t: e.timeStamp, changed: null, painted: null, handled: null }), true);
  addEventListener('input', () => {
    const k = B.keys[B.keys.length - 1];
    if (!k || k.handled !== null) return;
    requestAnimationFrame(() => {
      if (k.handled === null) k.handled = performance.now();
    });
  });
  let count = null;
  new MutationObserver(() => {
    if (B.firstResult === null && document.querySelector('ol#results li.result mark')) B.firstResult = performance.now();
    const el = document.getElementById('result-count');
    const text = el ? el.textContent : null;
    if (text === count) return;
    count = text;
    const k = B.keys[B.keys.length - 1];
    if (k && k.changed === null) {
      k.changed = performance.now();
      requestAnimationFrame(() => {
        k.painted = performance.now();
      });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

function kindOf(pathname) {
  const file = pathname.split('/').pop();
  if (pathname.endsWith('/') || file.endsWith('.html')) return 'html';
  if (/^corpus[^/]*\.json$/i.test(file) || file.endsWith('.jsonl')) return 'corpus';
  if (file.endsWith('.wasm')) return 'wasm';
  if (file.endsWith('.js') || file.endsWith('.mjs')) return 'js';
  if (file.endsWith('.css')) return 'css';
  return 'other';
}
export const KINDS = ['html', 'js', 'css', 'wasm', 'corpus', 'other'];

/**
 * Visits in a fresh browser profile on disk (`persistentContext(dir, options)` launches it),
 * the service worker allowed or blocked: a first visit, then `revisits` more of the same URL.
 * With the worker, the first visit's figure is the files the server sent (bodies, not 304s)
 * from navigation until the worker controls the page, raw and gzip. Each visit's first
 * result comes from the init script, as in the fresh-context loads.
 */
async function profileVisits(persistentContext, server, url, dist, { serviceWorker, revisits, log }) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await persistentContext(profile, { serviceWorkers: serviceWorker ? 'allow' : 'block' });
  await context.addInitScript(initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  const sentFiles = () => {
    const files = server.sent.filter((f) => f.bytes > 0);
    return {
      files: files.length,
      raw: files.reduce((n, f) => n + f.bytes, 0),
      notModified: server.sent.filter((f) => f.status === 304).length,
      paths: files.map((f) => f.path),
    };
  };
  const visit = async () => {
    server.sent.length = 0;
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstLoad && window.__firstLoad.firstResult !== null, null, { timeout: 120_000 });
    return page.evaluate(() => window.__firstLoad.firstResult);
  };
  try {
    const firstResultMs = await visit();
    let first;
    if (serviceWorker) {
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 120_000 });
      const sent = sentFiles();
      let gzip = 0;
      for (const p of sent.paths) gzip += gzipLen(readFileSync(join(dist, p)));
      first = { firstResultMs, files: sent.files, raw: sent.raw, gzip, notModified: sent.notModified };
    } else {
      await page.waitForLoadState('networkidle');
      first = { firstResultMs, ...sentFiles() };
    }
    const visits = [];
    for (let i = 0; i < revisits; i++) {
      log(`  ${serviceWorker ? 'service worker' : 'HTTP cache'}: visit ${i + 2}`);
      const ms = await visit();
      await page.waitForLoadState('networkidle');
      const controlled = await page.evaluate(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller));
      const { paths, ...sent } = sentFiles();
      visits.push({ firstResultMs: ms, controlled, ...sent });
    }
    return { first, visits, firstResultMs: median(visits.map((v) => v.firstResultMs)) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Separate corpus files in the build (none while the corpus is embedded in the wasm). */
function corpusFiles(dist) {
  return readdirSync(dist).filter((f) => kindOf(`/${f}`) === 'corpus');
}

// Presses a key and waits (up to KEY_TIMEOUT_MS) for the paint after #result-count changed;
// returns the index of the key's keydown entry, read again at the end of the session.
// A key whose input went through the page without changing #result-count is waited for
// HANDLED_GRACE_MS more (a search answered later, from a worker, would still change it).
async function keystroke(page, key, timeout = KEY_TIMEOUT_MS) {
  await page.keyboard.press(key);
  const index = await page.evaluate(() => window.__firstLoad.keys.length - 1);
  await page
    .waitForFunction(
      ([i, grace]) => {
        const k = window.__firstLoad.keys[i];
        return k.painted !== null || (k.handled !== null && performance.now() - k.handled > grace);
      },
      [index, HANDLED_GRACE_MS],
      { timeout },
    )
    .catch(() => null);
  return index;
}

/** Playwright's name of the key that types `ch`. */
const keyOf = (ch) => (ch === ' ' ? 'Space' : ch);

async function clearBox(page) {
  await page.keyboard.press('ControlOrMeta+A');
  return keystroke(page, 'Backspace');
}

/** One load in a fresh context: returns its figures (and the bytes when `countBytes`). */
async function oneLoad(browser, url, { dist, extraLetter, countBytes, queries, log }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const responses = [];
  const requested = []; // pathnames in the order first requested (to find the workers' own files)
  const workerUrls = [];
  page.on('worker', (w) => workerUrls.push(w.url()));
  if (countBytes) {
    page.on('response', (r) => responses.push(r));
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (!requested.includes(p)) requested.push(p);
    });
  }
  await page.addInitScript(initScript);
  let probe = null;
  try {
    probe = await startMemoryProbe(context, page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstLoad && window.__firstLoad.firstResult !== null, null, { timeout: 60_000 }).catch(() => {
      throw new Error(`no result with a mark at ${url}: ${errors.join('; ') || 'timeout'}`);
    });
    await page.waitForLoadState('networkidle');
    const loadResponses = [...responses]; // the first load's, not the session's
    const load = await page.evaluate(() => {
      if (typeof window.gc === 'function') {
        window.gc();
        window.gc();
      }
      const B = window.__firstLoad;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        firstResultMs: B.firstResult,
        wasmStartMs: B.wasmStart,
        wasmReadyMs: B.wasmReady,
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
        wasmMemoryBytes: [...new Set(B.memories)].reduce((n, m) => n + m.buffer.byteLength, 0),
        wasmMemories: new Set(B.memories).size,
        jsHeapBytes: performance.memory ? performance.memory.usedJSHeapSize : null,
        results: document.querySelectorAll('ol#results li.result').length,
        count: document.getElementById('result-count')?.textContent ?? null,
        longTaskError: B.longTaskError,
      };
    });

    // One more letter at the end of the query.
    await page.focus('#search');
    await page.keyboard.press('End');
    const oneKeyIndex = await keystroke(page, extraLetter);
    await page.waitForTimeout(200);

    // The session: clear, type SESSION_WORD letter by letter, clear.
    const sessionIndices = [await clearBox(page)];
    await page.waitForTimeout(TYPE_PAUSE_MS);
    for (const letter of SESSION_WORD) {
      sessionIndices.push(await keystroke(page, letter));
      await page.waitForTimeout(TYPE_PAUSE_MS);
    }
    sessionIndices.push(await clearBox(page));
    await page.waitForTimeout(TYPE_PAUSE_MS);

    // The query list (issue 12): clear, type the query letter by letter, measure its last key.
    const listStart = await page.evaluate(() => performance.now());
    const listIndices = [];
    const typed = []; // every key of the list but the measured ones, for the count of waits
    for (const q of queries) {
      typed.push(await clearBox(page));
      await page.waitForTimeout(TYPE_PAUSE_MS);
      for (let i = 0; i < q.length - 1; i++) {
        typed.push(await keystroke(page, keyOf(q[i])));
        await page.waitForTimeout(TYPE_PAUSE_MS);
      }
      listIndices.push({ q, index: await keystroke(page, keyOf(q[q.length - 1]), LAST_KEY_TIMEOUT_MS) });
      await page.waitForTimeout(TYPE_PAUSE_MS);
    }
    await page.waitForTimeout(500); // let a trailing task (or a late paint) show up
    const listEnd = await page.evaluate(() => performance.now());
    const memory = await probe.stop();
    probe = null;
    const { tasks, keys } = await page.evaluate(() => ({ tasks: window.__firstLoad.longTasks, keys: window.__firstLoad.keys }));
    // The final word on each key: a paint that came after its wait still counts.
    const final = (i) => {
      const k = keys[i];
      return {
        key: k.key,
        ms: k.painted === null ? null : k.painted - k.t,
        changeMs: k.changed === null ? null : k.changed - k.t,
        handledMs: k.handled === null ? null : k.handled - k.t,
      };
    };
    // The query list's last keys: one that left #result-count as it was counts to the paint
    // after its input went through the page.
    const finalListKey = (i) => {
      const f = final(i);
      return f.ms === null && f.handledMs !== null ? { ...f, ms: f.handledMs, unchanged: true } : { ...f, unchanged: f.ms === null };
    };
    const oneKey = final(oneKeyIndex);
    const session = sessionIndices.map(final);
    const list = listIndices.map(({ q, index }) => ({ q, ...finalListKey(index) }));
    const unpainted = typed.filter((i) => keys[i].painted === null).length;
    log(`  the query list took ${((listEnd - listStart) / 1000).toFixed(1)} s (${typed.length + list.length} keys, ${unpainted + list.filter((k) => k.unchanged).length} left #result-count unchanged)`);
    const after = tasks.filter((t) => t.start >= load.firstResultMs);
    const before = tasks.filter((t) => t.start < load.firstResultMs);
    const inList = tasks.filter((t) => t.start >= listStart && t.start < listEnd);

    let bytes = null;
    if (countBytes) {
      const requests = [];
      const seen = new Set();
      let repeats = 0;
      for (const r of loadResponses) {
        const u = new URL(r.url());
        let body;
        try {
          body = await r.body();
        } catch (e) {
          // The protocol keeps no body larger than its buffers (a 100 MB corpus): a file the
          // server answered with 200 is the build's file as it is on disk.
          const file = join(dist, u.pathname === '/' ? 'index.html' : u.pathname);
          if (r.status() !== 200 || !existsSync(file)) continue; // a redirect or an aborted request carries no body
          body = readFileSync(file);
          log(`  ${u.pathname}: ${(body.length / 1e6).toFixed(1)} MB, body not kept by the browser (${e.message.split('\n')[0]}): counted from the build's file`);
        }
        // The same URL again (a revalidation the browser's cache answers): counted once.
        if (seen.has(u.pathname)) {
          repeats++;
          continue;
        }
        seen.add(u.pathname);
        requests.push({ path: u.pathname, kind: kindOf(u.pathname), status: r.status(), raw: body.length, gzip: gzipLen(body) });
      }
      // The workers' own files: the scripts of the workers the page started, and any script
      // first requested after the first of them (what a worker imports that the page did not).
      const firstWorker = requested.findIndex((p) => workerUrls.some((u) => new URL(u).pathname === p));
      const workerFiles = firstWorker < 0 ? [] : requested.slice(firstWorker).filter((p) => kindOf(p) === 'js');
      bytes = { requests, repeats, workerFiles };
    }
    if (errors.length) log(`  page errors: ${errors.join('; ')}`);
    return {
      ...load,
      keystroke: oneKey,
      session,
      longTasksBeforeFirstResult: { count: before.length, longestMs: before.reduce((m, t) => Math.max(m, t.duration), 0) },
      longTasksAfterFirstResult: {
        count: after.length,
        over100: after.filter((t) => t.duration > LONG_TASK_MS).length,
        over50: after.filter((t) => t.duration > LONG_TASK_12_MS).length,
        longestMs: after.reduce((m, t) => Math.max(m, t.duration), 0),
        tasks: after,
      },
      list,
      listSeconds: (listEnd - listStart) / 1000,
      longTasksInList: { over50: inList.filter((t) => t.duration > LONG_TASK_12_MS).length, longestMs: inList.reduce((m, t) => Math.max(m, t.duration), 0) },
      memory,
      workerUrls,
      bytes,
    };
  } finally {
    if (probe) await probe.stop().catch(() => null);
    await context.close();
  }
}

/**
 * Measures one build: `runs` loads of `/?q=QUERY`, each in a fresh context. `plainText` is
 * the corpus's plain text (titles and paragraphs, newline-separated).
 */
export async function measureFirstLoad(browser, { name, dist, query, extraLetter = 's', plainText, queries = [], runs = 3, revisits = runs, persistentContext, log = console.error }) {
  const server = await startStaticServer({ root: dist, port: 0 });
  const url = `${server.url}?q=${encodeURIComponent(query)}`;
  const list = [...queries, LIST_EXTRA_QUERY];
  const loads = [];
  let sw = null;
  let http = null;
  try {
    for (let i = 0; i < runs; i++) {
      log(`${name}: first load ${i + 1}/${runs} (${url})`);
      try {
        loads.push(await oneLoad(browser, url, { dist, extraLetter, countBytes: i === 0, queries: list, log }));
      } catch (e) {
        // One retry: on a shared machine a load can time out once (or a build replace a file).
        log(`${name}: load ${i + 1} failed (${e.message}); trying once more`);
        loads.push(await oneLoad(browser, url, { dist, extraLetter, countBytes: i === 0, queries: list, log }));
      }
    }
    log(`${name}: a first visit with the service worker, then ${revisits} more`);
    sw = await profileVisits(persistentContext, server, url, dist, { serviceWorker: true, revisits, log });
    log(`${name}: a first visit with the service worker blocked, then ${revisits} more`);
    http = await profileVisits(persistentContext, server, url, dist, { serviceWorker: false, revisits, log });
  } finally {
    await server.close();
  }
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0, files: [] }]));
  for (const r of loads[0].bytes.requests) {
    byKind[r.kind].raw += r.raw;
    byKind[r.kind].gzip += r.gzip;
    byKind[r.kind].files.push(r.path);
  }
  const total = { raw: 0, gzip: 0 };
  for (const k of KINDS) {
    total.raw += byKind[k].raw;
    total.gzip += byKind[k].gzip;
  }
  const plain = Buffer.from(plainText, 'utf8');
  const plainGzip = gzipLen(plain);
  const sessionKeys = loads.flatMap((l) => l.session.map((s) => s.ms)).filter((x) => x != null);
  // The query list: per query the median over the loads of its last key; then over the list.
  const perQuery = list.map((q, i) => {
    const ms = loads.map((l) => l.list[i].ms);
    return { q, medianMs: median(ms), perLoad: ms, unchangedLoads: loads.filter((l) => l.list[i].unchanged).length };
  });
  const measured = perQuery.filter((p) => p.medianMs != null);
  const slowest = measured.reduce((m, p) => (!m || p.medianMs > m.medianMs ? p : m), null);
  let worstKey = null;
  loads.forEach((l, li) => l.list.forEach((k) => {
    if (k.ms != null && (!worstKey || k.ms > worstKey.ms)) worstKey = { q: k.q, ms: k.ms, load: li + 1 };
  }));
  const peaks = loads.map((l) => l.memory && l.memory.peak);
  const peak = peaks.reduce((m, p) => (p && (!m || p.totalBytes > m.totalBytes) ? p : m), null);
  const workerFiles = loads[0].bytes.workerFiles;
  const workerGlue = { files: workerFiles, raw: 0, gzip: 0 };
  for (const r of loads[0].bytes.requests) {
    if (workerFiles.includes(r.path)) {
      workerGlue.raw += r.raw;
      workerGlue.gzip += r.gzip;
    }
  }
  return {
    name,
    url: `/?q=${query}`,
    runs,
    transfer: { byKind, total, requests: loads[0].bytes.requests, repeatedRequests: loads[0].bytes.repeats },
    corpusFiles: corpusFiles(dist),
    corpusEmbeddedInWasm: byKind.corpus.files.length === 0,
    swFirstVisit: sw && sw.first,
    revisit: { serviceWorker: sw, httpCache: http },
    workerGlue,
    plainText: { raw: plain.length, gzip: plainGzip },
    payloadRatio: total.gzip / plainGzip,
    firstResultMs: median(loads.map((l) => l.firstResultMs)),
    wasmReadyMs: median(loads.map((l) => l.wasmReadyMs)),
    wasmMemoryBytes: median(loads.map((l) => l.wasmMemoryBytes)),
    jsHeapBytes: median(loads.map((l) => l.jsHeapBytes)),
    keystrokeMs: median(loads.map((l) => l.keystroke.ms)),
    sessionKeystroke: {
      keys: loads.reduce((n, l) => n + l.session.length, 0),
      painted: sessionKeys.length,
      medianMs: median(sessionKeys),
      maxMs: sessionKeys.length ? Math.max(...sessionKeys) : null,
    },
    longestTaskAfterFirstResultMs: Math.max(...loads.map((l) => l.longTasksAfterFirstResult.longestMs)),
    tasksOver100AfterFirstResult: loads.map((l) => l.longTasksAfterFirstResult.over100),
    tasksOver50AfterFirstResult: loads.map((l) => l.longTasksAfterFirstResult.over50),
    longestTaskInListMs: Math.max(...loads.map((l) => l.longTasksInList.longestMs)),
    tasksOver50InList: loads.map((l) => l.longTasksInList.over50),
    queryList: {
      queries: list.length,
      measured: measured.length,
      medianMs: median(measured.map((p) => p.medianMs)),
      lastKeys: loads.reduce((n, l) => n + l.list.length, 0),
      unchangedLastKeys: loads.reduce((n, l) => n + l.list.filter((k) => k.unchanged).length, 0),
      maxMs: slowest ? slowest.medianMs : null,
      maxQuery: slowest ? slowest.q : null,
      worstKey,
      perQuery,
    },
    memory: {
      peak,
      perLoadBytes: peaks.map((p) => (p ? p.totalBytes : null)),
      ratioToText: peak ? peak.totalBytes / plain.length : null,
      workers: [...new Set(loads.flatMap((l) => (l.memory ? l.memory.workers.map((u) => new URL(u).pathname) : [])))],
      errors: loads.flatMap((l) => (l.memory ? l.memory.errors : [])),
    },
    loads: loads.map(({ bytes, ...rest }) => rest),
  };
}
