// Peak memory of a page and of the dedicated Web Workers it starts (issue 12), for
// scripts/bench-load/first-load.mjs, through the Chrome DevTools Protocol:
//
// - a CDP session on the page (context.newCDPSession) auto-attaches to every dedicated
//   worker the page starts (Target.setAutoAttach). Playwright's CDP sessions cannot reach a
//   child session of the flat protocol (it drops messages for sessions it did not create
//   itself), so the auto-attach is not flattened: the worker's protocol goes through
//   Target.sendMessageToTarget / Target.receivedMessageFromTarget on the page's session.
//   The worker is held at its start (waitForDebuggerOnStart) just long enough to wrap its
//   WebAssembly.instantiate/instantiateStreaming as the page's init script does (every
//   WebAssembly.Memory an instance exports is kept in `self.__benchMemories`), then runs;
// - a sample, every SAMPLE_MS while loading and typing and whenever the caller asks, reads
//   for the page and for each live worker: the JS heap (Runtime.getHeapUsage: the V8 heap in
//   use plus the backing stores of its ArrayBuffers and external strings — a downloaded
//   corpus held as bytes — which V8 keeps outside its heap) and the byte length of the Wasm
//   memories kept (the page's by the init script, `window.__firstLoad.memories`);
// - the last sample also finds every WebAssembly.Memory alive in each context with
//   Runtime.queryObjects (it walks the heap, so only then: a pause of tens of ms), to
//   count a memory that was not made through instantiate;
// - the peak is the largest sum, over the samples, of page and workers, Wasm and JS. Wasm
//   memory never shrinks, so its peak is its last size while the instance lives; the JS
//   heap's peak between two samples can be missed.
//
// Only dedicated workers of the page are counted (not a worker started by a worker, nor the
// service worker, which the measured loads block). checkMemoryProbe proves the worker part
// is counted: a page whose module worker instantiates a module and grows its memory to a
// known size (files written into a directory of the caller's).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../../tests/support/static-server.mjs';

export const SAMPLE_MS = 100;

// Installed in a worker before its first script runs (as the page's init script does).
const WORKER_WRAP = `(() => {
  const kept = (self.__benchMemories = self.__benchMemories || []);
  const keep = (res) => {
    const inst = res instanceof WebAssembly.Instance ? res : res && res.instance;
    if (inst) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) kept.push(v);
    return res;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (typeof orig !== 'function') continue;
    WebAssembly[name] = function (...a) {
      return orig.apply(this, a).then(keep);
    };
  }
  return true;
})()`;
// The bytes of the Wasm memories kept in a context (a page's init script keeps its own).
const WASM_BYTES = `(() => {
  const m = self.__benchMemories || (self.__firstLoad && self.__firstLoad.memories) || [];
  return [...new Set(m)].reduce((n, x) => n + x.buffer.byteLength, 0);
})()`;

/**
 * Starts sampling `page` (before it navigates). Returns { sample(), stop() }: `sample()`
 * takes one sample now; `stop()` takes the last one (with Runtime.queryObjects), stops and
 * resolves to { peak, last, samples, workers }.
 */
