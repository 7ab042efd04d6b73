// Embedding: ?embed=1 layout and parameters, the Embed dialog, and a host page on another
// origin using static/embed.js, with postMessage events and commands (allowed origin only).
import http from 'node:http';
import { test, expect, openApp, waitReady, searchBox, results, DOC } from './helpers.mjs';

const APP_PORT = Number(process.env.EXPLORER_PORT ?? 4173);
const APP = `http://127.0.0.1:${APP_PORT}`;
const HOST_PORT = APP_PORT + 100;
const OTHER_PORT = APP_PORT + 101;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;

/** A host page that embeds the explorer with embed.js and records the events it receives. */
const hostPage = `<!doctype html><meta charset="utf-8"><title>Host</title>
<h1>A host page</h1>
<div id="embed" data-corpus-explorer data-view="concordance" data-query="stalin" data-max-height="900"></div>
<script>
  window.received = [];
  const div = document.getElementById('embed');
  for (const t of ['ready', 'query', 'document', 'resize']) {
    div.addEventListener('corpus-explorer:' + t, (e) => window.received.push(e.detail));
  }
</script>
<script src="${APP}/embed.js"></script>`;

/**
 * A page on a third origin that frames the explorer, which trusts only HOST, and sends it a
 * command itself: the explorer must ignore it.
 */
const otherPage = `<!doctype html><meta charset="utf-8"><title>Other</title>
<iframe id="f" style="width:900px;height:600px" src="${APP}/?embed=1&q=stalin&origins=${encodeURIComponent(HOST)}"></iframe>`;

/**
 * A page on HOST that frames the explorer three times — not embedded, embedded without
 * origins, and embedded trusting HOST (the control) — and records every message from the
 * explorer, with which frame sent it; and a child frame of HOST's own that sends the trusted
 * frame a command, which must be ignored: it does not come from the framing page.
 */
const PRIVATE_PORT = APP_PORT + 102;
const PRIVATE = `http://127.0.0.1:${PRIVATE_PORT}`;
const privatePage = `<!doctype html><meta charset="utf-8"><title>Framing</title>
<iframe id="plain" style="width:600px;height:300px" src="${APP}/?q=stalin"></iframe>
<iframe id="bare" style="width:600px;height:300px" src="${APP}/?embed=1&q=stalin"></iframe>
<iframe id="trusted" style="width:600px;height:300px" src="${APP}/?embed=1&q=stalin&origins=${encodeURIComponent(PRIVATE)}"></iframe>
<iframe id="sibling" src="/child"></iframe>
<script>
  window.received = [];
  addEventListener('message', (e) => {
    const from = ['plain', 'bare', 'trusted'].find((id) => document.getElementById(id).contentWindow === e.source);
    window.received.push({ from, data: e.data });
  });
</script>`;
const childPage = `<!doctype html><meta charset="utf-8"><script>
  window.sendCommand = (query) => parent.frames[2].postMessage(
    { source: 'corpus-explorer-host', version: 1, type: 'setQuery', query }, '*');
</script>`;

let servers = [];

test.beforeAll(async () => {
  const serve = (port, body) =>
    new Promise((resolve) => {
      const s = http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      });
      s.listen(port, '127.0.0.1', () => resolve(s));
    });
  servers = [await serve(HOST_PORT, hostPage), await serve(OTHER_PORT, otherPage)];
  servers.push(
    await new Promise((resolve) => {
      const s = http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(req.url === '/child' ? childPage : privatePage);
      });
      s.listen(PRIVATE_PORT, '127.0.0.1', () => resolve(s));
    }),
  );
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

test('?embed=1 shows the chosen view only, compactly, with a link to the full explorer', async ({ page }) => {
  await openApp(page, '/?embed=1&view=concordance&q=stalin');
  await expect(page.locator('.brand')).toHaveCount(0);
  await expect(page.locator('nav.tabs')).toHaveCount(0);
  await expect(page.locator('.facets')).toHaveCount(0);
  await expect(page.locator('tr.kwic-line').first()).toBeVisible();
  const full = page.locator('a#open-full');
  await expect(full).toBeVisible();
  const href = await full.getAttribute('href');
  expect(href).toContain('view=concordance');
  expect(href).toContain('q=stalin');
  expect(href).not.toContain('embed=');
});

test('embed parameters: theme and a hidden search box; bad values only warn', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto('/?embed=1&theme=dark&searchbox=0&q=lenin');
  await expect(page.locator('main#app')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(searchBox(page)).toHaveCount(0);
  await expect(results(page).first()).toBeVisible();
  // The dark theme really applies: the page background is dark.
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  expect(r + g + b).toBeLessThan(200);

  await openApp(page, '/?embed=1&theme=pink&view=sideways&origins=javascript:alert(1)&q=lenin');
  await expect(results(page).first()).toBeVisible();
  expect(warnings.join('\n')).toMatch(/theme/);
  expect(warnings.join('\n')).toMatch(/view/);
  expect(warnings.join('\n')).toMatch(/origin/);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});

