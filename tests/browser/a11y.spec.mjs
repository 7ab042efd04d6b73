// Accessibility (issue 7): axe-core finds no serious or critical problem in any view, in
// both themes, at 360 and 1280 pixels; landmarks, live regions, marks, the chart's text
// alternative, the filters drawer of narrow screens, the print view, and the loading,
// empty and error states.
import { test, expect, DOC, openApp, searchBox, results, facetValue, params } from './helpers.mjs';
import { VIEWS, axeProblems } from './ui-helpers.mjs';
import { test as baseTest } from '@playwright/test';

const OPEN_DIALOGS = [
  { name: 'help open', url: '/?q=stalin', open: async (page) => { await page.locator('#help-toggle').click(); await expect(page.locator('#help')).toBeVisible(); } },
  {
    name: 'embed dialog open',
    url: '/?q=stalin&view=concordance',
    open: async (page) => {
      await page.locator('#embed-button').click();
      await expect(page.frameLocator('#embed-preview').locator('#app')).toBeVisible({ timeout: 15_000 });
    },
  },
  { name: 'shortcuts open', url: '/?q=stalin', open: async (page) => { await page.keyboard.press('?'); await expect(page.locator('#shortcuts-dialog')).toBeVisible(); } },
  { name: 'add texts open', url: '/', open: async (page) => { await page.locator('#add-texts-button').click(); await expect(page.locator('#add-files')).toBeAttached({ timeout: 15_000 }); } },
  {
    name: 'import report shown',
    url: '/',
    open: async (page) => {
      await page.locator('#add-texts-button').click();
      await page.locator('#add-files').setInputFiles([
        { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('A title\nA short text about the harbour and its boats.\n') },
        { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from('{"id": 1, "text": }') },
      ]);
      await expect(page.locator('#import-summary')).toBeVisible({ timeout: 15_000 });
    },
  },
  { name: 'corpora open', url: '/', open: async (page) => { await page.locator('#corpora-button').click(); await expect(page.locator('#corpora-list li.corpus').first()).toBeVisible({ timeout: 15_000 }); await expect(page.locator('#corpora-list [aria-busy]')).toHaveCount(0); } },
  {
    name: 'filters drawer open',
    url: '/?q=stalin',
    narrowOnly: true,
    open: async (page) => { await page.locator('#filters-toggle').click(); await expect(page.locator('#sidebar')).toBeVisible(); },
  },
];

