// Offline support: the service worker (sw.js, written by scripts/gen-sw.mjs after each
// build), updates to a new build, hosting under a sub-path, and the web app manifest.
//
// Each service-worker test starts its own static server on a free port (an origin of its
// own, so its service worker and caches are its own) and can switch that server to another
// build (`setRoot`). The second build, with one extra document, is made once per run by the
// global setup (tests/support/update-build.mjs) and named by EXPLORER_UPDATE_DIST.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test, expect, waitReady, idsFor, countText, CORPUS_SIZE, DOC, MATCH_COUNT } from './helpers.mjs';
import { startStaticServer } from '../support/static-server.mjs';
import { ROOT, UPDATE_DOC, buildVersion, cacheName } from '../support/update-build.mjs';

const DIST = resolve(ROOT, process.env.EXPLORER_DIST ?? 'dist');
const UPDATE_DIST = process.env.EXPLORER_UPDATE_DIST;
const SUB = '/tools/explorer/';
/** How long to wait for a service worker to install, activate or take over. */
const SW_MS = 20_000;

/** Opens `url`, waits for the app, then for its service worker to control the page. */
async function openControlled(page, url) {
  await page.goto(url);
  await waitReady(page);
  await waitControlled(page);
}

/** Waits until a service worker is active and controls the page. */
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'the page is controlled', timeout: SW_MS })
    .toBe(true);
}

/** Deletes this browser's working copies of the build's files (engine-worker.js), if any. */
const removeCopies = (page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('corpus-explorer', { recursive: true }).catch((e) => {
      if (e.name !== 'NotFoundError') throw e;
    });
  });

/** Changes four bytes at `at` in this browser's working copy of the corpus file; its name. */
const changeCopy = (page, at) =>
  page.evaluate(async (at) => {
    const root = await navigator.storage.getDirectory();
    const dir = await (await root.getDirectoryHandle('corpus-explorer')).getDirectoryHandle(encodeURIComponent('/'));
    for await (const [name, handle] of dir.entries()) {
      if (!name.startsWith('corpus-')) continue;
      const writable = await handle.createWritable({ keepExistingData: true });
      await writable.write({ type: 'write', position: at, data: 'Qzqz' });
      await writable.close();
      return name;
    }
    return null;
  }, at);

/**
 * Opens `dist` and waits for the copy of its corpus; reloads and sees it read from the copy;
 * then changes the copy at `at` and sees it refused (block `block`), the corpus downloaded
 * and its copy made again.
 */