test('the Embed dialog gives a snippet for exactly the current view, with size presets', async ({ page }) => {
  await openApp(page, '/?q=stalin&view=concordance&ksort=r1&outlet=RT');
  await page.locator('#embed-button').click();
  const dialog = page.locator('#embed-dialog');
  await expect(dialog).toBeVisible();
  // The built-in corpus embeds anywhere: no note about a corpus kept in this browser.
  await expect(page.locator('#embed-added-note')).toHaveCount(0);
  const code = await page.locator('#embed-code').inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+"/);
  const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const url = new URL(src);
  expect(url.searchParams.get('embed')).toBe('1');
  expect(url.searchParams.get('view')).toBe('concordance');
  expect(url.searchParams.get('q')).toBe('stalin');
  expect(url.searchParams.get('ksort')).toBe('r1');
  expect(url.searchParams.get('outlet')).toBe('RT');
  expect(code).toContain('width="720" height="540"');
  await page.locator('#embed-size').selectOption('0');
  await expect(page.locator('#embed-code')).toHaveValue(/width="480" height="360"/);
  await page.locator('#embed-searchbox').uncheck();
  await expect(page.locator('#embed-code')).toHaveValue(/searchbox=0/);
  // The preview shows the embed.
  const preview = page.frameLocator('#embed-preview');
  await expect(preview.locator('tr.kwic-line').first()).toBeVisible();
  // The one-line host-script snippet names the view and query.
  const script = await page.locator('#embed-script').inputValue();
  expect(script).toContain('embed.js');
  expect(script).toContain('data-view="concordance"');
  expect(script).toContain('data-query="stalin"');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#embed-button')).toBeFocused();
});

test('embed.js on another origin: the requested view, ready and result count, resizing, commands', async ({ page }) => {
  await page.goto(HOST + '/');
  const frame = page.frameLocator('#embed iframe');
  await expect(frame.locator('tr.kwic-line').first()).toBeVisible({ timeout: 15_000 });
  await expect(frame.locator('#tab-concordance')).toHaveCount(0); // embedded: the view only
  // The host received `ready` with a result count, and a resize that sized the iframe.
  await expect.poll(() => page.evaluate(() => window.received.map((m) => m.type))).toContain('ready');
  const ready = await page.evaluate(() => window.received.find((m) => m.type === 'ready'));
  expect(ready).toMatchObject({ source: 'corpus-explorer', version: 1, view: 'concordance', query: 'stalin' });
  expect(ready.results).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => window.received.some((m) => m.type === 'resize'))).toBe(true);
  const height = await page.locator('#embed iframe').evaluate((f) => f.getBoundingClientRect().height);
  expect(height).not.toBe(480);

  // A command from the allowed origin (this host, listed by embed.js) changes the query.
  await page.evaluate(() => CorpusExplorer.send(document.getElementById('embed'), { type: 'setQuery', query: 'lenin' }));
  await expect(frame.locator('input#search')).toHaveValue('lenin');
  await expect
    .poll(() => page.evaluate(() => window.received.filter((m) => m.type === 'query').map((m) => m.query)))
    .toContain('lenin');
  const q = await page.evaluate(() => window.received.filter((m) => m.type === 'query').pop());
  expect(q.results).toBeGreaterThan(0);
  await expect(frame.locator('tr.kwic-line mark').first()).toHaveText(/lenin/i);

  // openDocument opens the reader and the host hears about it.
  await page.evaluate((id) => CorpusExplorer.send(document.getElementById('embed'), { type: 'openDocument', id }), DOC.rt);
  await expect(frame.locator('article#reader')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.received.some((m) => m.type === 'document'))).toBe(true);
});

test('a command from an origin that is not allowed is ignored', async ({ page }) => {
  await page.goto(OTHER + '/');
  const frame = page.frameLocator('#f');
  await expect(frame.locator('input#search')).toHaveValue('stalin', { timeout: 15_000 });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.evaluate(() =>
    document.getElementById('f').contentWindow.postMessage(
      { source: 'corpus-explorer-host', version: 1, type: 'setQuery', query: 'trotsky' },
      '*',
    ),
  );
  await expect.poll(() => warnings.join('\n')).toMatch(/not in the embed's origins/);
  await expect(frame.locator('input#search')).toHaveValue('stalin');
});

test('only an embed with the host listed in origins tells its host what is typed', async ({ page }) => {
  await page.goto(PRIVATE + '/');
  const frames = ['plain', 'bare', 'trusted'].map((id) => page.frameLocator('#' + id));
  for (const f of frames) await expect(f.locator('input#search')).toHaveValue('stalin', { timeout: 15_000 });
  for (const f of frames) await f.locator('input#search').fill('lenin');
  // The control hears of the new query; by then the others would have sent theirs too.
  const queried = (from) => page.evaluate((from) => window.received.some((m) => m.from === from && m.data?.type === 'query' && m.data.query === 'lenin'), from);
  await expect.poll(() => queried('trusted'), { message: 'the trusted embed reports the query' }).toBe(true);
  const leaked = await page.evaluate(() => window.received.filter((m) => m.from !== 'trusted').map((m) => JSON.stringify(m.data)));
  expect(leaked, 'no message from the page framed without embed=1, or embedded without origins').toEqual([]);
});

test('a command from a listed origin but not from the framing page is ignored', async ({ page }) => {
  await page.goto(PRIVATE + '/');
  const trusted = page.frameLocator('#trusted');
  await expect(trusted.locator('input#search')).toHaveValue('stalin', { timeout: 15_000 });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const sibling = page.frames().find((f) => f.url().endsWith('/child'));
  await sibling.evaluate(() => window.sendCommand('trotsky'));
  await expect.poll(() => warnings.join('\n')).toMatch(/did not come from the page framing the explorer/);
  await expect(trusted.locator('input#search')).toHaveValue('stalin');
  // The framing page itself is obeyed.
  await page.evaluate(() =>
    document.getElementById('trusted').contentWindow.postMessage({ source: 'corpus-explorer-host', version: 1, type: 'setQuery', query: 'trotsky' }, '*'),
  );
  await expect(trusted.locator('input#search')).toHaveValue('trotsky');
});
