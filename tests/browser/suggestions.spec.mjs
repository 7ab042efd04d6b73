// Suggestions while typing: ul#suggestions under the search box completes the last word
// from the corpus vocabulary, most frequent first, with keyboard navigation.
import { test, expect, DOC, openApp, searchBox, results, resultIds, idsFor, typeQuery, expectConsistentCount, params, fold } from './helpers.mjs';

const list = (page) => page.locator('ul#suggestions');
const options = (page) => page.locator('ul#suggestions li[role="option"]');

/** Word, document count and selection of every option, in order. */
async function suggestionState(page) {
  return options(page).evaluateAll((lis) =>
    lis.map((li) => ({
      word: li.querySelector('.suggestion-word')?.textContent.trim(),
      count: Number((li.querySelector('.suggestion-count')?.textContent ?? '').replace(/\D/g, '') || NaN),
      selected: li.getAttribute('aria-selected') === 'true',
    })),
  );
}

async function expectListOpen(page) {
  await expect(list(page)).toBeVisible();
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'true');
  expect(await options(page).count()).toBeGreaterThan(0);
}

async function expectListClosed(page) {
  await expect(list(page)).toBeHidden();
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
}

/** Opens the app, types `query` key by key and waits for its suggestions; returns them. */
async function typeForSuggestions(page, query) {
  await openApp(page);
  await typeQuery(page, query);
  await expectListOpen(page);
  return suggestionState(page);
}

/** Waits until exactly option `i` (0-based) is aria-selected. */
async function expectActive(page, i) {
  await expect
    .poll(async () => (await suggestionState(page)).flatMap((s, j) => (s.selected ? [j] : [])), {
      message: `only option ${i} is aria-selected`,
    })
    .toEqual([i]);
}

test('the search box is a combobox controlling the suggestion listbox', async ({ page }) => {
  await openApp(page);
  const box = searchBox(page);
  await expect(box).toHaveAttribute('role', 'combobox');
  await expect(box).toHaveAttribute('aria-controls', 'suggestions');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(list(page)).toBeHidden();
  await expect(list(page)).toHaveAttribute('role', 'listbox');
});

test('typing shows completions of the last word, most frequent first', async ({ page }) => {
  const s = await typeForSuggestions(page, 'putin stali');
  expect(s.length).toBeGreaterThan(1);
  for (const { word, count } of s) {
    expect(fold(word), 'a completion of "stali"').toMatch(/^stali/);
    expect(count, `document count of ${word}`).toBeGreaterThan(0);
  }
  for (let i = 1; i < s.length; i++) expect(s[i].count, `counts never increase: ${JSON.stringify(s)}`).toBeLessThanOrEqual(s[i - 1].count);
  expect(new Set(s.map((x) => x.word)).size, 'no word twice').toBe(s.length);
  expect(s.map((x) => x.word)).toContain('stalin');
  // The list sits under the search box.
  const box = await searchBox(page).boundingBox();
  const ul = await list(page).boundingBox();
  expect(ul.y).toBeGreaterThanOrEqual(box.y + box.height - 2);

  // From the corpus: the words beginning "gorbach" are "gorbachev" and "gorbachevian" (one
  // document each) and the possessive "gorbachev's" (not offered beside "gorbachev").
  await typeQuery(page, 'gorbach');
  await expectListOpen(page);
  await expect.poll(async () => (await suggestionState(page)).map((x) => `${x.word}:${x.count}`)).toEqual([
    'gorbachev:1',
    'gorbachevian:1',
  ]);

  // A finished word (trailing space) is not completed.
  await searchBox(page).pressSequentially(' ');
  await expect(searchBox(page)).toHaveValue('gorbach ');
  await expectListClosed(page);
});

test('ArrowDown/ArrowUp move the active option and Enter takes it', async ({ page }) => {
  const before = await typeForSuggestions(page, 'putin stali');
  expect(before.length).toBeGreaterThan(2);
  // At most one option is active before the arrow keys (none, or the first).
  const start = before.findIndex((s) => s.selected);
  expect(before.filter((s) => s.selected).length).toBeLessThanOrEqual(1);
  expect(start).toBeLessThanOrEqual(0);

  await page.keyboard.press('ArrowDown');
  await expectActive(page, start + 1);
  await page.keyboard.press('ArrowDown');
  await expectActive(page, start + 2);
  await page.keyboard.press('ArrowUp');
  await expectActive(page, start + 1);
  await expect(searchBox(page)).toBeFocused();

  const chosen = (await suggestionState(page))[start + 1].word;
  await page.keyboard.press('Enter');
  const query = `putin ${chosen} `;
  await expect(searchBox(page)).toHaveValue(query);
  await expectListClosed(page);
  await expect(searchBox(page)).toBeFocused();
  await expect.poll(() => params(page).get('q')).toBe(query);
  await expectConsistentCount(page);
  const taken = await resultIds(page);
  expect(taken.length).toBeGreaterThan(0);
  for (const m of await results(page).locator('.snippet mark').allTextContents()) expect(fold(m)).toMatch(/putin|stalin/);

  // The same query typed afresh gives the same results.
  expect(await idsFor(page, query)).toEqual(taken);
});

test('Escape closes the suggestions and keeps the query; a complete word offers none; typing reopens them', async ({ page }) => {
  await openApp(page);
  await typeQuery(page, 'stali');
  await expectListOpen(page);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await suggestionState(page)).filter((s) => s.selected).length).toBe(1);
  await page.keyboard.press('Escape');
  await expectListClosed(page);
  await expect(searchBox(page)).toHaveValue('stali');
  await expect(searchBox(page)).toBeFocused();
  // Enter with the list closed takes no suggestion.
  await page.keyboard.press('Enter');
  await expect(searchBox(page)).toHaveValue('stali');

  // A complete word (the most frequent completion is the word itself) offers nothing…
  await searchBox(page).press('n');
  await expect(searchBox(page)).toHaveValue('stalin');
  await expectListClosed(page);
  // …and typing on reopens the list.
  await searchBox(page).press('i');
  await expect(searchBox(page)).toHaveValue('stalini');
  await expectListOpen(page);
  for (const { word } of await suggestionState(page)) expect(fold(word)).toMatch(/^stalini/);
});

test('a suggestion completes the last word of a phrase', async ({ page }) => {
  const s = await typeForSuggestions(page, '"union sta');
  const i = s.findIndex((x) => x.word === 'state');
  expect(i, `"state" is offered: ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(0);
  const start = s.findIndex((x) => x.selected);
  for (let k = start; k < i; k++) await page.keyboard.press('ArrowDown');
  await expectActive(page, i);
  await page.keyboard.press('Enter');
  await expect(searchBox(page)).toHaveValue('"union state ');
  await expectListClosed(page);
  await expectConsistentCount(page);
  // The unclosed quote is closed: only the analysis has the phrase "union state".
  expect(await resultIds(page)).toEqual([DOC.analysis]);
});