async function expectCheckedCopies(page, dist, at, block) {
  const said = [];
  page.on('console', (m) => said.push(m.text()));
  const saying = (re) => expect.poll(() => said.some((t) => re.test(t)), { message: `the console says ${re}`, timeout: SW_MS });
  await withServer({ root: dist }, async (server) => {
    await openControlled(page, server.url);
    await saying(/^engine: this browser keeps a copy of corpus-[0-9a-f]{16}\.jsonl$/).toBe(true);
    said.length = 0;
    const downloads = server.sent.length;
    await page.reload();
    await waitReady(page);
    expect(said).toContainEqual(expect.stringMatching(/^engine: corpus-[0-9a-f]{16}\.jsonl read from this browser's copy$/));
    await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
    expect(await idsFor(page, 'stalin')).toContain(DOC.emancipation);
    expect(server.sent.slice(downloads).filter((f) => /\.jsonl$/.test(f.path))).toEqual([]);

    // Another app on this site (or the disk) changes the copy: it is not used.
    const name = await changeCopy(page, at);
    expect(name).toMatch(/^corpus-/);
    said.length = 0;
    await page.reload();
    await waitReady(page);
    expect(said).toContainEqual(`engine: this browser's copy of ${name} was changed (block ${block}): it is downloaded again.`);
    expect(await idsFor(page, 'qzqz')).toEqual([]);
    expect(await idsFor(page, 'stalin')).toContain(DOC.emancipation);
    // The copy is made again from the service worker's cache, and used on the next load.
    await saying(new RegExp(`^engine: this browser keeps a copy of ${name}$`)).toBe(true);
    said.length = 0;
    await page.reload();
    await waitReady(page);
    expect(said).toContain(`engine: ${name} read from this browser's copy`);
  });
}

const cacheKeys = (page) => page.evaluate(() => caches.keys());
const pageBuild = (page) =>
  page.evaluate(() => document.querySelector('meta[name="corpus-explorer-build"]')?.content ?? null);

/** Asks a worker (the controller, or the registration's waiting one) which build it holds. */
function workerVersion(page, which = 'controller') {
  return page.evaluate(async (which) => {
    const reg = await navigator.serviceWorker.getRegistration();
    const worker = which === 'controller' ? navigator.serviceWorker.controller : reg?.[which];
    if (!worker) return null;
    return new Promise((done) => {
      const onMessage = (e) => {
        if (typeof e.data === 'string' && e.data.startsWith('corpus-explorer:version:')) {
          navigator.serviceWorker.removeEventListener('message', onMessage);
          done(e.data.slice('corpus-explorer:version:'.length));
        }
      };
      navigator.serviceWorker.addEventListener('message', onMessage);
      worker.postMessage('corpus-explorer:version?');
    });
  }, which);
}

/**
 * For a test of updates (a second build must exist): opens the first build, controlled by its
 * worker, and runs `body` with the server, which is closed afterwards.
 */
async function withControlledFirstBuild(page, body) {
  expect(UPDATE_DIST, 'the second build (EXPLORER_UPDATE_DIST) made by the global setup').toBeTruthy();
  test.setTimeout(60_000);
  await withServer({ root: DIST }, async (server) => {
    await openControlled(page, server.url);
    await body(server);
  });
}

async function withServer(options, body) {
  const server = await startStaticServer(options);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

test.describe('offline', () => {
  test('after one visit the app loads and searches with the network off', async ({ page, context }) => {
    await withServer({ root: DIST }, async (server) => {
      await openControlled(page, server.url);
      expect(await cacheKeys(page)).toEqual([cacheName(DIST, '/')]);
      expect(await pageBuild(page)).toBe(buildVersion(DIST));
      // The worker cached the wasm and the corpus from the browser's HTTP cache: each was
      // downloaded once, by the page (the server may be asked again, but answers 304).
      for (const kind of [/\.wasm$/, /^\/corpus-[0-9a-f]+\.jsonl$/]) {
        const sent = server.sent.filter((f) => kind.test(f.path));
        expect(sent.length, `requests for ${kind}`).toBeGreaterThan(0);
        expect(sent.filter((f) => f.bytes > 0).length, `downloads of ${kind}: ${JSON.stringify(sent)}`).toBe(1);
      }

      await context.setOffline(true);
      const before = server.requests;
      const sentBefore = server.sent.length;
      const responses = [];
      page.on('response', (r) => responses.push(r));
      await page.reload();
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
      const ids = await idsFor(page, 'stalin');
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toContain(DOC.emancipation);
      // Everything the page got came from the worker's cache.
      expect(responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url()), 'responses not from the worker').toEqual([]);
      expect(responses.length).toBeGreaterThan(3);
      // Nothing the app asked for reached the server. (The browser's own background requests
      // may, as Chromium's offline emulation does not cover them all: the worker's update check
      // of sw.js, the manifest and its icons.)
      const reached = server.sent.slice(sentBefore).map((f) => f.path);
      const browsers = /^\/(sw\.js|manifest\.webmanifest|icon[^/]*)$/;
      expect(reached.filter((p) => !browsers.test(p)), `requests that reached the server: ${JSON.stringify(reached)}`).toEqual([]);
      expect(server.requests - before, 'only files were asked for').toBe(reached.length);

      // Not only Chromium's offline emulation: with the server gone entirely, a new
      // navigation (with a view in the URL) still gets the cached page.
      await server.close();
      await page.goto(`${server.url}?q=putin`);
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(/match/);
      expect(await page.locator('input#search').inputValue()).toBe('putin');
      await context.setOffline(false);
    });
  });

  test('a first visit downloads the corpus and its index once, even when the HTTP cache keeps no copy', async ({ page }) => {
    // As Chromium's HTTP cache does with a file of 100 MB: the server sends the corpus and
    // index files so that it keeps none. The engine's worker hands what it downloaded to the
    // cache the service worker is about to fill, whose install then downloads neither again.
    const big = /^\/(corpus|index)-[0-9a-f]+\.(jsonl|bin)$/;
    await withServer({ root: DIST, noStore: big }, async (server) => {
      await openControlled(page, server.url);
      const sent = server.sent.filter((f) => big.test(f.path));
      expect(sent.filter((f) => /\.jsonl$/.test(f.path)).length, `corpus downloads: ${JSON.stringify(sent)}`).toBe(1);
      expect(sent.length, `downloads of the corpus and its index: ${JSON.stringify(sent)}`).toBeLessThanOrEqual(2);
      expect(await cacheKeys(page)).toEqual([cacheName(DIST, '/')]);
      // Offline, the page loads from the service worker's cache: what was handed over is whole.
      await server.close();
      await page.reload();
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
      expect(await idsFor(page, 'stalin')).toContain(DOC.emancipation);
    });
  });

  test("a reload reads the corpus from this browser's working copy, checked against its hash", async ({ page }) => {
    // The seed corpus is one block: its copy is checked against the hash in its name.
    await expectCheckedCopies(page, DIST, 1000, 1);
  });

  test("a working copy of several blocks is checked block by block", async ({ page }) => {
    // The same build with blocks of 16 kB (the default is 8 MiB): the corpus file is four
    // blocks, each with its hash in index.html; the third is changed.
    const dist = mkdtempSync(join(tmpdir(), 'explorer-blocks-'));
    try {
      cpSync(DIST, dist, { recursive: true });
      const made = spawnSync('node', [join(ROOT, 'scripts', 'gen-sw.mjs'), dist], {
        env: { ...process.env, EXPLORER_COPY_BLOCK: String(16 << 10) },
        encoding: 'utf8',
      });
      expect(made.status, made.stderr).toBe(0);
      await expectCheckedCopies(page, dist, 2 * (16 << 10) + 500, 3);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('a new build replaces the old one on the next loads, and the old cache goes', async ({ page, context }) => {
    await withControlledFirstBuild(page, async (server) => {
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
      const oldCache = cacheName(DIST, '/');
      const newCache = cacheName(UPDATE_DIST, '/');
      expect(newCache).not.toBe(oldCache);

      // The new build is deployed; the next two loads are online.
      server.setRoot(UPDATE_DIST);
      await page.reload();
      await waitReady(page);
      await page.reload();
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE + 1} documents`));
      expect(await idsFor(page, UPDATE_DOC.word)).toEqual([UPDATE_DOC.id]);
      expect(await pageBuild(page)).toBe(buildVersion(UPDATE_DIST));
      // The new worker installs and takes over in the background: on a busy 2-core machine
      // that can take more than the default 5 s.
      await expect.poll(() => cacheKeys(page), { message: 'only the new cache is left', timeout: SW_MS }).toEqual([newCache]);
      // The page already is the new build: nothing to offer.
      await expect(page.locator('#update-banner')).toHaveCount(0);
      await expect.poll(() => workerVersion(page), { message: 'the new worker controls the page', timeout: SW_MS }).toBe(
        buildVersion(UPDATE_DIST),
      );

      // And offline it is the new build that loads, from the new cache.
      await context.setOffline(true);
      await page.goto(server.url);
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE + 1} documents`));
      await context.setOffline(false);
    });
  });

  test('a page from the cache keeps its build until told to update', async ({ page, context }) => {
    await withControlledFirstBuild(page, async (server) => {
      // Offline: the old build comes from the cache. Meanwhile a new build is deployed.
      await context.setOffline(true);
      await page.reload();
      await waitReady(page);
      server.setRoot(UPDATE_DIST);
      await context.setOffline(false);

      // Back online the page looks for an update (on the `online` event); the new worker
      // installs and, since this page is older, waits instead of taking over: page, worker
      // and cache of the old build stay together until the user reloads to update.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await expect.poll(() => workerVersion(page, 'waiting'), { message: 'the new build waits', timeout: SW_MS }).toBe(
        buildVersion(UPDATE_DIST),
      );
      await page.waitForTimeout(500);
      expect(await workerVersion(page, 'waiting')).toBe(buildVersion(UPDATE_DIST));
      expect(await workerVersion(page)).toBe(buildVersion(DIST));
      expect((await cacheKeys(page)).sort()).toEqual([cacheName(DIST, '/'), cacheName(UPDATE_DIST, '/')].sort());
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));

      // What offline::reload_to_update() does: the waiting worker takes over, the page reloads.
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await new Promise((done) => {
          navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
          reg.waiting.postMessage('corpus-explorer:skip-waiting');
        });
      });
      await page.reload();
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE + 1} documents`));
      await expect.poll(() => cacheKeys(page), { timeout: SW_MS }).toEqual([cacheName(UPDATE_DIST, '/')]);
    });
  });

  test('an older page says a new version is available, and its button updates', async ({ page, context }) => {
    expect(UPDATE_DIST, 'the second build (EXPLORER_UPDATE_DIST) made by the global setup').toBeTruthy();
    await withServer({ root: DIST }, async (server) => {
      await openControlled(page, server.url);
      await context.setOffline(true);
      await page.reload();
      await waitReady(page);
      await expect(page.locator('#update-banner')).toHaveCount(0);
      server.setRoot(UPDATE_DIST);
      await context.setOffline(false); // the `online` event makes the page look for an update
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await expect(page.locator('#update-banner')).toContainText('A new version is available — reload');
      await Promise.all([page.waitForEvent('load'), page.locator('#update-reload').click()]);
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE + 1} documents`));
      await expect(page.locator('#update-banner')).toHaveCount(0);
    });
  });

  test(`works under a sub-path (${SUB})`, async ({ page, context }) => {
    await withServer({ root: DIST, prefix: SUB }, async (server) => {
      await openControlled(page, server.url);
      const reg = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { scope: r.scope, script: navigator.serviceWorker.controller.scriptURL };
      });
      expect(reg).toEqual({ scope: server.url, script: `${server.url}sw.js` });
      expect(await cacheKeys(page)).toEqual([cacheName(DIST, SUB)]);
      const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
      expect(manifest).toBe(`${server.url}manifest.webmanifest`);

      await context.setOffline(true);
      await page.goto(`${server.url}?q=lenin`);
      await waitReady(page);
      expect((await idsFor(page, 'stalin')).length).toBeGreaterThan(0);
      await context.setOffline(false);
    });
  });

  test("offline only the app's own page is served; a cached file another app rewrote is not served", async ({
    page,
    context,
  }) => {
    await withServer({ root: DIST }, async (server) => {
      await openControlled(page, server.url);
      // Offline, the page answers for itself (`./`, `./index.html`), not for every path of the origin.
      await context.setOffline(true);
      await page.goto(`${server.url}index.html?q=putin`);
      await waitReady(page);
      await expect(page.locator('#result-count')).toHaveText(MATCH_COUNT);
      const other = await page.goto(`${server.url}other-app/page.html`).then(
        () => 'answered',
        (e) => `failed: ${e.message.split('\n')[0]}`,
      );
      expect(other).toMatch(/^failed: page.goto: net::ERR_/);
      await context.setOffline(false);

      // What another app on the same origin can do: rewrite an entry of the explorer's cache.
      const name = cacheName(DIST, '/');
      await page.goto(server.url);
      await waitReady(page);
      const corpusUrl = await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        const req = (await cache.keys()).find((r) => /\/corpus-[0-9a-f]+\.jsonl$/.test(r.url));
        const res = await cache.match(req);
        const text = (await res.text()).replaceAll('Stalin', 'Qzqzqz');
        await cache.put(req, new Response(text, { headers: res.headers }));
        return req.url;
      }, name);
      const inCache = () =>
        page.evaluate(async ([name, url]) => !!(await (await caches.open(name)).match(url)), [name, corpusUrl]);
      expect(await inCache()).toBe(true);
      // Without this browser's working copy of the corpus (see the tests of copies), the engine
      // asks the service worker for it.
      await removeCopies(page);
      await page.reload();
      await waitReady(page);
      // The worker found the entry was not its build's, dropped it and asked the network.
      expect(await idsFor(page, 'qzqzqz')).toEqual([]);
      expect(await idsFor(page, 'stalin')).toContain(DOC.emancipation);
      expect(await inCache()).toBe(false);
    });
  });

  test('the manifest is served with icons of the right sizes, and Chromium can install the app', async ({
    page,
    context,
  }) => {
    await withServer({ root: DIST }, async (server) => {
      await page.goto(server.url);
      await waitReady(page);
      const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
      expect(href).toBe(`${server.url}manifest.webmanifest`);
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/manifest+json');
      const m = JSON.parse(await res.text());
      expect(m).toMatchObject({
        name: 'Corpus Explorer',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#1f5fa8',
      });
      expect(m.short_name).toBeTruthy();
      expect(m.description).toBeTruthy();

      const pngs = {};
      for (const icon of m.icons) {
        const url = new URL(icon.src, href).href;
        const r = await page.request.get(url);
        expect(r.status(), url).toBe(200);
        expect(r.headers()['content-type'], url).toBe(icon.type);
        if (icon.type !== 'image/png') continue;
        const body = await r.body();
        expect(body.subarray(1, 4).toString('latin1'), `${url} is a PNG`).toBe('PNG');
        const size = `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
        expect(size, url).toBe(icon.sizes);
        pngs[`${icon.sizes} ${icon.purpose ?? 'any'}`] = true;
      }
      expect(pngs).toMatchObject({ '192x192 any': true, '512x512 any': true, '512x512 maskable': true });

      await waitControlled(page);
      const cdp = await context.newCDPSession(page);
      const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
      expect(manifestErrors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      // Playwright's browser contexts are incognito-like, which alone keeps Chromium from
      // offering to install anything; every other criterion must be met.
      expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    });
  });
});
