import { defineConfig } from '@playwright/test';

/**
 * The workbench end to end: Debian's Chromium (Playwright's own browsers cannot be downloaded here)
 * against `tilde serve`, which each Playwright worker starts as a real process (e2e/support/server.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'e2e/artifacts/results',
  // Every test samples with worker processes of its own; on two cores a second browser only slows both.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env['CI'],
  // The JSON report feeds the plain 'N passed, N failed' line that .ci/run ends with.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    // No trace: recording one loads the page's main thread, which the long-task test measures.
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
