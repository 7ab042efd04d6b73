// The app built with a small corpus in every format (tests/fixtures/formats: text with a
// sidecar, Markdown with front matter, HTML, JSON, JSON Lines, CSV) finds a word from each
// document, and only there; words in stripped HTML navigation and scripts are not found; the
// corpus's own metadata fields are facets.
import { test, expect, waitReady, searchBox, results, resultIds, serveBuild } from './helpers.mjs';

const WORDS = {
  zebrafrog: 'field-notes',
  moonquill: 'moonquill',
  lanternfish: 'lanternfish',
  quillpebble: 'letter-1',
  frostwhistle: 'diary-1',
  copperwren: 'ledger-7',
};

const server = serveBuild('EXPLORER_FORMATS_DIST', 'the formats build');

async function search(page, q) {
  await searchBox(page).fill(q);
  await expect(page.locator('#result-count')).toContainText(/match/);
}

test('a word from each document, in every format, finds that document only', async ({ page }) => {
  await page.goto(server().origin + '/');
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(/^6 documents/);
  // corpus.toml's title names the corpus in the header and the page title.
  await expect(page.locator('#corpus-title')).toHaveText('Formats fixture');
  await expect(page).toHaveTitle('Formats fixture — Corpus Explorer');
  for (const [word, id] of Object.entries(WORDS)) {
    await search(page, `${word} `);
    await expect(results(page)).toHaveCount(1);
    expect(await resultIds(page), word).toEqual([id]);
    await expect(results(page).first().locator('.snippet mark').first()).toHaveText(new RegExp(word, 'i'));
  }
});

test('navigation and scripts of HTML documents were stripped', async ({ page }) => {
  await page.goto(server().origin + '/');
  await waitReady(page);
  for (const word of ['navwidget', 'scriptcorn']) {
    await search(page, `${word} `);
    await expect(results(page)).toHaveCount(0);
  }
});

test('metadata fields become facets: declared (region) and automatic (season)', async ({ page }) => {
  await page.goto(server().origin + '/?region=north');
  await waitReady(page);
  const region = page.locator('section.facet[data-facet="region"]');
  await expect(region.locator('label.facet-value')).toHaveCount(2);
  await expect(region.locator('label.facet-value[data-value="north"] input')).toBeChecked();
  await expect(results(page)).toHaveCount(3);
  expect((await resultIds(page)).sort()).toEqual(['field-notes', 'ledger-7', 'letter-1']);
  const season = page.locator('section.facet[data-facet="season"]');
  await expect(season.locator('label.facet-value')).toHaveCount(2);
  await expect(page.locator('section.facet[data-facet="tags"]')).toHaveCount(0);
  // The filter is in the URL like any other.
  await season.locator('label.facet-value[data-value="summer"] input').check();
  await expect(page).toHaveURL(/season=summer/);
  await expect(results(page)).toHaveCount(0);
});
