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
 *   network, bypassing the HTTP cache. On a first visit the engine's worker has already put
 *   the corpus and index files it downloaded in that cache (the HTTP cache does not keep a
 *   file of 100 MB); they are checked against their hashes like any other and kept.
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
 * - Every cached file is checked against its hash again each time it is served: Cache
 *   Storage is shared by the whole origin, so another app on it (user.github.io/other) could
 *   overwrite an entry. A file that does not match is deleted from the cache and fetched
 *   from the network instead (offline, the request fails rather than serve it). The check
 *   reads the file before answering; SHA-256 runs at several hundred MB/s.
 */
const VERSION = '__BUILD_VERSION__';
const FILES = /* [url relative to this script, sha256 hex] */ [['__FILE__', '__SHA256__']];
/* Files kept when first fetched rather than precached (the file reader, fetched only when a
 * person first adds files): [url relative to this script, sha256 hex]. */
const LAZY_FILES = [['__LAZY_FILE__', '__SHA256__']];

/** Each file's SHA-256 by its absolute URL. */
const SHA256 = new Map([...FILES, ...LAZY_FILES].map(([file, sha256]) => [new URL(file, self.location).href, sha256]));
const LAZY = new Set(LAZY_FILES.map(([file]) => new URL(file, self.location).href));
const SCOPE = self.registration.scope;
const PREFIX = `corpus-explorer:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + VERSION;
const PAGE = new URL('./', self.location).href;

const MSG_VERSION_QUERY = 'corpus-explorer:version?';
const MSG_VERSION_REPLY = 'corpus-explorer:version:';
const MSG_SKIP_WAITING = 'corpus-explorer:skip-waiting';

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** `url` fetched with the cache mode `mode`: the response, its body and the body's SHA-256. */
async function get(url, mode) {
  const res = await fetch(new Request(url, { cache: mode, credentials: 'same-origin' }));
  if (!res.ok) throw new Error(`precache ${url}: HTTP ${res.status}`);
  const body = await res.arrayBuffer();
  return { res, body, sha256: hex(await crypto.subtle.digest('SHA-256', body)) };
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async ([file, sha256]) => {
      const url = new URL(file, self.location).href;
      // Handed over by the engine's worker as it downloaded it (a first visit: see
      // engine-worker.js's corpusExplorerHandOff): kept if it is this build's.
      const handed = await cache.match(url);
      if (handed && hex(await crypto.subtle.digest('SHA-256', await handed.arrayBuffer())) === sha256) return;
      // The HTTP cache's copy if it is this build's (an older index.html is not), else the network's.
      let got = await get(url, 'force-cache').catch(() => null);
      if (got?.sha256 !== sha256) got = await get(url, 'reload');
      if (got.sha256 !== sha256) throw new Error(`precache ${url}: content is not this build's (sha256 ${got.sha256})`);
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
  const sha256 = hex(await crypto.subtle.digest('SHA-256', body));
  if (sha256 === SHA256.get(key)) {
    const cache = await caches.open(CACHE);
    await cache.put(key, new Response(body.slice(0), { status: res.status, statusText: res.statusText, headers: res.headers }));
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * This build's cached copy of `url` if it still has the build's hash, else `null`. A copy that
 * does not match (another app on the origin wrote it, or the disk did) is deleted.
 */
async function cached(url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (!hit) return null;
  const body = await hit.arrayBuffer();
  const sha256 = hex(await crypto.subtle.digest('SHA-256', body));
  if (sha256 !== SHA256.get(url)) {
    console.warn(`corpus explorer: the cached ${url} is not this build's (sha256 ${sha256}); fetched from the network`);
    await cache.delete(url);
    return null;
  }
  return new Response(body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
}
