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
//   after the first result: the longest and the number over 100 ms.
import { gzipSync, constants } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../../tests/support/static-server.mjs';

export const LONG_TASK_MS = 100;
export const SESSION_WORD = 'government';
const TYPE_PAUSE_MS = 60; // between two keys of the session, after the previous one painted
const KEY_TIMEOUT_MS = 2000; // how long to wait for a key's paint before the next key (a late one still counts)

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
  // and the requestAnimationFrame after that.
  addEventListener('keydown', (e) => B.keys.push({ key: e.key, t: e.timeStamp, changed: null, painted: null }), true);
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
 * A first visit with the service worker allowed, in a fresh browser profile on disk
 * (`persistentContext(dir)` launches it): the files the server sent (bodies, not 304s) from
 * navigation until the worker controls the page, raw and gzip.
 */
async function swFirstVisit(persistentContext, server, url, dist) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await persistentContext(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    server.sent.length = 0;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('ol#results li.result mark', { timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
    const files = server.sent.filter((f) => f.bytes > 0);
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      raw += f.bytes;
      gzip += gzipLen(readFileSync(join(dist, f.path)));
    }
    return { files: files.length, raw, gzip, notModified: server.sent.filter((f) => f.status === 304).length };
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
async function keystroke(page, key) {
  await page.keyboard.press(key);
  const index = await page.evaluate(() => window.__firstLoad.keys.length - 1);
  await page.waitForFunction((i) => window.__firstLoad.keys[i].painted !== null, index, { timeout: KEY_TIMEOUT_MS }).catch(() => null);
  return index;
}

async function clearBox(page) {
  await page.keyboard.press('ControlOrMeta+A');
  return keystroke(page, 'Backspace');
}

/** One load in a fresh context: returns its figures (and the bytes when `countBytes`). */
async function oneLoad(browser, url, { extraLetter, countBytes, log }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const responses = [];
  if (countBytes) page.on('response', (r) => responses.push(r));
  await page.addInitScript(initScript);
  try {
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
    await page.waitForTimeout(500); // let a trailing task (or a late paint) show up
    const { tasks, keys } = await page.evaluate(() => ({ tasks: window.__firstLoad.longTasks, keys: window.__firstLoad.keys }));
    // The final word on each key: a paint that came after its wait still counts.
    const final = (i) => {
      const k = keys[i];
      return { key: k.key, ms: k.painted === null ? null : k.painted - k.t, changeMs: k.changed === null ? null : k.changed - k.t };
    };
    const oneKey = final(oneKeyIndex);
    const session = sessionIndices.map(final);
    const after = tasks.filter((t) => t.start >= load.firstResultMs);
    const before = tasks.filter((t) => t.start < load.firstResultMs);

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
        } catch {
          continue; // a redirect or an aborted request carries no body
        }
        // The same URL again (a revalidation the browser's cache answers): counted once.
        if (seen.has(u.pathname)) {
          repeats++;
          continue;
        }
        seen.add(u.pathname);
        requests.push({ path: u.pathname, kind: kindOf(u.pathname), status: r.status(), raw: body.length, gzip: gzipLen(body) });
      }
      bytes = { requests, repeats };
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
        longestMs: after.reduce((m, t) => Math.max(m, t.duration), 0),
        tasks: after,
      },
      bytes,
    };
  } finally {
    await context.close();
  }
}

/**
 * Measures one build: `runs` loads of `/?q=QUERY`, each in a fresh context. `plainText` is
 * the corpus's plain text (titles and paragraphs, newline-separated).
 */
export async function measureFirstLoad(browser, { name, dist, query, extraLetter = 's', plainText, runs = 3, persistentContext, log = console.error }) {
  const server = await startStaticServer({ root: dist, port: 0 });
  const url = `${server.url}?q=${encodeURIComponent(query)}`;
  const loads = [];
  let swVisit = null;
  try {
    for (let i = 0; i < runs; i++) {
      log(`${name}: first load ${i + 1}/${runs} (${url})`);
      try {
        loads.push(await oneLoad(browser, url, { extraLetter, countBytes: i === 0, log }));
      } catch (e) {
        // One retry: on a shared machine a load can time out once (or a build replace a file).
        log(`${name}: load ${i + 1} failed (${e.message}); trying once more`);
        loads.push(await oneLoad(browser, url, { extraLetter, countBytes: i === 0, log }));
      }
    }
    log(`${name}: a first visit with the service worker`);
    swVisit = await swFirstVisit(persistentContext, server, url, dist);
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
  return {
    name,
    url: `/?q=${query}`,
    runs,
    transfer: { byKind, total, requests: loads[0].bytes.requests, repeatedRequests: loads[0].bytes.repeats },
    corpusFiles: corpusFiles(dist),
    corpusEmbeddedInWasm: byKind.corpus.files.length === 0,
    swFirstVisit: swVisit,
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
    loads: loads.map(({ bytes, ...rest }) => rest),
  };
}
