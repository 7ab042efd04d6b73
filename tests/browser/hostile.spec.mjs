// A hostile corpus (tests/fixtures/hostile): script tags, event handlers, javascript:
// addresses, </textarea>, bidi overrides and CSV formulas in text and metadata. Every view
// shows them as text, nothing runs (no dialog, no page error, no script or img element in the
// page's content), nothing is requested outside the local server, and exports are guarded.
import { readFileSync } from 'node:fs';
import { test, expect, waitReady, results, serveBuild } from './helpers.mjs';

const TITLE = '<script>alert("title")</script> Hostile title';
const IMG = '<img src=x onerror=alert(1)>';
const BIDI = 'evil\u202etxt.exe';

const server = serveBuild('EXPLORER_HOSTILE_DIST', 'the hostile build');

/** Opens a path of the hostile build, recording every request and console error. */
async function open(page, path) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server().origin + path);
  await waitReady(page);
  return requests;
}

/** Nothing injected: no script, img, iframe, svg or event-handler attribute in the content. */
async function expectNothingInjected(page) {
  const found = await page.evaluate(() => {
    const root = document.querySelector('.shell') ?? document.body;
    const tags = [...root.querySelectorAll('script, img, iframe:not(#embed-preview), object, embed, svg:not(.strip):not(.trend-chart)')]
      .map((e) => e.tagName.toLowerCase());
    const handlers = [...root.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`),
    );
    const js = [...root.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')));
    return { tags, handlers, js: js.length };
  });
  expect(found).toEqual({ tags: [], handlers: [], js: 0 });
}

function expectLocalOnly(requests) {
  const foreign = requests.filter((u) => !u.startsWith(server().origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign, 'no request leaves the local server').toEqual([]);
}

test('search results show hostile titles, metadata and text as written', async ({ page }) => {
  const requests = await open(page, '/?q=quarantine');
  await expect(results(page)).toHaveCount(3);
  await expect(page.locator('a.result-title', { hasText: 'Hostile title' })).toHaveText(TITLE);
  const hostile = page.locator('li.result[data-doc-id="hostile"]');
  await expect(hostile.locator('.result-meta')).toContainText('<b>Evil & Co</b>');
  await expect(hostile.locator('.snippet')).toContainText('quarantine');
  await expect(page.locator('section.facet[data-facet="outlet"] .facet-name').first()).toHaveText('<b>Evil & Co</b>');
  await expectNothingInjected(page);
  expectLocalOnly(requests);
});

test('the reader shows every paragraph as text, contains bidi overrides, and links no javascript: address', async ({ page }) => {
  const requests = await open(page, '/?q=quarantine&doc=hostile');
  const reader = page.locator('article#reader');
  await expect(reader.locator('h2.reader-title')).toHaveText(TITLE);
  const paras = reader.locator('p.para');
  await expect(paras.nth(0)).toContainText(IMG);
  await expect(paras.nth(0)).toContainText('<iframe src="https://evil.example/"></iframe>');
  await expect(paras.nth(1)).toContainText('</textarea> and </style><script>alert(4)</script>');
  await expect(paras.nth(1)).toContainText('javascript:alert(2)');
  await expect(paras.nth(2)).toContainText(BIDI);
  // A bidi override cannot reorder anything outside its paragraph.
  expect(await paras.nth(2).evaluate((p) => getComputedStyle(p).unicodeBidi)).toBe('isolate');
  await expect(reader.locator('.reader-meta')).toContainText('"><img src=x onerror=alert(5)>');
  await expect(reader.locator('a.original-link')).toHaveCount(0);
  await expect(reader.locator('mark').first()).toHaveText(/quarantine/i);
  await expectNothingInjected(page);
  expectLocalOnly(requests);
});

test('every analysis view shows hostile text as text', async ({ page }) => {
  const views = [
    '/?q=quarantine&view=concordance',
    '/?view=words&stop=show',
    '/?view=keyness&target=doc:hostile&min=1',
    '/?q=quarantine&view=collocates&min=1',
    '/?q=quarantine&view=distribution',
    '/?q=quarantine&view=trends',
  ];
  for (const v of views) {
    const requests = await open(page, v);
    await expect(page.locator('main#app h2#view-title')).toBeVisible();
    await expectNothingInjected(page);
    expectLocalOnly(requests);
  }
  await open(page, '/?q=quarantine&view=concordance&width=20');
  await expect(page.locator('tr.kwic-line').first()).toBeVisible();
  const lines = await page.locator('tr.kwic-line').allTextContents();
  // 20 words of context reach back into the markup-like text: shown as text.
  expect(lines.join('\n')).toContain('onerror=alert(1)> and <b>bold</b>');
  expect(lines.join('\n')).toContain('</textarea> and </style><script>alert(4)</script>');
  await expect(page.locator('tr.kwic-line[data-doc-id="hostile"] td.kwic-doc').first()).toHaveText(TITLE);
});

test('exports keep the text and guard formula cells', async ({ page }) => {
  await open(page, '/?q=quarantine&view=concordance&width=20');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('<script>alert(""title"")</script> Hostile title');
  // The title of formula.txt starts with '=': its cells are guarded against spreadsheets.
  expect(csv).toContain("'=cmd|' /C calc'!A0 formula title");
  expect(csv).not.toMatch(/(^|,)"?=cmd/m);
});

test('the embed dialog shows hostile text only as text', async ({ page }) => {
  await open(page, '/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20quarantine');
  await page.locator('#embed-button').click();
  const code = await page.locator('#embed-code').inputValue();
  expect(code).not.toContain('<script>');
  expect(code).toContain('%3Cscript%3E');
  await expectNothingInjected(page);
});
