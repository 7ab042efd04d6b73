// Odd, hostile or huge input must leave the page working: no uncaught error,
// no dialog (the `test` fixture fails on both), no markup injected into #app.
import {
  test,
  expect,
  CORPUS_SIZE,
  openApp,
  searchBox,
  results,
  expectConsistentCount,
  noticeText,
  countText,
  MATCH_COUNT,
} from './helpers.mjs';

/** Asserts the app is alive and nothing was injected; returns the stated result count. */
async function expectHealthy(page) {
  await expect(page.locator('#result-count')).toBeVisible();
  await expect(searchBox(page)).toBeVisible();
  const app = page.locator('#app');
  expect(await app.evaluate((el) => el.children.length)).toBeGreaterThan(0);
  expect((await app.innerText()).trim().length).toBeGreaterThan(0);
  await expect(page.locator('#app script')).toHaveCount(0);
  await expect(page.locator('#app img')).toHaveCount(0);
  await expect(page.locator('#app iframe, #app object, #app embed')).toHaveCount(0);
  const handlers = await app.evaluate((root) =>
    [...root.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
    ),
  );
  expect(handlers, 'no inline event-handler attributes inside #app').toEqual([]);
  return expectConsistentCount(page);
}

/** Where the app echoes text containing the markup, it must show it as text, not eat it as tags. */
async function expectMarkupEchoedAsText(page, raw) {
  const text = await page.locator('#app').innerText();
  if (text.includes('alert(1)')) {
    const tag = raw.match(/^<(\w+)/)[1];
    expect(text, 'markup in the query is echoed as literal text').toContain(`<${tag}`);
  }
}

/** Afterwards a normal search still works. */
async function expectStillSearches(page) {
  await searchBox(page).fill('stalin');
  await expect(page).toHaveURL(/[?&]q=stalin(&|$)/);
  await expect(page.locator('#result-count')).toHaveText(MATCH_COUNT);
  await expect(results(page).first().locator('.snippet mark').first()).toBeVisible();
}

const LONG_WORDS = 'a '.repeat(2500);
const LONG_WORD = 'abcdefghij'.repeat(500);

const CASES = [
  { name: 'empty', raw: '', how: 'fill', expectAll: true },
  { name: 'spaces only', raw: '   ', how: 'type', expectAll: true },
  { name: 'punctuation only', raw: '?!.,;', how: 'type', expectAll: true, expectNotice: true },
  { name: '5,000 characters of short words', raw: LONG_WORDS, how: 'fill' },
  { name: 'one 5,000-character word', raw: LONG_WORD, how: 'fill', expectNone: true },
  { name: 'script tag', raw: '<script>alert(1)</script>', how: 'type', markup: true },
  { name: 'img onerror', raw: '<img src=x onerror=alert(1)>', how: 'type', markup: true },
  { name: 'emoji', raw: '🙂🎉', how: 'type', expectAll: true, expectNotice: true },
  { name: 'Cyrillic', raw: 'Сталин', how: 'type' },
];

for (const c of CASES) {
  test(`search box: ${c.name}`, async ({ page }) => {
    await openApp(page);
    const box = searchBox(page);
    if (c.how === 'type') {
      await box.click();
      await box.pressSequentially(c.raw, { delay: 15 });
    } else {
      await box.fill('x');
      await box.fill(c.raw);
    }
    const max = Number((await box.getAttribute('maxlength')) ?? -1);
    await expect(box).toHaveValue(max > 0 ? c.raw.slice(0, max) : c.raw);

    const n = await expectHealthy(page);
    if (c.expectAll) {
      await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
      expect(n).toBe(CORPUS_SIZE);
    }
    if (c.expectNone) await expect(page.locator('#result-count')).toHaveText(countText('No documents match'));
    if (c.expectNotice) {
      await expect.poll(() => noticeText(page), { message: '#notice explains the query has no words' }).not.toBe('');
    }
    if (c.markup) await expectMarkupEchoedAsText(page, c.raw);
    if (c.raw.trim() !== '') {
      const q = new URL(page.url()).searchParams.get('q');
      if (q !== null) expect(c.raw.startsWith(q) || q === c.raw.trim(), 'q in the URL is the typed text').toBe(true);
    }
    await expectStillSearches(page);
    await expectHealthy(page);
  });
}

// "Document … not found" or "There is no document … in this corpus".
const NOT_FOUND = /not found|no (such )?document/i;

const URL_CASES = [
  {
    name: 'unknown parameter',
    path: '/?foo=bar',
    check: async (page) => {
      await expect(results(page)).toHaveCount(CORPUS_SIZE);
      await expect.poll(() => noticeText(page)).toMatch(/foo/);
    },
  },
  { name: 'malformed percent-encoding', path: '/?q=%E0%A4%A', check: async () => {} },
  {
    name: 'non-numeric year',
    path: '/?year=abc',
    check: async (page) => {
      await expect.poll(() => noticeText(page), { message: '#notice reports the bad year' }).toMatch(/abc|year/i);
    },
  },
  {
    name: 'unknown document',
    path: '/?doc=nope',
    check: async (page) => {
      await expect.poll(() => noticeText(page)).toMatch(NOT_FOUND);
      expect(await noticeText(page)).toContain('nope');
      await expect(page.locator('article#reader')).toBeHidden();
    },
  },
  {
    name: 'script in q',
    path: `/?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    check: async (page) => {
      await expect(searchBox(page)).toHaveValue('<script>alert(1)</script>');
      await expectMarkupEchoedAsText(page, '<script>alert(1)</script>');
    },
  },
  {
    name: 'img onerror in q and doc',
    path: `/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&doc=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    check: async (page) => {
      await expect(searchBox(page)).toHaveValue('<img src=x onerror=alert(1)>');
      await expect.poll(() => noticeText(page)).toMatch(NOT_FOUND);
      // The id is echoed as text, not markup.
      expect(await noticeText(page)).toContain('<img src=x onerror=alert(1)>');
    },
  },
];

for (const c of URL_CASES) {
  test(`URL: ${c.name} (${c.path})`, async ({ page }) => {
    await openApp(page, c.path);
    await expectHealthy(page);
    await c.check(page);
    await expectStillSearches(page);
    await expectHealthy(page);
  });
}
