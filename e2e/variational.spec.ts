import { test, expect } from './support/index.js';

// Turing's vi(model, q_meanfield_gaussian(model), n): gdemo's fit streamed from two worker processes, its ELBO and k̂ shown per chain.
test('ADVI fits gdemo in the workbench: the warm-up is the optimisation, each chain shows its ELBO and Pareto k̂', async ({ workbench }) => {
  await workbench.openExample('gdemo');
  await workbench.choose({ sampler: 'advi', chains: 2, draws: 1000, warmup: 1500, seed: 2 });
  await expect(workbench.page.getByText('Optimisation steps', { exact: true })).toBeVisible();
  await expect(workbench.byTestId('thin-input')).toHaveCount(0);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  for (const p of await workbench.progressAll(2)) expect(p).toMatchObject({ phase: 'done' });
  const m = workbench.byTestId('summary-row').and(workbench.page.locator('[data-parameter="m"]'));
  // E[m] = 7/6; a Gaussian in (log s², m) is near it, not on it (the posterior of m has heavier tails).
  const mean = Number(await m.locator('td[data-column="mean"]').getAttribute('data-value'));
  expect(Math.abs(mean - 7 / 6)).toBeLessThan(0.25);
  const perChain = workbench.byTestId('sampler-chains');
  await perChain.scrollIntoViewIfNeeded();
  const headers = await perChain.locator('th').allTextContents();
  expect(headers).toContain('ELBO');
  expect(headers).toContain('Pareto k̂');
  const elbo = await perChain.locator('td[data-column="elbo"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(elbo).toHaveLength(2);
  // Two optimisations from their own seeds end at the same ELBO, up to its Monte Carlo noise.
  expect(Math.abs(elbo[0]! - elbo[1]!)).toBeLessThan(0.3);
  await workbench.shot('advi-done');
});
