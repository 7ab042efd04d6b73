// The query language in the one search box: AND, OR, -/NOT, "phrases", field:value,
// year ranges, grouping, close spellings, plain-word fallback, "did you mean", and the
// time stated in #result-count. Expected sets were computed from the cleaned corpus
// (`cargo run -p explorer-preprocess -- corpus --out corpus.json`).
import { test, expect, DOC, CORPUS_SIZE, openApp, searchBox, results, resultIds, idsFor, fillQuery,
  typeQuery, expectConsistentCount, noticeText, params, fold, yearOf, hasRT, countText, MATCH_COUNT, timeFromText } from './helpers.mjs';

const reader = (page) => page.locator('article#reader');
const sorted = (ids) => [...ids].sort();
const PLAIN_WORDS = /^Searched as plain words/;

test('OR widens: "putin OR trotsky" holds every result of each word alone', async ({ page }) => {
  await openApp(page);
  const putin = await idsFor(page, 'putin');
  const trotsky = await idsFor(page, 'trotsky');
  expect(putin.length).toBeGreaterThan(0);
  expect(trotsky.length).toBeGreaterThan(0);
  const either = await idsFor(page, 'putin OR trotsky');
  for (const id of [...putin, ...trotsky]) expect(either, `"putin OR trotsky" contains ${id}`).toContain(id);
  expect(sorted(either)).toEqual(sorted(new Set([...putin, ...trotsky])));

  // A pair with no document in common: the union is strictly larger than either word.
  const zyuganov = await idsFor(page, 'zyuganov'); // RT only
  const both = await idsFor(page, 'trotsky OR zyuganov');
  expect(sorted(both)).toEqual(sorted([...trotsky, ...zyuganov]));
  expect(both.length).toBeGreaterThan(Math.max(trotsky.length, zyuganov.length));
  // Without OR the same two words are ANDed and find nothing.
  expect(await idsFor(page, 'trotsky zyuganov')).toEqual([]);
  await expect(page.locator('#result-count')).toHaveText(countText('No documents match'));
});

test('"-word" and "NOT word" exclude documents', async ({ page }) => {
  await openApp(page);
  const putin = await idsFor(page, 'putin');
  const stalin = await idsFor(page, 'stalin');
  const without = await idsFor(page, 'stalin -putin');
  expect(without.length, '"stalin -putin" finds something').toBeGreaterThan(0);
  expect(without.length).toBeLessThan(stalin.length);
  for (const id of without) {
    expect(putin, `${id} (a result of "stalin -putin") is not a result of "putin"`).not.toContain(id);
    expect(stalin, `${id} is a result of "stalin"`).toContain(id);
  }
  // Every "stalin" document is either excluded (it mentions Putin) or kept.
  expect(sorted(without)).toEqual(sorted(stalin.filter((id) => !putin.includes(id))));
  expect(sorted(await idsFor(page, 'stalin NOT putin'))).toEqual(sorted(without));
});

test('precedence: OR binds tighter than AND; parentheses regroup', async ({ page }) => {
  await openApp(page);
  const putin = await idsFor(page, 'putin');
  const stalin = await idsFor(page, 'stalin ');
  const lenin = await idsFor(page, 'lenin ');
  const stalinOrLenin = new Set([...stalin, ...lenin]);
  // putin AND (stalin OR lenin)
  const implicit = await idsFor(page, 'putin stalin OR lenin ');
  expect(sorted(implicit)).toEqual(sorted(putin.filter((id) => stalinOrLenin.has(id))));
  expect(sorted(await idsFor(page, 'putin (stalin OR lenin) '))).toEqual(sorted(implicit));
  // (putin AND stalin) OR lenin is a different set here: it adds the Emancipation blog.
  const grouped = await idsFor(page, '(putin stalin) OR lenin ');
  const expected = new Set([...putin.filter((id) => stalin.includes(id)), ...lenin]);
  expect(sorted(grouped)).toEqual(sorted(expected));
  expect(grouped).toContain(DOC.emancipation);
  expect(implicit).not.toContain(DOC.emancipation);
});

