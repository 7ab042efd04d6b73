#!/usr/bin/env node
// Renders the app's PNG icons from static/icon.svg with headless Chromium, once; the PNGs are
// committed in static/ (run again only when the SVG changes):
//   node scripts/render-icons.mjs
// Writes static/icon-192.png, static/icon-512.png (the SVG as it is: a rounded square) and
// static/icon-maskable-512.png (full-bleed background, the drawing inside the central 80 %
// safe zone, for launchers that crop icons to circles or squircles).
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = await readFile(join(root, 'static', 'icon.svg'), 'utf8');
const BG = '#1f5fa8'; // the rounded square's fill, --accent in static/style.css

// The maskable variant: a full square of the background, the drawing scaled to 70 % around
// the centre (its rounded corners then fall inside the background, so they do not show).
const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="${BG}"/>
  <g transform="translate(32 32) scale(0.7) translate(-32 -32)">${inner}</g>
</svg>`;

const jobs = [
  { file: 'icon-192.png', size: 192, src: svg },
  { file: 'icon-512.png', size: 512, src: svg },
  { file: 'icon-maskable-512.png', size: 512, src: maskable },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic'],
});
try {
  for (const { file, size, src } of jobs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = src.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').first().screenshot({ path: join(root, 'static', file), omitBackground: true });
    await page.close();
    console.log(`wrote static/${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
