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
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    const workbench = new Workbench(page, testInfo);
    try {
      await workbench.open(server.address);
    } catch (e) {
      // A page that never showed the workbench usually says why in its console.
      throw new Error(`${(e as Error).message}\nuncaught errors in the page: ${pageErrors.join('; ') || 'none'}\nconsole errors: ${consoleErrors.join('; ') || 'none'}`);
    }
    await use(workbench);
    if (consoleErrors.length > 0) await testInfo.attach('console-errors.txt', { body: consoleErrors.join('\n'), contentType: 'text/plain' });
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