test('a quoted phrase finds and marks only phrase occurrences, in the results and in the reader', async ({ page }) => {
  await openApp(page);
  const words = await idsFor(page, 'union state ');
  const phrase = await idsFor(page, '"union state"');
  // "union" and "state" both occur in three documents; as a phrase only in the analysis.
  expect(words.length).toBeGreaterThan(1);
  expect(phrase).toEqual([DOC.analysis]);
  const norm = (s) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const snippetMarks = await results(page).first().locator('.snippet mark').allTextContents();
  expect(snippetMarks.length).toBeGreaterThan(0);
  for (const m of snippetMarks) expect(norm(m), `snippet mark ${JSON.stringify(m)}`).toBe('union state');

  await results(page).first().locator('a.result-title').click();
  await expect(reader(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]doc=${DOC.analysis}(&|$)`));
  expect(params(page).get('q')).toBe('"union state"');
  await expect(page.locator('#hit-counter')).toHaveText(/^hit 1 of \d+$/);
  const counter = await page.locator('#hit-counter').innerText();
  const m = counter.trim().match(/^hit 1 of (\d+)$/);
  expect(m, `#hit-counter reads "hit 1 of M" (was ${JSON.stringify(counter)})`).not.toBeNull();
  const total = Number(m[1]);
  const marks = await reader(page).locator('mark').allTextContents();
  expect(marks.length, 'number of marks = M of the hit counter').toBe(total);
  for (const t of marks) {
    expect(norm(t), `reader mark ${JSON.stringify(t)} is the whole phrase`).toBe('union state');
    expect(['union', 'state']).not.toContain(norm(t));
  }
  // The cleaned text of 004 has "Union State"/"union state" 15 times (and "union" 22 times).
  expect(total).toBe(15);
  await expect(reader(page).locator('mark.current')).toHaveCount(1);
});

test('a misspelt "Gorbachov" finds the documents that mention Gorbachev', async ({ page }) => {
  await openApp(page);
  const right = await idsFor(page, 'gorbachev');
  expect(right.length).toBeGreaterThan(0);
  expect(right.length).toBeLessThan(CORPUS_SIZE);
  const wrong = await idsFor(page, 'Gorbachov');
  await expect(page.locator('#result-count')).toHaveText(MATCH_COUNT);
  expect(sorted(wrong), 'documents found by "Gorbachov" = those found by "gorbachev"').toEqual(sorted(right));
  // What is marked is the real spelling.
  for (const m of await results(page).locator('.snippet mark').allTextContents()) expect(fold(m)).toMatch(/^gorbachev/);
  // A word of fewer than 4 letters gets no fallback.
  expect(await idsFor(page, 'mrx ')).toEqual([]);
});

test('outlet:rt narrows to the RT article only', async ({ page }) => {
  await openApp(page);
  expect(await idsFor(page, 'outlet:rt')).toEqual([DOC.rt]);
  await expect(page.locator('#result-count')).toHaveText(countText('1 document matches'));
  const metas = await results(page).locator('.result-meta').allInnerTexts();
  expect(metas.length).toBe(1);
  for (const meta of metas) expect(meta).toMatch(hasRT);
  // Combined with a word (AND), and upper case field value.
  expect(await idsFor(page, 'stalin outlet:RT')).toEqual([DOC.rt]);
  // A value of no outlet finds nothing.
  expect(await idsFor(page, 'outlet:nosuchoutlet')).toEqual([]);
});

test('other fields: kind:, author:, title:', async ({ page }) => {
  await openApp(page);
  expect(sorted(await idsFor(page, 'kind:news'))).toEqual(sorted([DOC.politsturm, DOC.rt]));
  for (const meta of await results(page).locator('.result-meta').allInnerTexts()) expect(meta).toMatch(/\bnews\b/);
  expect(await idsFor(page, 'author:peterson')).toEqual([DOC.podcast]);
  // title:stalin (a whole word) matches the RT title "…Stalin rehabilitated" and
  // "Bolshevism vs. Stalinism…" by stemming, not the blog that mentions Stalin only in its text.
  const inTitle = await idsFor(page, 'title:stalin ');
  expect(sorted(inTitle)).toEqual(sorted([DOC.rt, DOC.podcast]));
  for (const t of await results(page).locator('a.result-title').allInnerTexts()) expect(fold(t)).toContain('stalin');
});

test('year:2021..2022 keeps only documents from 2021 and 2022', async ({ page }) => {
  await openApp(page);
  const ids = await idsFor(page, 'year:2021..2022');
  expect(sorted(ids)).toEqual(sorted([DOC.podcast, DOC.emancipation, DOC.analysis]));
  const years = (await results(page).locator('.result-meta').allInnerTexts()).map(yearOf);
  expect(years.length).toBe(3);
  for (const y of years) expect([2021, 2022]).toContain(y);
  expect(sorted(await idsFor(page, 'year:2022'))).toEqual(sorted([DOC.podcast, DOC.analysis]));
  expect(sorted(await idsFor(page, 'putin year:2021..2022'))).toEqual(sorted([DOC.podcast, DOC.analysis]));
});

test('a forced prefix "word*" matches the words it begins', async ({ page }) => {
  await openApp(page);
  // "restor" is not a word of the corpus; with * it finds restoration/restore/restoring.
  const ids = await idsFor(page, 'restor* ');
  expect(ids).toContain(DOC.politsturm);
  for (const m of await results(page).locator('.snippet mark').allTextContents()) expect(fold(m)).toMatch(/^restor/);
});

for (const q of ['stalin )', 'OR stalin']) {
  test(`unparsable "${q}" is searched as plain words with a quiet note`, async ({ page }) => {
    await openApp(page);
    const plain = await idsFor(page, 'stalin');
    expect(await noticeText(page)).not.toMatch(PLAIN_WORDS);
    const ids = await idsFor(page, q);
    await expect.poll(() => noticeText(page), { message: '#notice says the query was searched as plain words' }).toMatch(PLAIN_WORDS);
    await expect(page.locator('#result-count')).toHaveText(MATCH_COUNT);
    expect(sorted(ids)).toEqual(sorted(plain));
    // The note goes away with a well-formed query.
    await idsFor(page, 'stalin lenin');
    await expect.poll(() => noticeText(page)).not.toMatch(PLAIN_WORDS);
  });
}

test('"did you mean" offers a corrected query that finds something, and runs it', async ({ page }) => {
  await openApp(page);
  const stalin = await idsFor(page, 'stalin');
  // Nothing to correct when the query finds something.
  await expect(page.locator('#did-you-mean button')).toBeHidden();
  // "stlni" is 2 edits from "stalin": too far for the 1-edit fallback of a 5-letter word,
  // close enough for "did you mean".
  await typeQuery(page, 'stlni');
  await expect(page.locator('#result-count')).toHaveText(countText('No documents match'));
  await expect(results(page)).toHaveCount(0);
  const button = page.locator('#did-you-mean button');
  await expect(button).toBeVisible();
  await expect(button).toHaveText(/^\s*stalin\s*$/);
  await button.click();
  await expect(searchBox(page)).toHaveValue(/^stalin\s*$/);
  await expect(page.locator('#result-count')).toHaveText(MATCH_COUNT);
  await expectConsistentCount(page);
  expect(sorted(await resultIds(page))).toEqual(sorted(stalin));
  await expect.poll(() => (params(page).get('q') ?? '').trim()).toBe('stalin');
  await expect(page.locator('#did-you-mean button')).toBeHidden();
});

test('#result-count states how long the search took', async ({ page }) => {
  await openApp(page);
  const count = page.locator('#result-count');
  await expect(count).toHaveText(countText(`${CORPUS_SIZE} documents`));
  for (const [q, re] of [
    ['rehabilitated', countText('1 document matches')],
    ['putin OR trotsky', countText('4 documents match')],
    ['zzzzqqq', countText('No documents match')],
    ['"union state"', countText('1 document matches')],
  ]) {
    await fillQuery(page, q);
    await expect(count).toHaveText(re);
    const ms = timeFromText(await count.innerText());
    expect(Number.isFinite(ms) && ms >= 0 && ms < 10_000, `a plausible time for "${q}": ${ms} ms`).toBe(true);
  }
});
