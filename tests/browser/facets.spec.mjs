import {
  test,
  expect,
  CORPUS_SIZE,
  openApp,
  results,
  expectConsistentCount,
  typeQuery,
  fillQuery,
  facetValue,
  facetState,
  allFacetCounts,
  params,
  countText,
  hasRT,
} from './helpers.mjs';

const FACETS = ['outlet', 'kind', 'year', 'person'];

/** Every document has exactly one kind and one year, so those counts sum to the result count. */
async function expectSingleValuedFacetsSumTo(page, n) {
  for (const facet of ['kind', 'year']) {
    await expect
      .poll(async () => (await facetState(page, facet)).reduce((s, v) => s + v.count, 0), {
        message: `sum of the ${facet} facet counts equals the number of results`,
      })
      .toBe(n);
  }
}

/** `#clear-filters` is absent, hidden or disabled. */
async function expectNothingToClear(page) {
  const clear = page.locator('button#clear-filters');
  await expect
    .poll(async () => (await clear.count()) === 0 || !(await clear.isVisible()) || (await clear.isDisabled()), {
      message: '#clear-filters is absent, hidden or disabled when no filter is set',
    })
    .toBe(true);
}

test('all four facets are shown with labelled checkboxes and counts', async ({ page }) => {
  await openApp(page);
  for (const facet of FACETS) {
    const section = page.locator(`section.facet[data-facet="${facet}"]`);
    await expect(section, `facet ${facet}`).toHaveCount(1);
    const values = section.locator('label.facet-value');
    expect(await values.count(), `facet ${facet} has values`).toBeGreaterThan(0);
    for (const v of await values.all()) {
      await expect(v.locator('input[type=checkbox]')).toHaveCount(1);
      await expect(v.locator('input[type=checkbox]')).not.toBeChecked();
      await expect(v.locator('span.facet-name')).not.toBeEmpty();
      await expect(v.locator('span.facet-count')).toHaveText(/^\D*\d+\D*$/);
    }
  }
  const years = (await facetState(page, 'year')).map((v) => v.value).sort();
  expect(years).toEqual(['2021', '2022', '2025']);
  await expectSingleValuedFacetsSumTo(page, CORPUS_SIZE);
  // With no filter there is nothing to clear.
  await expectNothingToClear(page);
});

test('checking outlet RT narrows the results to RT and puts outlet=RT in the URL', async ({ page }) => {
  await openApp(page);
  const rt = facetValue(page, 'outlet', 'RT');
  await expect(rt).toHaveCount(1);
  const rtCount = Number((await rt.locator('span.facet-count').innerText()).replace(/\D/g, ''));
  expect(rtCount).toBeGreaterThan(0);

  await rt.locator('input[type=checkbox]').check();
  await expect(rt.locator('input[type=checkbox]')).toBeChecked();
  await expect(page).toHaveURL(/[?&]outlet=RT(&|$)/);
  await expect(results(page)).toHaveCount(rtCount);
  expect(await expectConsistentCount(page)).toBe(rtCount);
  for (const meta of await results(page).locator('.result-meta').allInnerTexts()) {
    expect(meta).toMatch(hasRT);
  }
  // Other facets now count within RT only (AND across facets).
  await expectSingleValuedFacetsSumTo(page, rtCount);
  // The clear button appears once a filter is set.
  await expect(page.locator('button#clear-filters')).toBeEnabled();

  // The same holds with a query: the RT count equals the number of RT results.
  await typeQuery(page, 'stalin');
  await expect(page).toHaveURL(/[?&]q=stalin(&|$)/);
  await expect(page).toHaveURL(/[?&]outlet=RT(&|$)/);
  const n = await expectConsistentCount(page);
  await expect(rt.locator('span.facet-count')).toHaveText(new RegExp(`^\\D*${n}\\D*$`));
  for (const meta of await results(page).locator('.result-meta').allInnerTexts()) {
    expect(meta).toMatch(hasRT);
  }
});

test('facet counts follow the query', async ({ page }) => {
  await openApp(page);
  const empty = await allFacetCounts(page);
  await expectSingleValuedFacetsSumTo(page, CORPUS_SIZE);

  for (const q of ['stalin', 'gorbachev', 'rehabilitated']) {
    await fillQuery(page, q);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${q}(&|$)`));
    const n = await expectConsistentCount(page);
    await expectSingleValuedFacetsSumTo(page, n);
    // Each outlet's count is the number of listed results from that outlet.
    const metas = await results(page).locator('.result-meta').allInnerTexts();
    for (const v of await facetState(page, 'outlet')) {
      const listed = metas.filter((m) => m.includes(v.name)).length;
      expect(v.count, `outlet ${v.value} for "${q}"`).toBe(listed);
    }
    const counts = await allFacetCounts(page);
    if (q === 'stalin') continue; // every document mentions Stalin: counts may equal the empty query's
    // "gorbachev" and "rehabilitated" match a strict subset of the corpus.
    expect(n).toBeLessThan(CORPUS_SIZE);
    const changed = Object.keys(empty).filter((k) => (counts[k] ?? 0) !== empty[k]);
    expect(changed.length, `some facet count changes between "" and "${q}"`).toBeGreaterThan(0);
  }
});

test('two values of one facet are ORed, and clear-all restores everything', async ({ page }) => {
  await openApp(page);
  const outlets = await facetState(page, 'outlet');
  expect(outlets.length).toBeGreaterThanOrEqual(2);
  const [a, b] = outlets;

  await facetValue(page, 'outlet', a.value).locator('input[type=checkbox]').check();
  await expect(results(page)).toHaveCount(a.count);
  await facetValue(page, 'outlet', b.value).locator('input[type=checkbox]').check();
  await expect(results(page)).toHaveCount(a.count + b.count);
  expect(await expectConsistentCount(page)).toBe(a.count + b.count);
  // Counts within the facet being filtered do not shrink (they ignore its own filter).
  const after = await facetState(page, 'outlet');
  expect(after.find((v) => v.value === a.value)).toMatchObject({ count: a.count, checked: true });
  expect(after.find((v) => v.value === b.value)).toMatchObject({ count: b.count, checked: true });
  expect(params(page).getAll('outlet').sort()).toEqual([a.value, b.value].sort());

  // Add a filter in another facet too, then clear everything.
  const year = (await facetState(page, 'year')).find((v) => v.count > 0);
  await facetValue(page, 'year', year.value).locator('input[type=checkbox]').check();
  await expect(page).toHaveURL(new RegExp(`[?&]year=${year.value}(&|$)`));

  const clear = page.locator('button#clear-filters');
  await expect(clear).toBeEnabled();
  await clear.click();
  await expect(results(page)).toHaveCount(CORPUS_SIZE);
  await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
  await expect(page.locator('section.facet input[type=checkbox]:checked')).toHaveCount(0);
  for (const f of FACETS) expect(params(page).getAll(f), `URL has no ${f}`).toEqual([]);
  await expectNothingToClear(page);
});
