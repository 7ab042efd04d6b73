// Content-Security-Policy (issue 7): the built index.html carries a strict policy, and the
// app works under it in every view without a single violation.
import { test, expect, openApp, waitReady, searchBox } from './helpers.mjs';
import { VIEWS, watchCsp } from './ui-helpers.mjs';

test('index.html carries the policy, with the hash of the one inline script', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  expect(m, 'a CSP meta element').not.toBeNull();
  const csp = Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(csp['script-src'].slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
  expect(csp['script-src']).not.toContain("'unsafe-inline'");
  expect(csp['script-src']).not.toContain("'unsafe-eval'");
  expect(csp['style-src']).toEqual(["'self'"]);
  // No inline styles at all: style attributes fall under style-src 'self' too.
  expect(csp['style-src-attr']).toBeUndefined();
  for (const d of ['connect-src', 'frame-src', 'worker-src', 'manifest-src']) expect(csp[d]).toEqual(["'self'"]);
  expect(csp['img-src']).toEqual(["'self'", 'data:']);
  for (const d of ['base-uri', 'form-action', 'object-src']) expect(csp[d]).toEqual(["'none'"]);
  // The policy comes before any script, and every inline script is allowed by its hash.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  const { createHash } = await import('node:crypto');
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, a]) => !/\bsrc=/.test(a));
  expect(inline.length).toBeGreaterThan(0);
  for (const [, , body] of inline) {
    expect(csp['script-src']).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
});

test('no CSP violation in any view, the dialogs, the embed preview and the service worker', async ({ page }) => {
  const violations = await watchCsp(page);
  const thirdParty = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) thirdParty.push(r.url());
  });
  for (const v of VIEWS) {
    await openApp(page, v.url);
    await expect(page.locator(v.ready).first()).toBeAttached();
  }
  // Search as one types, open a document, step through hits, go back.
  await openApp(page, '/');
  await searchBox(page).pressSequentially('stalin', { delay: 10 });
  await page.locator('#results a.result-title').first().click();
  await expect(page.locator('#reader')).toBeVisible();
  await page.keyboard.press('n');
  await page.locator('#back-to-results').click();
  // Help, shortcuts, theme switch, embed dialog with its live preview (an iframe of the app).
  await page.locator('#help-toggle').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.locator('#shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('#theme-switch').click();
  await page.locator('#embed-button').click();
  const preview = page.frameLocator('#embed-preview');
  await expect(preview.locator('#app')).toBeVisible({ timeout: 15_000 });
  await page.locator('#embed-theme').selectOption('dark');
  await expect(preview.locator('#app')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  // The service worker registers and takes control under the policy.
  await page.reload();
  await waitReady(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(await violations()).toEqual([]);
  expect(thirdParty).toEqual([]);
});

test('an inline script that is not Trunk\'s is blocked (the policy is in force)', async ({ page }) => {
  const violations = await watchCsp(page);
  await openApp(page, '/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.append(s);
  });
  await expect.poll(async () => (await violations()).some((v) => /script-src/.test(v))).toBe(true);
  expect(await page.evaluate(() => window.__injected ?? false)).toBe(false);
});
