import { test, expect } from './support/index.js';

// Web mode listens on loopback, but any local process or page could reach it: without the printed token
// neither the page nor the run API answers.
test.describe('web mode without the token', () => {
  test('the page answers 401 without the token and with a wrong one, and 200 with the printed address', async ({ page, server }) => {
    const bare = await page.goto(`${server.origin}/`);
    expect(bare?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('401');

    const wrong = await page.goto(`${server.origin}/?token=${'x'.repeat(server.token.length)}`);
    expect(wrong?.status()).toBe(401);

    const right = await page.goto(server.address);
    expect(right?.status()).toBe(200);
  });

  test('the run API refuses a WebSocket without the token', async ({ page, server }) => {
    await page.goto('about:blank');
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      `${server.origin.replace('http', 'ws')}/api`,
    );
    expect(outcome).toBe('refused');
  });
});