for (const theme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    test(`axe: no serious or critical violations, ${theme} theme, ${width} px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: theme });
      const problems = [];
      for (const v of VIEWS) {
        await openApp(page, v.url);
        await expect(page.locator(v.ready).first()).toBeAttached();
        for (const p of await axeProblems(page)) problems.push(`${v.name}: ${p}`);
      }
      for (const d of OPEN_DIALOGS) {
        if (d.narrowOnly && width > 760) continue;
        await openApp(page, d.url);
        await d.open(page);
        for (const p of await axeProblems(page)) problems.push(`${d.name}: ${p}`);
      }
      // The embedded layout.
      await openApp(page, '/?embed=1&q=stalin&view=concordance');
      for (const p of await axeProblems(page)) problems.push(`embed: ${p}`);
      expect(problems).toEqual([]);
    });
  }
}

test('landmarks: one banner, main, complementary, contentinfo; navigation for the views and filters', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(1);
  await expect(page.getByRole('search')).toHaveCount(1);
  await expect(searchBox(page)).toHaveAccessibleName('Search the corpus');
  await expect(page.locator('#sort')).toHaveAccessibleName(/Sort/);
});

test('the result count is announced quietly: no time, once typing rests, only when it changed', async ({ page }) => {
  await openApp(page, '/');
  const visible = page.locator('#result-count');
  const live = page.locator('#result-announce');
  await expect(visible).not.toHaveAttribute('aria-live', /.*/);
  await expect(live).toHaveAttribute('role', 'status');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText('5 documents');
  // Collect every text the live region takes while typing.
  await page.evaluate(() => {
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(document.querySelector('#result-announce').textContent.trim()))
      .observe(document.querySelector('#result-announce'), { childList: true, subtree: true, characterData: true });
  });
  await searchBox(page).pressSequentially('stalin', { delay: 60 });
  await expect(live).toHaveText(/^\d+ documents? match(es)?$/);
  const announced = await page.evaluate(() => window.__announced);
  expect(announced.length, `announcements while typing: ${JSON.stringify(announced)}`).toBeLessThanOrEqual(2);
  for (const a of announced) expect(a).not.toMatch(/ms/);
});

test('highlights are announced: mark::before and ::after say where a highlight starts and ends', async ({ page }) => {
  await openApp(page, `/?q=stalin&doc=${DOC.rt}`);
  const mark = page.locator('#reader mark').first();
  const pseudo = await mark.evaluate((m) => {
    const b = getComputedStyle(m, '::before');
    const a = getComputedStyle(m, '::after');
    return { before: b.content, after: a.content, width: b.width, position: b.position };
  });
  expect(pseudo.before).toContain('highlight start');
  expect(pseudo.after).toContain('highlight end');
  expect(pseudo.position).toBe('absolute');
  expect(pseudo.width).toBe('1px');
  // Not part of the text itself (copying, innerText).
  expect(await mark.innerText()).not.toContain('highlight');
});

test('the trends chart points at its data table', async ({ page }) => {
  await openApp(page, '/?q=stalin&view=trends');
  const svg = page.locator('svg#trend-chart');
  await expect(svg).toHaveAttribute('aria-describedby', 'trend-table');
  await expect(page.locator('table#trend-table')).toBeVisible();
  await expect(svg).toHaveAccessibleDescription(/Hits per 10,000 words/);
});

test('at 360 px the filters are a drawer: hidden, opened by "Filters", usable, closed by Escape', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, '/?q=stalin');
  const sidebar = page.locator('#sidebar');
  const toggle = page.locator('#filters-toggle');
  await expect(sidebar).toBeHidden();
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await toggle.click();
  await expect(sidebar).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#drawer-close')).toBeFocused();
  const before = await results(page).count();
  const rt = facetValue(page, 'outlet', 'RT');
  await rt.locator('input').check();
  await expect.poll(() => params(page).getAll('outlet')).toEqual(['RT']);
  await expect.poll(() => results(page).count()).toBeLessThan(before);
  await expect(toggle).toContainText('Filters (1)');
  // Escape (the focus on the checkbox) closes it; the focus returns to the button.
  await expect(rt.locator('input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await expect(toggle).toBeFocused();
  // The close button and the backdrop close it too.
  await toggle.click();
  await page.locator('#drawer-close').click();
  await expect(sidebar).toBeHidden();
  await toggle.click();
  await page.locator('.drawer-backdrop').click({ position: { x: 350, y: 400 } });
  await expect(sidebar).toBeHidden();
});

test('at 1280 px the filters are a sidebar and there is no Filters button', async ({ page }) => {
  await openApp(page, '/?q=stalin');
  await expect(page.locator('#sidebar')).toBeVisible();
  await expect(page.locator('#filters-toggle')).toBeHidden();
  await expect(page.locator('#drawer-close')).toBeHidden();
});

test('every view fits a 360 px screen without sideways scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const v of VIEWS) {
    await openApp(page, v.url);
    await expect(page.locator(v.ready).first()).toBeAttached();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${v.name} is ${width} px wide`).toBeLessThanOrEqual(360);
    // The tabs are one row that scrolls sideways, with the current tab in view.
    const tabs = await page.evaluate(() => {
      const row = document.querySelector('nav.tabs').getBoundingClientRect();
      const all = [...document.querySelectorAll('nav.tabs .tab')].map((t) => t.getBoundingClientRect());
      const cur = document.querySelector('nav.tabs .tab.current')?.getBoundingClientRect();
      return { tops: new Set(all.map((r) => Math.round(r.top))).size, row: [row.left, row.right], cur: cur && [cur.left, cur.right] };
    });
    expect(tabs.tops, `${v.name}: the tabs are one row`).toBe(1);
    expect(tabs.cur, `${v.name}: a current tab`).toBeTruthy();
    expect(tabs.cur[0], `${v.name}: the current tab is in view`).toBeGreaterThanOrEqual(tabs.row[0] - 1);
    expect(tabs.cur[1], `${v.name}: the current tab is in view`).toBeLessThanOrEqual(tabs.row[1] + 1);
    // No number in a data table is broken over two lines (a table too wide scrolls in its box).
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('table.data td.num')]
        .filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((td) => td.textContent),
    );
    expect(broken, `${v.name}: numbers broken over lines`).toEqual([]);
  }
});

