/* The explorer's search engine runs in this Web Worker (a module worker), with the same
 * wasm as the page: the page (src/load.rs) starts it and posts first { glue, module }, the
 * address of its own wasm-bindgen script (Trunk's hashed name, which the page knows) and its
 * compiled WebAssembly.Module (so the wasm is neither downloaded nor compiled again), then its
 * requests (bytes in postcard's form). This script imports that script, starts the
 * wasm, whose `main` sees it is in a worker and runs the engine's side (src/engine/worker.rs)
 * instead of the interface; the messages that arrive while it starts are held for it in
 * `self.corpusExplorerHeld`. Only files of this site are loaded.
 */
const held = [];
/** The folder the explorer is served from (`/` or `/tools/explorer/`): its data here is its own. */
const folder = self.location.pathname.replace(/[^/]*$/, '');

/**
 * The two files of a corpus a person added in this browser (`{ corpus, index }`, Blobs), or
 * null when this browser does not have it: read by the engine (src/engine/worker.rs) from
 * the IndexedDB database the file reader keeps them in (crates/reader/src/store.rs, which
 * names it the same way: by the folder the explorer is served from).
 */
self.corpusExplorerStored = (id) =>
  withFiles('readonly', (files, done) => {
    const get = files.get(id);
    get.onsuccess = () => {
      const found = get.result;
      done(found?.corpus instanceof Blob && found?.index instanceof Blob ? found : null);
    };
  });

/**
 * Replaces the index kept with the corpus `id` by `bytes` (a Uint8Array): the engine indexed
 * the corpus again because the kept index was of an older form or damaged.
 */
self.corpusExplorerKeepIndex = (id, bytes) =>
  withFiles('readwrite', (files, done) => {
    const get = files.get(id);
    get.onsuccess = () => {
      if (!(get.result?.corpus instanceof Blob)) return done(false);
      files.put({ ...get.result, index: new Blob([bytes]) }, id).onsuccess = () => done(true);
    };
  });

/** Runs `body(files store, done)` in one transaction of the file reader's database; resolves with
 * what `body` passes to `done` once the transaction is complete. */
