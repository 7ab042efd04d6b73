/* Corpus Explorer service worker.
 *
 * Generated for each build by scripts/gen-sw.mjs from scripts/sw.template.js: the two
 * constants below are filled in with the build's version (a hash of all its files) and
 * the list of its files with their SHA-256. Everything else is the same for every build.
 *
 * - install: gets every file of the build, checks each against its hash, and stores them in
 *   one cache, `corpus-explorer:<scope path>:<version>`. A file is taken from the browser's
 *   HTTP cache when it is there with the right hash (the page has just downloaded the wasm,
 *   the corpus and the rest: a first visit does not download them twice), else from the
 *   network, bypassing the HTTP cache.
 *   A file that does not match (a deployment half-way through) fails the install; the
 *   browser tries again later. The new worker then waits until the page lets it take over
 *   (see src/offline.rs).
 * - activate: deletes this app's other caches (same prefix: same app, same scope; another
 *   copy of the app elsewhere on the origin keeps its own) and takes control of open pages.
 * - fetch: navigations go to the network first; offline, a navigation to this app's own page
 *   (`./`, `./index.html`, with any query) gets this build's cached page, and any other path
 *   of the origin is left to fail as it would without the worker. Other requests in scope are
 *   answered from this build's cache by exact URL, else from the network. The file reader's
 *   files (LAZY_FILES) are not precached: the first time a person adds files they are
 *   fetched and, when their hash is this build's, kept in the same cache. Nothing else
 *   fetched at run time is cached, so a cache only ever holds the files of one build, and a
 *   page from the cache only ever gets assets of its own build.
 * - Every cached file is checked against its hashes again each time it is served: Cache
 *   Storage is shared by the whole origin, so another app on it (user.github.io/other) could
 *   overwrite an entry. A file is checked in blocks of BLOCK_BYTES, each against its own
 *   SHA-256, and each block is passed on only once it has been checked, so a large file (the
 *   corpus, its index) reaches the page while the rest is checked rather than after all of it
 *   was (on the 108 MB benchmark corpus that took 0.25 s off a reload): nothing that was not
 *   checked is ever served. A file whose first block does not match is deleted from the cache
 *   and fetched from the network instead (offline, the request fails rather than serve it).
 *   A later block that does not match deletes the entry and breaks the response off with an
 *   error, so its reader never gets the file whole (the engine then asks once more, and gets
 *   the network's copy).
 */
const VERSION = '__BUILD_VERSION__';
/** Bytes per checked block (4 MiB unless the build set SW_BLOCK_BYTES). */
const BLOCK_BYTES = '__BLOCK_BYTES__';
const FILES = /* [url relative to this script, [sha256 hex of each block]] */ [['__FILE__', ['__SHA256__']]];
/* Files kept when first fetched rather than precached (the file reader, fetched only when a
 * person first adds files): [url relative to this script, [sha256 hex of each block]]. */
const LAZY_FILES = [['__LAZY_FILE__', ['__SHA256__']]];

/** Each file's block hashes by its absolute URL. */
const SHA256 = new Map([...FILES, ...LAZY_FILES].map(([file, blocks]) => [new URL(file, self.location).href, blocks]));
const LAZY = new Set(LAZY_FILES.map(([file]) => new URL(file, self.location).href));
const SCOPE = self.registration.scope;
const PREFIX = `corpus-explorer:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + VERSION;
const PAGE = new URL('./', self.location).href;

const MSG_VERSION_QUERY = 'corpus-explorer:version?';
const MSG_VERSION_REPLY = 'corpus-explorer:version:';
const MSG_SKIP_WAITING = 'corpus-explorer:skip-waiting';

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes));

/** True when the bytes `body` have the block hashes `blocks`. */
async function matches(body, blocks) {
  const bytes = new Uint8Array(body);
  const count = Math.max(1, Math.ceil(bytes.length / BLOCK_BYTES));
  if (count !== blocks?.length) return false;
  for (let i = 0; i < count; i++) {
    if ((await sha256(bytes.subarray(i * BLOCK_BYTES, (i + 1) * BLOCK_BYTES))) !== blocks[i]) return false;
  }
  return true;
}

/** `url` fetched with the cache mode `mode`: the response, its body, and whether it is this build's. */
async function get(url, mode) {
  const res = await fetch(new Request(url, { cache: mode, credentials: 'same-origin' }));
  if (!res.ok) throw new Error(`precache ${url}: HTTP ${res.status}`);
  const body = await res.arrayBuffer();
  return { res, body, ours: await matches(body, SHA256.get(url)) };
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async ([file]) => {
      const url = new URL(file, self.location).href;
      // The HTTP cache's copy if it is this build's (an older index.html is not), else the network's.
      let got = await get(url, 'force-cache').catch(() => null);
      if (!got?.ours) got = await get(url, 'reload');
      if (!got.ours) throw new Error(`precache ${url}: content is not this build's`);
      const { res, body } = got;
      // A fresh response: a redirected one could not answer a navigation.
      await cache.put(url, new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers }));
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precache().catch(async (err) => {
      await caches.delete(CACHE);
      throw err;
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === MSG_SKIP_WAITING) {
    self.skipWaiting();
  } else if (event.data === MSG_VERSION_QUERY) {
    event.source?.postMessage(MSG_VERSION_REPLY + VERSION);
  }
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE)) return;
  event.respondWith(req.mode === 'navigate' ? navigate(req) : asset(req));
});

