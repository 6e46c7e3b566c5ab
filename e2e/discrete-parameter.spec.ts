import { test, expect } from './support/index.js';

// changepoint.jl's change point `s ~ DiscreteUniform(1, N)` is discrete: NUTS cannot move it.
test('NUTS on a model with a discrete parameter suggests MH or Gibbs, and Gibbs runs to the end', async ({ workbench }) => {
  await workbench.openExample('changepoint');
  await workbench.choose({ sampler: 'nuts' });
  const message = workbench.byTestId('sampler-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('MH');
  await expect(message).toContainText('Gibbs');
  await workbench.shot('nuts-message');

  await workbench.choose({ sampler: 'gibbs', chains: 2, draws: 300, warmup: 200, seed: 2 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  for (const p of await workbench.progressAll(2)) expect(p).toMatchObject({ phase: 'done', iteration: 500 });
  const changePoint = workbench.byTestId('summary-row').and(workbench.page.locator('[data-parameter="s"]'));
  await expect(changePoint).toHaveCount(1);
  // MH proposes the change point from its prior, so both chains find the drop near the 40th year.
  const mean = Number(await changePoint.locator('td[data-column="mean"]').getAttribute('data-value'));
  expect(mean).toBeGreaterThan(35);
  expect(mean).toBeLessThan(46);
  await workbench.shot('gibbs-done');
});

test('a Gibbs block of particle Gibbs samples the change point beside NUTS', async ({ workbench }) => {
  await workbench.openExample('changepoint');
  await workbench.choose({ sampler: 'gibbs', chains: 2, draws: 60, warmup: 30, seed: 3 });
  await workbench.page.locator('select[aria-label="Block 1 sampler"]').selectOption('pg');
  await expect(workbench.page.getByLabel('Particles')).toHaveValue('20');
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const changePoint = workbench.byTestId('summary-row').and(workbench.page.locator('[data-parameter="s"]'));
  const mean = Number(await changePoint.locator('td[data-column="mean"]').getAttribute('data-value'));
  expect(mean).toBeGreaterThan(35);
  expect(mean).toBeLessThan(46);
  await workbench.shot('gibbs-pg-done');
});
