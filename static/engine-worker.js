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
    const folder = self.location.pathname.replace(/[^/]*$/, '');
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

const fail = (why) => self.postMessage(`The explorer's search engine could not start: ${why}. Reload to try again.`);

/** `url` if it is an address on this worker's own site, else null. */
function ownSite(url) {
  try {
    const u = new URL(url, self.location.href);
    return u.origin === self.location.origin ? u.href : null;
  } catch {
    return null;
  }
}

self.onmessage = async (event) => {
  if (started) {
    held.push(event.data);
    return;
  }
  started = true;
  const glue = ownSite(event.data?.glue);
  const module = event.data?.module;
  if (!glue) return fail('the page named no script of this site');
  if (!(module instanceof WebAssembly.Module)) return fail('the page sent no WebAssembly module');
  try {
    const bindings = await import(glue);
    // Runs the wasm's main, which takes over self.onmessage.
    await bindings.default({ module_or_path: module });
  } catch (err) {
    fail(err?.message ?? String(err));
  }
};