export async function startMemoryProbe(context, page, { intervalMs = SAMPLE_MS } = {}) {
  const cdp = await context.newCDPSession(page);
  let nextId = 1;
  const pending = new Map();
  const workers = new Map(); // sessionId → { url, alive }
  const workerUrls = [];
  const errors = [];

  cdp.on('Target.receivedMessageFromTarget', (e) => {
    let m;
    try {
      m = JSON.parse(e.message);
    } catch {
      return;
    }
    if (m.id === undefined || !pending.has(m.id)) return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p.fail(new Error(`${m.error.message} (${p.method})`));
    else p.ok(m.result);
  });
  /** A protocol call in a worker's session. */
  const inWorker = (sessionId, method, params = {}) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok, fail, method });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((err) => {
        pending.delete(id);
        fail(err);
      });
    });
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
    const dedicated = targetInfo.type === 'worker';
    try {
      if (dedicated) {
        workers.set(sessionId, { url: targetInfo.url, alive: true });
        workerUrls.push(targetInfo.url);
        await inWorker(sessionId, 'Runtime.evaluate', { expression: WORKER_WRAP, returnByValue: true });
      }
    } catch (err) {
      errors.push(`worker ${targetInfo.url}: ${err.message}`);
    } finally {
      if (waitingForDebugger) await inWorker(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => null);
    }
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    const w = workers.get(sessionId);
    if (w) w.alive = false;
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });

  const samples = [];
  let peak = null;

  /** { heap, wasm } of one context; null when it cannot answer (navigating, closed). */
  async function readContext(call, queryObjects) {
    try {
      const h = await call('Runtime.getHeapUsage');
      const w = await call('Runtime.evaluate', { expression: WASM_BYTES, returnByValue: true });
      let wasm = w.result && typeof w.result.value === 'number' ? w.result.value : 0;
      let found = null;
      if (queryObjects) {
        const proto = await call('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
        const q = await call('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
        const sum = await call('Runtime.callFunctionOn', {
          objectId: q.objects.objectId,
          functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
          returnByValue: true,
        });
        found = sum.result.value;
        wasm = Math.max(wasm, found);
      }
      return { heap: h.usedSize + (h.backingStorageSize ?? 0), heapUsed: h.usedSize, backingStore: h.backingStorageSize ?? 0, wasm, queried: found };
    } catch {
      return null;
    }
  }

  async function sample(queryObjects = false) {
    const t = Date.now();
    const pageMem = await readContext((m, p) => cdp.send(m, p), queryObjects);
    const w = { heap: 0, wasm: 0, count: 0, queried: queryObjects ? 0 : null };
    for (const [sessionId, info] of workers) {
      if (!info.alive) continue;
      const r = await readContext((m, p) => inWorker(sessionId, m, p), queryObjects);
      if (!r) continue;
      w.heap += r.heap;
      w.wasm += r.wasm;
      if (queryObjects) w.queried += r.queried ?? 0;
      w.count++;
    }
    if (!pageMem && !w.count) return null;
    const s = {
      t,
      page: pageMem ?? { heap: 0, wasm: 0 },
      workers: w,
      total: (pageMem ? pageMem.heap + pageMem.wasm : 0) + w.heap + w.wasm,
    };
    samples.push(s);
    if (!peak || s.total > peak.total) peak = s;
    return s;
  }

  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await sample();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();

  return {
    sample: () => sample(),
    async stop() {
      stopped = true;
      await loop;
      const last = await sample(true);
      await cdp.detach().catch(() => null);
      return {
        peak: peak && summary(peak),
        last: last && summary(last),
        samples: samples.length,
        workers: workerUrls,
        errors,
      };
    },
  };
}

const summary = (s) => ({
  totalBytes: s.total,
  pageWasmBytes: s.page.wasm,
  pageHeapBytes: s.page.heap,
  workerWasmBytes: s.workers.wasm,
  workerHeapBytes: s.workers.heap,
  workers: s.workers.count,
  // (the last sample only: the Wasm memories found alive by Runtime.queryObjects)
  queriedPageWasmBytes: s.page.queried ?? null,
  queriedWorkerWasmBytes: s.workers.queried ?? null,
});

// The check page: the smallest module that exports a memory, (module (memory (export
// "memory") 1)), instantiated by the page (grown to 1 MiB) and by a module worker (grown to
// ?mib=N MiB and kept in module scope only, out of reach of the global scope).
const CHECK_FILES = {
  'index.html': `<!doctype html>
<meta charset="utf-8">
<title>memory probe check</title>
<p id="status">starting</p>
<script type="module">
  import { memoryOf } from './wasm.mjs';
  window.pageMemory = await memoryOf(1);
  const w = new Worker('worker.mjs', { type: 'module' });
  w.onmessage = (e) => {
    document.getElementById('status').textContent = 'worker ready ' + e.data;
  };
  w.postMessage(Number(new URLSearchParams(location.search).get('mib') || 96));
</script>
`,
  'wasm.mjs': `const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x05, 0x03, 0x01, 0x00, 0x01,
  0x07, 0x0a, 0x01, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00,
]);
export async function memoryOf(mib) {
  const { instance } = await WebAssembly.instantiate(MODULE);
  const memory = instance.exports.memory;
  memory.grow(mib * 16 - 1);
  new Uint8Array(memory.buffer).fill(7);
  return memory;
}
`,
  'worker.mjs': `import { memoryOf } from './wasm.mjs';
let memory = null;
self.onmessage = async (e) => {
  memory = await memoryOf(e.data);
  self.postMessage(memory.buffer.byteLength);
};
`,
};

/**
 * Proves the worker part is counted: writes the check page into `dir`, opens it with a
 * worker of `mib` MiB and returns the probe's figures and whether they hold it
 * (worker Wasm = mib MiB, page Wasm = 1 MiB).
 */
export async function checkMemoryProbe(browser, dir, { mib = 96 } = {}) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(CHECK_FILES)) writeFileSync(join(dir, name), text);
  const server = await startStaticServer({ root: dir, port: 0 });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      const B = (window.__firstLoad = { memories: [] });
      const orig = WebAssembly.instantiate;
      WebAssembly.instantiate = function (...a) {
        return orig.apply(this, a).then((r) => {
          for (const v of Object.values(r.instance.exports)) if (v instanceof WebAssembly.Memory) B.memories.push(v);
          return r;
        });
      };
    });
    const probe = await startMemoryProbe(context, page);
    await page.goto(`${server.url}?mib=${mib}`);
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('worker ready'), null, { timeout: 15_000 }).catch(() => {
      throw new Error(`the memory probe's check page did not start its worker: ${errors.join('; ') || 'timeout'}`);
    });
    const r = await probe.stop();
    const want = mib * 2 ** 20;
    const ok = r.peak && r.peak.workerWasmBytes === want && r.peak.pageWasmBytes === 2 ** 20 && r.workers.length === 1;
    return { ok, mib, ...r };
  } finally {
    await context.close();
    await server.close();
  }
}
