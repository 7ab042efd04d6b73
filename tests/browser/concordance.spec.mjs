// Concordance (keyword in context): sorting, counts against the reader's marks, paging,
// opening the reader at a hit, URL state and the empty state.
import { test, expect, DOC, openApp, fillQuery, params } from './helpers.mjs';
import {
  openView,
  expectTab,
  expectParam,
  kwicCount,
  kwicLines,
  allPages,
  readerMarks,
  matchingDocs,
  foldWord,
  words,
} from './analysis-helpers.mjs';

/** Sort key of a line for `r1`: its first right word, folded ('' when there is none). */
const firstRight = (l) => foldWord(words(l.right)[0] ?? '');

/** Checks `keys` never decrease (byte order of the folded words; '' — no word — first). */
function expectOrdered(lines, keyOf, what) {
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [keyOf(lines[i - 1]), keyOf(lines[i])];
    expect(
      a <= b,
      `${what}: line ${i} (${lines[i - 1].doc}#${lines[i - 1].hit}, key ${JSON.stringify(a)}, right ${JSON.stringify(lines[i - 1].right)}) ` +
        `comes before line ${i + 1} (${lines[i].doc}#${lines[i].hit}, key ${JSON.stringify(b)}, right ${JSON.stringify(lines[i].right)})`,
    ).toBe(true);
  }
}

const lineId = (l) => `${l.doc}#${l.hit}`;

test('sorted by the first word right, "stalin" lines are ordered by that word, lines without one first', async ({ page }) => {
  // Every form of the stem (Stalinism too): more lines, some at a paragraph's end.
  await openView(page, '/?q=stalin&view=concordance&match=stem', 'concordance');
  const byDoc = await allPages(page, kwicLines);
  const count = await kwicCount(page);
  expect(byDoc.length, '#kwic-count states the number of lines over all pages').toBe(count.lines);
  expect(new Set(byDoc.map((l) => l.doc)).size, '#kwic-count states the number of documents').toBe(count.docs);

  await page.locator('#kwic-sort').selectOption('r1');
  await expectParam(page, 'ksort', 'r1');
  await expect(page.locator('#kwic-sort')).toHaveValue('r1');
  const lines = await allPages(page, kwicLines);
  expect(await kwicCount(page)).toEqual(count);
  expect(lines.length).toBe(count.lines);
  // The same lines, only reordered.
  expect(lines.map(lineId).sort()).toEqual(byDoc.map(lineId).sort());
  for (const l of lines) expect(foldWord(l.keyword)).toContain('stalin');
  const keys = lines.map(firstRight);
  expect(keys.filter((k) => k === '').length, 'some hits end their paragraph (no right word)').toBeGreaterThan(0);
  expect(new Set(keys).size, 'several different right words').toBeGreaterThan(5);
  expectOrdered(lines, firstRight, 'ksort=r1');
});

test('a long concordance pages 100 lines at a time; the count is the number of lines over all pages', async ({ page }) => {
  await openView(page, '/?q=s*&view=concordance&ksort=r1', 'concordance');
  await expect(page.locator('#kwic-sort')).toHaveValue('r1');
  const count = await kwicCount(page);
  expect(count.lines, 's* has more than one page of hits').toBeGreaterThan(100);
  await expect(page.locator('tr.kwic-line')).toHaveCount(100);
  await expect(page.locator('.pager-status')).toHaveText(`page 1 of ${Math.ceil(count.lines / 100)}`);
  await expect(page.locator('.pager-prev')).toBeDisabled();
  const lines = await allPages(page, kwicLines);
  expect(lines.length, 'rows over all pages').toBe(count.lines);
  expect(new Set(lines.map(lineId)).size, 'no line is shown twice').toBe(lines.length);
  expect(new Set(lines.map((l) => l.doc)).size).toBe(count.docs);
  expectOrdered(lines, firstRight, 'ksort=r1 across pages');
  expect(params(page).get('page')).toBe(String(Math.ceil(count.lines / 100)));
  // Back goes to the previous page.
  await page.goBack();
  await expectParam(page, 'page', Math.ceil(count.lines / 100) - 1 === 1 ? null : String(Math.ceil(count.lines / 100) - 1));
});

