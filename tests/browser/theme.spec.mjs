// Themes (issue 7): a switch in the header cycles auto → light → dark, is remembered in
// localStorage and survives a reload; the URL's theme parameter wins over it.
import { test, expect, openApp } from './helpers.mjs';

const KEY = 'corpus-explorer-theme';
const switchButton = (page) => page.locator('#theme-switch');
const rootTheme = (page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(22, 24, 28)';

test('the switch cycles auto → light → dark → auto, says which, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, '/?q=stalin');
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: auto/);
  expect(await rootTheme(page)).toBeNull();
  expect(await stored(page)).toBeNull();

  await switchButton(page).click();
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: light/);
  expect(await rootTheme(page)).toBe('light');
  expect(await stored(page)).toBe('light');
  expect(await background(page)).toBe(LIGHT_BG);

  await switchButton(page).click();
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: dark/);
  expect(await rootTheme(page)).toBe('dark');
  expect(await stored(page)).toBe('dark');
  await expect.poll(() => background(page)).toBe(DARK_BG);

  // A reload keeps it (and the URL is left alone).
  await page.reload();
  await expect(page.locator('#result-count')).toBeVisible();
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: dark/);
  expect(await rootTheme(page)).toBe('dark');
  expect(new URL(page.url()).searchParams.get('theme')).toBeNull();
  await expect.poll(() => background(page)).toBe(DARK_BG);

  await switchButton(page).click();
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: auto/);
  expect(await rootTheme(page)).toBeNull();
  expect(await stored(page)).toBeNull();
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
});

test('auto follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '/');
  expect(await rootTheme(page)).toBeNull();
  expect(await background(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
});

test('the URL\'s theme wins over the remembered one; theme=auto leaves the remembered one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, '/');
  await page.evaluate((k) => localStorage.setItem(k, 'dark'), KEY);
  await openApp(page, '/?theme=light');
  expect(await rootTheme(page)).toBe('light');
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: light/);
  await openApp(page, '/?theme=auto');
  expect(await rootTheme(page)).toBe('dark');
  await openApp(page, '/?embed=1&theme=light&q=stalin');
  expect(await rootTheme(page)).toBe('light');
  await openApp(page, '/?embed=1&q=stalin');
  expect(await rootTheme(page)).toBe('dark');
  // Using the switch on a page whose URL names a theme takes over from the URL.
  await openApp(page, '/?theme=light');
  await switchButton(page).click();
  expect(await rootTheme(page)).toBe('dark');
  expect(await stored(page)).toBe('dark');
  // A value that is not a theme is ignored.
  await page.evaluate((k) => localStorage.setItem(k, 'purple'), KEY);
  await openApp(page, '/');
  expect(await rootTheme(page)).toBeNull();
  await expect(switchButton(page)).toHaveAccessibleName(/Theme: auto/);
});
