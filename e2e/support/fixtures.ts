import { test as base, expect } from '@playwright/test';
import { startWebServer, type WebServer } from './server.js';
import { Workbench } from './workbench.js';

/**
 * `server`: one `tilde serve` per Playwright worker, stopped with Ctrl-C after its tests.
 * `workbench`: the page opened at the server's address. A test fails when the page throws an uncaught
 * error: the app must keep working whatever the user does.
 */
export const test = base.extend<{ workbench: Workbench }, { server: WebServer }>({
  server: [
    async ({}, use) => {
      const server = await startWebServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  workbench: async ({ page, server }, use, testInfo) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    const workbench = new Workbench(page, testInfo);
    await workbench.open(server.address);
    await use(workbench);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