test('for "stalin " the concordance has exactly the marks the reader shows in the matching documents', async ({ page }) => {
  const q = 'stalin ';
  const ids = await matchingDocs(page, q);
  expect(ids.length).toBeGreaterThan(1);
  const marks = {};
  for (const id of ids) marks[id] = await readerMarks(page, q, id);
  const total = Object.values(marks).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(10);

  // The reader opened from a result marks the search's reading: the view's match=stem.
  await openView(page, '/?q=stalin%20&view=concordance&match=stem', 'concordance');
  const count = await kwicCount(page);
  expect(count.lines, `"N lines" = marks summed over ${JSON.stringify(marks)}`).toBe(total);
  expect(count.docs, 'documents with lines = matching documents with marks').toBe(Object.values(marks).filter((n) => n > 0).length);
  const lines = await allPages(page, kwicLines);
  expect(lines.length).toBe(count.lines);
  for (const id of ids) {
    const hits = lines.filter((l) => l.doc === id).map((l) => l.hit);
    expect(hits, `lines of ${id} are its reader hits 0…${marks[id] - 1} in order`).toEqual([...Array(marks[id]).keys()]);
  }
});

test('the concordance only has lines from documents that match the query', async ({ page }) => {
  for (const q of ['-putin stalin', 'stalin putin']) {
    const ids = await matchingDocs(page, q);
    await openView(page, `/?q=${encodeURIComponent(q)}&view=concordance`, 'concordance');
    const lines = await allPages(page, kwicLines);
    const docs = [...new Set(lines.map((l) => l.doc))].sort();
    expect(docs, `documents of the concordance of ${JSON.stringify(q)} (search results: ${ids.join(', ')})`).toEqual(
      docs.filter((d) => ids.includes(d)),
    );
    expect((await kwicCount(page)).docs).toBeLessThanOrEqual(ids.length);
  }
});

/** Clicks (or presses Enter on) the line and checks the reader opens at that hit. */
async function openLine(page, line, how) {
  const tr = page.locator(`tr.kwic-line[data-doc-id="${line.doc}"][data-hit="${line.hit}"]`);
  await expect(tr).toHaveCount(1);
  if (how === 'click') await tr.locator('.kwic-left').click();
  else {
    await tr.focus();
    await page.keyboard.press('Enter');
  }
  const reader = page.locator('article#reader');
  await expect(reader).toBeVisible();
  await expect.poll(() => params(page).get('doc')).toBe(line.doc);
  await expectTab(page, 'reader');
  const total = await reader.locator('mark').count();
  await expect(page.locator('#hit-counter')).toHaveText(`hit ${line.hit + 1} of ${total}`);
  const state = await reader.evaluate((r) => {
    const marks = [...r.querySelectorAll('mark')];
    return { index: marks.findIndex((m) => m.classList.contains('current')), currents: r.querySelectorAll('mark.current').length };
  });
  expect(state, `mark.current is mark number ${line.hit + 1}`).toEqual({ index: line.hit, currents: 1 });
  await expect(reader.locator('mark.current')).toHaveText(line.keyword);
  // The current mark is scrolled into the window (the page is at the hit, not at the top).
  await expect
    .poll(
      () =>
        reader.locator('mark.current').evaluate((m) => {
          const r = m.getBoundingClientRect();
          const inside = r.top >= 0 && r.bottom <= window.innerHeight;
          return inside ? 'in view' : `mark at y=${Math.round(r.top)} with window.scrollY=${window.scrollY}, innerHeight=${window.innerHeight}`;
        }),
      { message: `mark.current (hit ${line.hit + 1} of ${line.doc}) is scrolled into the viewport` },
    )
    .toBe('in view');
}

