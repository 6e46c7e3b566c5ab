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
    // Each distinct error once, with how often it happened and where it was first thrown.
    const pageErrors: string[] = [];
    const counts = new Map<string, number>();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => {
      const message = `${error.name}: ${error.message}`;
      counts.set(message, (counts.get(message) ?? 0) + 1);
      if (counts.get(message) === 1) pageErrors.push(error.stack ?? message);
    });
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(`${message.text()} (${message.location().url})`));
    const workbench = new Workbench(page, testInfo);
    try {
      await workbench.open(server.address);
    } catch (e) {
      // A page that never showed the workbench usually says why in its console.
      throw new Error(`${(e as Error).message}\nuncaught errors in the page: ${pageErrors.join('; ') || 'none'}\nconsole errors: ${consoleErrors.join('; ') || 'none'}`);
    }
    await use(workbench);
    if (consoleErrors.length > 0) await testInfo.attach('console-errors.txt', { body: consoleErrors.join('\n'), contentType: 'text/plain' });
    expect(pageErrors.map((stack) => `${[...counts].find(([message]) => stack.includes(message))?.[1] ?? 1}× ${stack}`), 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