test('the reader prints its title, metadata and text, with the hits in bold and no page chrome', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, `/?q=stalin&doc=${DOC.rt}`);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const sel of ['#reader-title', '.reader-meta', '.reader-body']) await expect(page.locator(sel)).toBeVisible();
  for (const sel of ['header.top', '#sidebar', '.reader-bar', 'footer.foot', '.tab-row']) await expect(page.locator(sel)).toBeHidden();
  const style = await page.locator('#reader mark').first().evaluate((m) => {
    const s = getComputedStyle(m);
    return { weight: s.fontWeight, background: s.backgroundColor, color: s.color, body: getComputedStyle(document.body).backgroundColor };
  });
  expect(Number(style.weight)).toBeGreaterThanOrEqual(700);
  expect(style.background).toBe('rgba(0, 0, 0, 0)');
  expect(style.body).toBe('rgb(255, 255, 255)');
  expect(style.color).toBe('rgb(0, 0, 0)');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(1000);
});

test('no results with filters set: "Clear filters" is offered and works', async ({ page }) => {
  await openApp(page, '/?q=stalin&outlet=RT&kind=podcast+transcript');
  await expect(results(page)).toHaveCount(0);
  await expect(page.locator('.empty-results')).toContainText('Nothing found');
  await page.locator('#empty-clear-filters').click();
  await expect.poll(() => results(page).count()).toBeGreaterThan(0);
  expect(params(page).getAll('outlet')).toEqual([]);
  // Without filters there is nothing to clear.
  await openApp(page, '/?q=xyzzyq');
  await expect(page.locator('.empty-results')).toContainText('Nothing found');
  await expect(page.locator('#empty-clear-filters')).toHaveCount(0);
});

// The loader fails without WebAssembly (an uncaught error is the point here), so this test
// uses Playwright's own page fixture, which does not fail on page errors.
baseTest('a browser without WebAssembly is told so', async ({ page }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto('/');
  await expect(page.locator('#root .boot [role=alert]')).toHaveText(/This browser cannot run WebAssembly/);
});

test('an app that does not start within 15 s says so', async ({ page }) => {
  await page.clock.install();
  // The Wasm never arrives.
  await page.route(/_bg\.wasm$/, () => {});
  await page.goto('/');
  await expect(page.locator('#root .boot .boot-status')).toHaveText('Loading the corpus…');
  await page.clock.runFor(16_000);
  await expect(page.locator('#root .boot [role=alert]')).toHaveText(/The explorer could not start/);
});

test('a service worker that fails to register shows nothing alarming', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => {
    if (navigator.serviceWorker) {
      navigator.serviceWorker.register = () => Promise.reject(new TypeError('registration failed (test)'));
    }
  });
  await openApp(page, '/?q=stalin');
  await expect.poll(() => warnings.some((w) => /could not register the service worker/i.test(w))).toBe(true);
  await expect(page.locator('[role=alert]')).toHaveCount(0);
  await expect(page.locator('.update-banner')).toHaveCount(0);
  expect(await page.locator('#notice').innerText()).toBe('');
  await expect(results(page).first()).toBeVisible();
});
