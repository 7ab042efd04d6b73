// A corpus of 120 documents (tests/fixtures/many): the results list shows 50 with their
// snippets and a "Show more" button adds 50 at a time; a new query starts again from 50.
import { test, expect, waitReady, searchBox, results, serveBuild } from './helpers.mjs';

const server = serveBuild('EXPLORER_MANY_DIST', 'the many-documents build');

test('long result lists show 50 at a time', async ({ page }) => {
  await page.goto(server().origin + '/?q=harbour');
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(/^120 documents match/);
  await expect(results(page)).toHaveCount(50);
  await expect(results(page).first().locator('.snippet mark').first()).toHaveText(/harbour/i);
  const more = page.locator('#show-more');
  await expect(more).toHaveText('Show more (70 of 120 not shown)');
  await more.click();
  await expect(results(page)).toHaveCount(100);
  await expect(more).toHaveText('Show more (20 of 120 not shown)');
  await more.click();
  await expect(results(page)).toHaveCount(120);
  await expect(more).toHaveCount(0);
  // Another query starts from the first 50 again.
  await searchBox(page).fill('letters ');
  await expect(results(page)).toHaveCount(50);
  await expect(more).toBeVisible();
});
