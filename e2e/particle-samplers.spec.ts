import { test, expect } from './support/index.js';

// Turing's SMC() on its own: gdemo's variance and mean drawn from their priors, weighted by its two observations.
test('SMC runs a chain as particles, and the chains table gives each run’s log evidence and distinct draws', async ({ workbench }) => {
  await workbench.openExample('gdemo');
  await workbench.choose({ sampler: 'smc', chains: 2, draws: 2000, seed: 4 });
  await expect(workbench.page.getByText('Particles', { exact: true })).toBeVisible();
  await expect(workbench.byTestId('warmup-input')).toHaveCount(0);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  for (const p of await workbench.progressAll(2)) expect(p).toMatchObject({ phase: 'done', iteration: 2000 });
  const m = workbench.byTestId('summary-row').and(workbench.page.locator('[data-parameter="m"]'));
  // E[m] = 7/6 (the example's comment); the posterior sd is about 0.8.
  const mean = Number(await m.locator('td[data-column="mean"]').getAttribute('data-value'));
  expect(Math.abs(mean - 7 / 6)).toBeLessThan(0.15);
  const perChain = workbench.byTestId('sampler-chains');
  await perChain.scrollIntoViewIfNeeded();
  expect(await perChain.locator('th').allTextContents()).toEqual(['Chain', 'Draws', 'log evidence', 'Distinct draws', 'Time']);
  const evidence = await perChain.locator('td[data-column="log_evidence"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(evidence).toHaveLength(2);
  // Two independent runs estimate the same log p(x).
  expect(Math.abs(evidence[0]! - evidence[1]!)).toBeLessThan(0.3);
  await workbench.shot('smc-done');
});

// The change point and both rates are drawn once and copied by every resampling: few distinct draws remain, and the run says so.
test('SMC on a model whose variables are all drawn before the data warns that its draws are copies of a few', async ({ workbench }) => {
  await workbench.openExample('changepoint');
  await workbench.choose({ sampler: 'smc', chains: 2, draws: 500, seed: 4 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const warning = workbench.byTestId('warning').and(workbench.page.locator('[data-kind~="particles"]'));
  await expect(warning.first()).toContainText('distinct draws among 500 particles');
  await warning.first().scrollIntoViewIfNeeded();
  await workbench.shot('smc-few-distinct');
});