/** True for a URL of this app's own page: `./` or `./index.html`, with any query. */
function isPage(url) {
  const { origin, pathname } = new URL(url);
  const page = new URL(PAGE);
  return origin === page.origin && (pathname === page.pathname || pathname === `${page.pathname}index.html`);
}

async function navigate(req) {
  try {
    return await fetch(req);
  } catch (err) {
    const page = isPage(req.url) ? await cached(PAGE) : null;
    if (page) return page;
    throw err;
  }
}

async function asset(req) {
  const url = new URL(req.url);
  url.search = '';
  if (LAZY.has(url.href)) return lazy(req, url.href);
  return (await cached(req.url)) ?? fetch(req);
}

/**
 * A file of the reader (`key`: its URL without the `?v=BUILD` the page adds): this build's
 * kept copy, else the network's, kept if it has this build's hash.
 */
async function lazy(req, key) {
  const hit = await cached(key);
  if (hit) return hit;
  const res = await fetch(req, { cache: 'no-cache' });
  if (!res.ok) return res;
  const body = await res.arrayBuffer();
  if (await matches(body, SHA256.get(key))) {
    const cache = await caches.open(CACHE);
    await cache.put(key, new Response(body.slice(0), { status: res.status, statusText: res.statusText, headers: res.headers }));
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * This build's cached copy of `url` if its first block still has the build's hash, else
 * `null`; its later blocks are checked as they are read (see the top of this file). A copy
 * that does not match (another app on the origin wrote it, or the disk did) is deleted.
 */
async function cached(url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (!hit) return null;
  const blocks = SHA256.get(url) ?? [];
  const next = blockReader(hit.body);
  const dropped = async (why) => {
    console.warn(`corpus explorer: the cached ${url} is not this build's (${why}); fetched from the network`);
    await cache.delete(url);
  };
  const first = (await next()) ?? new Uint8Array(0);
  if ((await sha256(first)) !== blocks[0]) {
    await dropped('its first block differs');
    return null;
  }
  const init = { status: hit.status, statusText: hit.statusText, headers: hit.headers };
  if (first.length < BLOCK_BYTES) {
    if (blocks.length !== 1) {
      await dropped('it is shorter');
      return null;
    }
    return new Response(first, init);
  }
  // The rest is read and checked at once, not as the page asks for it, so that it is ready
  // when the page gets there (the engine reads the index file before the corpus).
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(first);
      (async () => {
        for (let i = 1; ; i++) {
          const block = await next();
          if (!block) {
            if (i !== blocks.length) throw new Error(`it has ${i} blocks, not ${blocks.length}`);
            return controller.close();
          }
          if ((await sha256(block)) !== blocks[i]) throw new Error(`block ${i + 1} of ${blocks.length} differs`);
          controller.enqueue(block);
        }
      })().catch(async (err) => {
        // Deleted first, so that the page's next request for it gets the network's copy.
        await dropped(err.message);
        controller.error(new Error(`corpus explorer: the cached ${url} was broken off: ${err.message}`));
      });
    },
  });
  return new Response(body, init);
}

/** Reads `stream` in blocks of BLOCK_BYTES (the last may be shorter); `null` at its end. */
function blockReader(stream) {
  const reader = stream.getReader();
  let pending = null;
  let at = 0;
  let done = false;
  return async () => {
    const block = new Uint8Array(BLOCK_BYTES);
    let filled = 0;
    while (filled < BLOCK_BYTES) {
      if (!pending || at === pending.length) {
        if (done) break;
        const step = await reader.read();
        if (step.done) {
          done = true;
          break;
        }
        pending = step.value;
        at = 0;
        continue;
      }
      const n = Math.min(BLOCK_BYTES - filled, pending.length - at);
      block.set(pending.subarray(at, at + n), filled);
      filled += n;
      at += n;
    }
    return filled === 0 && done ? null : block.subarray(0, filled);
  };
}
