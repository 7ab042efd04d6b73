// Browser tests against the release build in dist/ (build it first: `trunk build --release`).
// Uses Debian's Chromium; never run `npx playwright install` on these machines.
import { defineConfig } from '@playwright/test';

// Port of the static server; EXPLORER_PORT overrides it (e.g. when 4173 is taken).
const PORT = Number(process.env.EXPLORER_PORT ?? 4173);
// The built app; EXPLORER_DIST overrides it (e.g. to test another build).
const DIST = process.env.EXPLORER_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.mjs',
  globalSetup: './tests/support/global-setup.mjs',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node tests/support/static-server.mjs ${JSON.stringify(DIST)} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic',
          ],
        },
      },
    },
  ],
});
