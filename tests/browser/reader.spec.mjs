import { test, expect, DOC, openApp, searchBox, results, typeQuery, params } from './helpers.mjs';

const reader = (page) => page.locator('article#reader');
const counter = (page) => page.locator('#hit-counter');

/** Index of `mark.current` among all marks in #reader (-1 if none), and how many are current. */
async function currentMark(page) {
  return reader(page).evaluate((r) => {
    const marks = [...r.querySelectorAll('mark')];
    return {
      index: marks.findIndex((m) => m.classList.contains('current')),
      currents: r.querySelectorAll('mark.current').length,
      total: marks.length,
    };
  });
}

/**
 * Waits until `mark.current` is the `i`-th mark (0-based) and the only current one;
 * unless `inView` is false, also until it is scrolled inside the viewport.
 */
async function expectCurrentHit(page, i, total, { inView = true } = {}) {
  await expect(counter(page)).toHaveText(`hit ${i + 1} of ${total}`);
  await expect.poll(() => currentMark(page)).toEqual({ index: i, currents: 1, total });
  if (!inView) return;
  const viewport = page.viewportSize();
  await expect
    .poll(
      async () => {
        const box = await reader(page).locator('mark.current').boundingBox();
        return !!box && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
      },
      { message: `mark.current (hit ${i + 1}) is scrolled into the viewport` },
    )
    .toBe(true);
  // …and not hidden under a sticky header or another overlay.
  await expect
    .poll(
      () =>
        reader(page).locator('mark.current').evaluate((m) => {
          const r = m.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !!top && (top === m || m.contains(top));
        }),
      { message: `mark.current (hit ${i + 1}) is not covered by another element` },
    )
    .toBe(true);
}

/**
 * Searches `q` and opens a result by clicking its title: the one for document `id`
 * (by default the RT article, which names Stalin ten times), or the first if `id` is null.
 * Returns the opened document's id.
 */
async function openResult(page, q, id = DOC.rt) {
  await openApp(page);
  await typeQuery(page, q);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${q}(&|$)`));
  const li = id ? results(page).and(page.locator(`[data-doc-id="${id}"]`)) : results(page).first();
  await expect(li.locator('.snippet mark').first()).toBeVisible();
  id = await li.getAttribute('data-doc-id');
  await li.locator('a.result-title').click();
  await expect(reader(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]doc=${id}(&|$)`));
  return id;
}

test('the reader shows the document with its hits and steps through them', async ({ page }) => {
  const id = await openResult(page, 'stalin');
  expect(params(page).get('q')).toBe('stalin');
  await expect(reader(page).locator('h2.reader-title')).not.toBeEmpty();
  await expect(reader(page).locator('.reader-meta')).not.toBeEmpty();
  expect(await reader(page).locator('p.para').count()).toBeGreaterThan(0);

  const total = await reader(page).locator('mark').count();
  expect(total, `marks in the reader for ${id}`).toBeGreaterThan(2);
  for (const m of await reader(page).locator('mark').allTextContents()) expect(m.toLowerCase()).toMatch(/stalin/);
  await expectCurrentHit(page, 0, total, { inView: false });

  await page.locator('button#next-hit').click();
  await expectCurrentHit(page, 1, total);

  await page.locator('button#prev-hit').click();
  await expectCurrentHit(page, 0, total);

  // Keyboard: n / p when focus is not in an input.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('n');
  await expectCurrentHit(page, 1, total);
  await page.keyboard.press('n');
  await expectCurrentHit(page, 2, total);
  await page.keyboard.press('p');
  await expectCurrentHit(page, 1, total);
});

test('n and p typed into the search box are text, not hit navigation', async ({ page }) => {
  await openResult(page, 'stalin');
  const total = await reader(page).locator('mark').count();
  await expectCurrentHit(page, 0, total, { inView: false });
  const box = searchBox(page);
  await expect(box, 'the search box stays beside the reader').toBeVisible();
  await box.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('n');
  await expect(box).toHaveValue('stalinn');
  await expect(counter(page)).not.toHaveText('hit 2 of ' + total);
});

test('a document opened without a query says "no hits"', async ({ page }) => {
  await openApp(page);
  const first = results(page).first();
  const id = await first.getAttribute('data-doc-id');
  await first.locator('a.result-title').click();
  await expect(reader(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]doc=${id}(&|$)`));
  await expect(counter(page)).toHaveText('no hits');
  await expect(reader(page).locator('mark')).toHaveCount(0);
  expect(await reader(page).locator('p.para').count()).toBeGreaterThan(0);
});

test('the Politsturm brief links to its original address', async ({ page }) => {
  await openApp(page, `/?doc=${DOC.politsturm}`);
  await expect(reader(page)).toBeVisible();
  const link = reader(page).locator('a.original-link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', /^https?:\/\/(us\.)?politsturm\.com/);
});

test('back-to-results and browser back return to the results with the query kept', async ({ page }) => {
  await openResult(page, 'stalin', null);

  await page.locator('button#back-to-results').click();
  await expect(reader(page)).toBeHidden();
  await expect(results(page).first()).toBeVisible();
  await expect(searchBox(page)).toHaveValue('stalin');
  await expect(page).not.toHaveURL(/[?&]doc=/);
  expect(params(page).get('q')).toBe('stalin');
  await expect(results(page).first().locator('.snippet mark').first()).toBeVisible();

  // Open again, then use the browser's back button.
  await results(page).first().locator('a.result-title').click();
  await expect(reader(page)).toBeVisible();
  await page.goBack();
  await expect(reader(page)).toBeHidden();
  await expect(results(page).first()).toBeVisible();
  await expect(searchBox(page)).toHaveValue('stalin');
  await expect(page).not.toHaveURL(/[?&]doc=/);
  expect(params(page).get('q')).toBe('stalin');
});