test('clicking a concordance line opens the reader at that hit, scrolled to it', async ({ page }) => {
  await openView(page, '/?q=stalin%20&view=concordance', 'concordance');
  const lines = await kwicLines(page);
  // The last hit of the long podcast transcript: far down the document.
  const deep = lines.filter((l) => l.doc === DOC.podcast).at(-1);
  expect(deep.hit).toBeGreaterThan(5);
  await openLine(page, deep, 'click');
  expect(params(page).get('q')).toBe('stalin ');

  // Back returns to the concordance; Enter on a focused line opens it too.
  await page.goBack();
  await expectTab(page, 'concordance');
  await expect(page.locator('tr.kwic-line').first()).toBeVisible();
  const rt = lines.filter((l) => l.doc === DOC.rt).at(-2);
  await openLine(page, rt, 'enter');
});

test('a concordance URL restores width and sort; changing them updates the URL; back restores', async ({ page }) => {
  await openView(page, '/?q=stalin&view=concordance&width=3&ksort=kw', 'concordance');
  await expect(page.locator('#kwic-width')).toHaveValue('3');
  await expect(page.locator('#kwic-sort')).toHaveValue('kw');
  let lines = await kwicLines(page);
  expect(lines.length).toBeGreaterThan(10);
  const sides = (ls) => ls.flatMap((l) => [words(l.left).length, words(l.right).length]);
  expect(Math.max(...sides(lines)), 'at most 3 words of context on a side').toBe(3);
  expectOrdered(lines, (l) => foldWord(l.keyword), 'ksort=kw');

  await page.locator('#kwic-width').fill('5');
  await page.locator('#kwic-width').press('Tab');
  await expectParam(page, 'width', '5');
  await expect.poll(async () => Math.max(...sides(await kwicLines(page)))).toBe(5);
  expect(params(page).get('ksort')).toBe('kw');

  await page.locator('#kwic-sort').selectOption('doc');
  await expectParam(page, 'ksort', null);
  // Until the view has answered, the lines in keyword order stay shown: wait for the new order.
  const byDocument = (o) => [...o].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  await expect
    .poll(async () => {
      const order = (await kwicLines(page)).map((l) => [l.doc, l.hit]);
      return JSON.stringify(order) === JSON.stringify(byDocument(order));
    }, { message: 'the lines in document order' })
    .toBe(true);

  await page.goBack();
  await expectParam(page, 'ksort', 'kw');
  await expect(page.locator('#kwic-sort')).toHaveValue('kw');
  await expect(page.locator('#kwic-width')).toHaveValue('5');
  await page.goBack();
  await expectParam(page, 'width', '3');
  await expect(page.locator('#kwic-width')).toHaveValue('3');
  await expect.poll(async () => Math.max(...sides(await kwicLines(page)))).toBe(3);
  await expectTab(page, 'concordance');
});

test('without a query the concordance and collocates ask for one; typing a query fills them', async ({ page }) => {
  for (const view of ['concordance', 'collocates']) {
    await openView(page, `/?view=${view}`, view);
    await expect(page.locator('#app .empty-view')).toHaveText(
      `Type a word, a "phrase" or a prefix* in the search box to see its ${view}.`,
    );
    await expect(page.locator('#app table')).toHaveCount(0);
  }
  await openApp(page, '/?view=concordance');
  await fillQuery(page, 'stalin');
  await expectParam(page, 'q', 'stalin');
  await expectTab(page, 'concordance');
  await expect(page.locator('tr.kwic-line').first()).toBeVisible();
  expect((await kwicCount(page)).lines).toBeGreaterThan(0);
  // A query that finds nothing: an empty-view message, no crash.
  await fillQuery(page, 'zzzzqqq ');
  await expect(page.locator('#app .empty-view')).toHaveText('No hits in the documents the filters allow.');
  await expect(page.locator('#kwic-count')).toHaveText('0 lines in 0 documents');
});
