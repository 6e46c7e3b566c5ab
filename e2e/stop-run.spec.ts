import { test, expect, parseCsv, type RunChoice } from './support/index.js';

// Minutes of sampling if left alone: the test stops it after a few seconds.
const CHOICE: RunChoice = { ad: 'reversediff', sampler: 'nuts', chains: 4, draws: 20_000, warmup: 300, seed: 3 };
// A chain queued behind the others (chains share the cores) must not keep saying it is waiting either.
const MOVING = ['warmup', 'sampling', 'waiting'];

declare global {
  interface Window {
    /** Milliseconds from the click on run-stop until no chain is moving and the run says cancelled. */
    stopDelay?: Promise<number>;
  }
}

test('stopping a long run stops every chain within a second; its draws stay plotted and exportable', async ({ workbench }, testInfo) => {
  await workbench.openExample('eight_schools');
  await workbench.choose(CHOICE);
  await workbench.start();
  await expect
    .poll(async () => (await workbench.progressAll(CHOICE.chains)).some((p) => p.phase === 'sampling') && (await workbench.chartPoints('trace')) > 0, { timeout: 60_000 })
    .toBe(true);
  await workbench.shot('before-stop');

  // Timed inside the page, from the click event to the DOM saying so: Playwright's own latency stays out.
  await workbench.page.evaluate(
    ({ chains, moving }) => {
      window.stopDelay = new Promise((resolve) => {
        let clicked = 0;
        const stopped = () =>
          document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') === 'cancelled' &&
          Array.from({ length: chains }, (_, k) => document.querySelector(`[data-testid="progress-chain-${k + 1}"]`)?.getAttribute('data-phase') ?? '').every((phase) => !moving.includes(phase));
        const check = () => {
          if (clicked && stopped()) {
            observer.disconnect();
            resolve(performance.now() - clicked);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
        document.querySelector('[data-testid="run-stop"]')?.addEventListener('click', () => ((clicked = performance.now()), check()), { capture: true, once: true });
      });
    },
    { chains: CHOICE.chains, moving: MOVING },
  );
  await workbench.byTestId('run-stop').click();
  const delay = await workbench.page.evaluate(() => Promise.race([window.stopDelay!, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 10_000))]));
  console.log(`stop: every chain stopped ${delay.toFixed(0)} ms after the click`);
  testInfo.annotations.push({ type: 'stop delay', description: `${delay.toFixed(0)} ms` });
  expect(delay, 'ms from the click on run-stop until every chain stopped and the run said cancelled').toBeLessThan(1000);

  const stopped = await workbench.progressAll(CHOICE.chains);
  const tracePoints = await workbench.chartPoints('trace');
  // Nothing moves afterwards: the workers are gone, not just hidden.
  await workbench.page.waitForTimeout(1500);
  expect(await workbench.progressAll(CHOICE.chains)).toEqual(stopped);
  expect(await workbench.runState()).toBe('cancelled');
  // The charts redraw a few times a second, so the draws that arrived before the stop may still join
  // the trace; none may leave it.
  expect(tracePoints, 'the partial draws stay plotted').toBeGreaterThan(0);
  expect(await workbench.chartPoints('trace')).toBeGreaterThanOrEqual(tracePoints);
  await workbench.shot('after-stop');

  const { text } = await workbench.download('export-draws-wide');
  const [header, ...rows] = parseCsv(text);
  expect(header?.slice(0, 3)).toEqual(['chain', 'draw', 'μ']);
  let total = 0;
  for (let chain = 1; chain <= CHOICE.chains; chain++) {
    const kept = rows.filter((row) => row[0] === String(chain)).length;
    expect(kept, `chain ${chain}: no more draws exported than it had sampled`).toBeLessThanOrEqual(Math.max(0, stopped[chain - 1]!.iteration - CHOICE.warmup));
    total += kept;
  }
  expect(total, 'the draws made before the stop are in the export').toBeGreaterThan(0);
});
