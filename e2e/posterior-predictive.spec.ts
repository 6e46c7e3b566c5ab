import { test, expect } from './support/index.js';

test('after a run, the posterior predictive replicates the observed data: its density over the replicates, and test statistics with p-values', async ({ workbench }) => {
  await workbench.openExample('linear_regression');
  await workbench.choose({ sampler: 'nuts', chains: 2, draws: 300, warmup: 300, seed: 1 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');

  const check = workbench.byTestId('predictive-check');
  await check.scrollIntoViewIfNeeded();
  // y is the one argument left of a ~ (X is a covariate): offered alone, without a choice to make.
  await expect(workbench.byTestId('predictive-select')).toHaveCount(0);
  await workbench.byTestId('predictive-run').click();
  await expect(workbench.byTestId('predictive-test')).toHaveCount(5);
  // The data's density and fifty replicates', drawn on one grid of 128 points each.
  await expect.poll(() => workbench.chartPoints('predictive')).toBe(51 * 128);
  const p = await workbench.byTestId('predictive-test').locator('td[data-column="p"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  for (const value of p) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  }
  // A well-specified regression reproduces the data's mean and spread: neither p-value is extreme.
  const flagged = await workbench.byTestId('predictive-test').evaluateAll((rows) => rows.filter((r) => r.querySelector('[data-flag]')).map((r) => r.getAttribute('data-statistic')));
  expect(flagged).not.toContain('mean');
  expect(flagged).not.toContain('sd');
  await workbench.byTestId('predictive-tests').scrollIntoViewIfNeeded();
  await workbench.shot('predictive-check');

  // Every replicate, with the chain and draw it was drawn at: 400 of the 600 draws, y's 40 elements each.
  const download = await workbench.download('export-replicates');
  const [header, ...rows] = download.text.trim().split('\n').map((line) => line.split(','));
  expect(header).toEqual(['chain', 'draw', ...Array.from({ length: 40 }, (_, i) => `y[${i + 1}]`)]);
  expect(rows).toHaveLength(400);
  expect(rows.every((row) => row.length === 42 && ['1', '2'].includes(row[0]!) && Number(row[1]) >= 1 && Number(row[1]) <= 300)).toBe(true);
});