function withFiles(mode, body) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`corpus-explorer:${folder}`, 1);
    open.onupgradeneeded = () => {
      for (const store of ['corpora', 'files']) {
        if (!open.result.objectStoreNames.contains(store)) open.result.createObjectStore(store);
      }
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('files', mode);
      let result = null;
      body(tx.objectStore('files'), (r) => (result = r));
      tx.oncomplete = () => {
        db.close();
        resolve(result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}
self.corpusExplorerHeld = held;
let started = false;

/** The cache of the service worker about to be installed (sw.js's CACHE), when the page said
 * that this is a first visit: no service worker controls it yet, and one will be registered. */
let offlineCache = null;
/** The name of the service worker's cache of the build `build` (as sw.js names it). */
const cacheOf = (build) => `corpus-explorer:${folder}:${build}`;

/** The writes of the files handed to `offlineCache` in this load. */
const handed = [];
const HAND_OFF_AHEAD = 8 << 20;

/**
 * `res` (the build file `name`, downloaded or read from a working copy) as the engine is to
 * read it. On a first visit, each piece the engine reads is also written to `offlineCache`, so
 * that the service worker's install finds the file there rather than downloading it again (the
 * HTTP cache does not keep a file of 100 MB); the install checks it against its hash as any
 * other. The pieces are written as the engine takes them, not as they arrive, so nothing is
 * held for the engine meanwhile (the corpus waits while the engine reads the index first).
 */
async function handOff(name, res) {
  if (!offlineCache || !res.ok || !res.body) return res;
  const url = new URL(name, self.location.href).href;
  const cache = await caches.open(offlineCache);
  // Already handed over by an earlier load (one where no service worker took it).
  if (await cache.match(url)) return res;
  // At most HAND_OFF_AHEAD bytes wait to be written: the engine waits beyond that (without
  // the bound, and with a copy of each piece, the cache took the pieces more slowly than the
  // engine read them, and the 108 MB corpus's peak memory went from 2.5× to 3.7× its text).
  let copy;
  let stopped = false;
  let drained = null;
  const drain = () => {
    drained?.();
    drained = null;
  };
  const stop = () => {
    stopped = true;
    drain();
  };
  const written = new ReadableStream(
    { start: (c) => (copy = c), pull: drain, cancel: stop },
    new ByteLengthQueuingStrategy({ highWaterMark: HAND_OFF_AHEAD }),
  );
  const init = { status: res.status, statusText: res.statusText, headers: res.headers };
  handed.push(
    cache.put(url, new Response(written, init)).catch((err) => {
      stop();
      console.warn(`engine: ${name} could not be handed to the offline cache (${err?.name ?? err}).`);
    }),
  );
  // Each piece goes to the cache once the engine has taken it (the engine asks for the next
  // piece only then: no piece waits in this stream), so that it is not copied for the cache.
  const reader = res.body.getReader();
  let taken = null;
  const body = new ReadableStream(
    {
      async pull(controller) {
        try {
          if (taken && !stopped) copy.enqueue(taken);
          taken = null;
          while (!stopped && copy.desiredSize <= 0) await new Promise((go) => (drained = go));
          const { done, value } = await reader.read();
          if (done) {
            if (!stopped) copy.close();
            return controller.close();
          }
          taken = value;
          controller.enqueue(value);
        } catch (err) {
          if (!stopped) copy.error(err);
          controller.error(err);
        }
      },
      cancel(reason) {
        if (!stopped) copy.error(reason);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, init);
}

/** Resolves once the files handed to the offline cache are written (or failed to be): the
 * page registers the service worker when the engine says it is ready, after this. */
self.corpusExplorerHandedOff = () => Promise.all(handed);

const fail = (why) => self.postMessage(`The explorer's search engine could not start: ${why}. Reload to try again.`);

/**
 * This browser's working copies of the build's corpus and index files, in the Origin Private
 * File System (a folder per place the explorer is served from). `copies` is what the page said
 * of them: `{ build, blocks }`, the build's version and, for each of its two files, the hashes
 * of its blocks (`"SIZE H1 H2…"`, written by scripts/gen-sw.mjs into index.html, which the
 * service worker checks). Each copy is read by a worker of its own (this script again, named
 * COPY_READER), which checks each block against its hash before the engine gets it: reading
 * and hashing take the thread that does them (0.3 s and 0.2 s for the 108 MB corpus here), so
 * they run beside the engine's reading rather than before it. A copy that another app on this
 * site or the disk changed is deleted, and the engine downloads the file instead.
 */
let copies = null;
/** The files read from a working copy in this load. */
const fromCopy = new Set();
/** A file's blocks when the page listed none: the file whole, checked against the hash its
 * name carries (scripts/build-corpus.mjs), up to this size. */
const WHOLE_MAX = 8 << 20;
/** How many blocks a copy's reader reads ahead of the engine (64 MB): the corpus's reader
 * works while the engine reads the index (with 3, the engine then waited for each block). */
const AHEAD = 8;
/** The name of the workers that read a copy (`self.name`). */
const COPY_READER = 'corpus-explorer-copy';
const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** The folder of this place's working copies (made when `create`), or null without one. */
async function copyFolder(create) {
  if (!navigator.storage?.getDirectory) return null;
  try {
    const root = await navigator.storage.getDirectory();
    const top = await root.getDirectoryHandle('corpus-explorer', { create });
    return await top.getDirectoryHandle(encodeURIComponent(folder), { create });
  } catch {
    return null;
  }
}

/** How to check the copy of `name`: `{ size, hashes }` (a block's size, each block's hash). */
function blocksOf(name) {
  const named = /^(?:corpus|index)-([0-9a-f]{16})\.(?:jsonl|bin)$/.exec(name);
  if (!named || !copies || !(name in copies.blocks)) return null;
  const listed = String(copies.blocks[name]).split(' ').filter(Boolean);
  if (listed.length === 0) return { size: WHOLE_MAX, hashes: [named[1]] };
  const size = Number(listed[0]);
  return Number.isSafeInteger(size) && size > 0 ? { size, hashes: listed.slice(1) } : null;
}

/**
 * A reader of one copy (in a worker named COPY_READER): told `{ name, size, hashes }`, it says
 * `{ size }` and then posts the file's blocks (`{ block }`, transferred) in order, each checked,
 * at most AHEAD more than the engine has taken (`'more'` for each), then `{ end }`; or
 * `{ missing }` when there is no whole copy, `{ changed }` when a block is not the build's.
 */
function readCopyHere() {
  let credit = AHEAD;
  let wake = null;
  self.onmessage = async ({ data }) => {
    if (data === 'more') {
      credit += 1;
      return wake?.();
    }
    const { name, size, hashes } = data;
    const dir = await copyFolder(false);
    let file;
    try {
      file = await (await dir.getFileHandle(name)).getFile();
    } catch {
      return self.postMessage({ missing: true });
    }
    if (file.size === 0 || Math.ceil(file.size / size) !== hashes.length) {
      await dir.removeEntry(name).catch(() => {});
      return self.postMessage({ missing: true });
    }
    self.postMessage({ size: file.size });
    for (let i = 0; i < hashes.length; i += 1) {
      while (credit === 0) await new Promise((go) => (wake = go));
      credit -= 1;
      try {
        const block = await file.slice(i * size, (i + 1) * size).arrayBuffer();
        if (hex(await crypto.subtle.digest('SHA-256', block)).slice(0, 16) !== hashes[i]) throw new Error();
        self.postMessage({ block }, [block]);
      } catch {
        await dir.removeEntry(name).catch(() => {});
        return self.postMessage({ changed: i + 1 });
      }
    }
    self.postMessage({ end: true });
  };
}

/** The working copy of the build file `name` as a Response, or null when there is none. */
async function readCopy(name) {
  const blocks = blocksOf(name);
  const dir = blocks && (await copyFolder(false));
  let reader;
  try {
    // Only where there is a copy (a first visit starts no worker).
    await dir.getFileHandle(name);
    reader = new Worker(self.location.href, { type: 'module', name: COPY_READER });
  } catch {
    return null;
  }
  const said = [];
  let waiting = null;
  const hear = (message) => (waiting ? (waiting(message), (waiting = null)) : said.push(message));
  reader.onmessage = (e) => hear(e.data);
  reader.onerror = () => hear({ missing: true });
  const next = () => (said.length ? Promise.resolve(said.shift()) : new Promise((go) => (waiting = go)));
  reader.postMessage({ name, ...blocks });
  const first = await next();
  if (!first?.size) {
    reader.terminate();
    return null;
  }
  const stream = new ReadableStream({
    async pull(controller) {
      const message = await next();
      if (message?.block) {
        reader.postMessage('more');
        return controller.enqueue(new Uint8Array(message.block));
      }
      reader.terminate();
      if (message?.end) return controller.close();
      console.warn(`engine: this browser's copy of ${name} was changed (block ${message?.changed}): it is downloaded again.`);
      controller.error(new Error('a changed copy'));
    },
    cancel: () => reader.terminate(),
  });
  fromCopy.add(name);
  console.info(`engine: ${name} read from this browser's copy`);
  return new Response(stream, { headers: { 'content-length': String(first.size) } });
}

/**
 * Starts getting the build file `name`: its working copy if this browser has one, else a
 * download (revalidated with the server or the service worker rather than a stale copy).
 */
self.corpusExplorerFetch = async (name) => {
  if (!fromCopy.has(name)) {
    const copy = await readCopy(name);
    if (copy) return handOff(name, copy);
  }
  // A second try after a changed copy goes to the network.
  fromCopy.delete(name);
  return handOff(name, await fetch(name, { cache: 'no-cache' }));
};

/**
 * Once the engine is ready, and the page has asked nothing for QUIET_MS (copying 150 MB takes
 * the disk and a core for a second or so: not while a person types): makes working copies of
 * the build's files read from elsewhere, from the service worker's cache (on a first visit,
 * the files the engine handed to it), and deletes the copies of other builds. Storage running
 * out only means no copy.
 */
self.corpusExplorerKeepCopies = () => {
  let tries = 0;
  const wait = async () => {
    const quiet = performance.now() - lastHeard;
    if (quiet < QUIET_MS) return setTimeout(wait, QUIET_MS - quiet);
    const done = await keepCopies().catch((err) => {
      console.warn(`engine: no copies are kept in this browser (${err?.name ?? err}).`);
      return true;
    });
    // Until the service worker's install has filled its cache (a first visit), or not at all.
    if (!done && (tries += 1) < INSTALL_TRIES) setTimeout(wait, QUIET_MS);
  };
  setTimeout(wait, QUIET_MS);
};
/** How many times copies wait QUIET_MS for the service worker's install. */
const INSTALL_TRIES = 20;
const QUIET_MS = 3000;
/** When the page last asked the engine something. */
let lastHeard = 0;

/** Makes the copies (see above); false when the service worker has not installed yet. */
async function keepCopies() {
  if (!copies?.build || typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) return true;
  const name = cacheOf(copies.build);
  if (!self.caches || !(await caches.has(name))) return false;
  const cache = await caches.open(name);
  // Only from the cache of an installed service worker (it holds the page; the files handed to
  // it on a first visit are there before it is installed, and where no service worker is ever
  // installed nothing is copied).
  if (!(await cache.match(new URL('./', self.location.href).href))) return false;
  const dir = await copyFolder(true);
  if (!dir) return true;
  const wanted = Object.keys(copies.blocks).filter((f) => blocksOf(f));
  const kept = [];
  for (const file of wanted.filter((f) => !fromCopy.has(f))) {
    const hit = await cache.match(new URL(file, self.location.href).href);
    if (!hit?.body) continue;
    try {
      await hit.body.pipeTo(await (await dir.getFileHandle(file, { create: true })).createWritable());
      kept.push(file);
    } catch (err) {
      await dir.removeEntry(file).catch(() => {});
      console.warn(`engine: no copy of ${file} is kept in this browser (${err?.name ?? err}).`);
    }
  }
  for await (const other of dir.keys()) {
    if (!wanted.includes(other)) await dir.removeEntry(other).catch(() => {});
  }
  if (kept.length) console.info(`engine: this browser keeps a copy of ${kept.join(' and ')}`);
  return true;
}

/** `url` if it is an address on this worker's own site, else null. */
function ownSite(url) {
  try {
    const u = new URL(url, self.location.href);
    return u.origin === self.location.origin ? u.href : null;
  } catch {
    return null;
  }
}

if (self.name === COPY_READER) readCopyHere();
else self.addEventListener('message', () => (lastHeard = performance.now()));
if (self.name !== COPY_READER) self.onmessage = async (event) => {
  if (started) {
    held.push(event.data);
    return;
  }
  started = true;
  const glue = ownSite(event.data?.glue);
  const module = event.data?.module;
  if (!glue) return fail('the page named no script of this site');
  if (!(module instanceof WebAssembly.Module)) return fail('the page sent no WebAssembly module');
  const { build, blocks } = event.data?.copies ?? {};
  if (typeof build === 'string' && /^[0-9a-f]+$/.test(build) && blocks && typeof blocks === 'object') {
    copies = { build, blocks };
    if (event.data.offline === true && self.caches) offlineCache = cacheOf(build);
  }
  try {
    const bindings = await import(glue);
    // Runs the wasm's main, which takes over self.onmessage.
    await bindings.default({ module_or_path: module });
  } catch (err) {
    fail(err?.message ?? String(err));
  }
};
