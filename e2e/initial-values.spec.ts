import { test, expect } from './support/index.js';

test('initial values typed as JSON reach every chain: one outside the support fails the run with its name, a valid one runs', async ({ workbench }) => {
  await workbench.openExample('eight_schools');
  await workbench.choose({ sampler: 'nuts', chains: 2, draws: 200, warmup: 200, seed: 3 });
  const init = workbench.byTestId('init-input');
  await init.fill('{"τ": -1');
  await expect(workbench.byTestId('init-problem')).toHaveText('Initial values must be JSON, as {"σ": 1, "β": [0, 1]}');

  // Read by the chains' workers: τ's support is checked where the model runs.
  await init.fill('{"μ": 2, "τ": -1}');
  await expect(workbench.byTestId('init-problem')).toHaveCount(0);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('failed');
  await expect(workbench.page.getByRole('alert')).toContainText('the value given for `τ` (-1) is outside the support of Truncated: (0, ∞)');
  await workbench.shot('init-outside-support');

  await init.fill('{"μ": 2, "τ": 1, "θ̃": [0, 0, 0, 0, 0, 0, 0, 0]}');
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  await workbench.shot('init-done');
});
