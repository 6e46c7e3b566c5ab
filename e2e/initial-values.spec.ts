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

test('initial values start MAP and MLE too: of two modes, the optimiser finds the one near the start', async ({ workbench }) => {
  // y = 4 ~ Normal(μ², 1): the likelihood peaks at μ = −2 and at μ = 2.
  await workbench.replaceSource('@model function bimodal(y = 4)\n    μ ~ Normal(0, 10)\n    y ~ Normal(μ^2, 1)\nend\n');
  await workbench.choose({ sampler: 'mle' });
  const mode = workbench.byTestId('optimize-row').locator('td[data-column="mode"]');
  for (const [start, expected] of [[-1, -2], [0.5, 2]] as const) {
    await workbench.byTestId('init-input').fill(`{"μ": ${start}}`);
    await workbench.start();
    expect(await workbench.waitForEnd()).toBe('done');
    await expect.poll(async () => Number(await mode.getAttribute('data-value'))).toBeCloseTo(expected, 4);
  }
  await workbench.shot('mle-from-initial-values');
});
