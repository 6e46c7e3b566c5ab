import { writeFileSync } from 'node:fs';
import { test, expect, summaryText, type RunChoice } from './support/index.js';

const CHOICE: Partial<RunChoice> = { sampler: 'prior', chains: 2, draws: 1000, seed: 3 };

const LOCATIONS = ['mean', 'median', 'q5', 'q95'] as const;

test('a location far from 0 shows the digits its sd varies in, as tilde summary prints the same draws', async ({ workbench }, testInfo) => {
  // Four significant digits showed 1e8 + N(0, 1e-4)'s mean, median, q5 and q95 all as 1.000e+8.
  await workbench.replaceSource('@model function offset()\n    x ~ Normal(1e8, 1e-4)\nend\n');
  await workbench.choose(CHOICE);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const row = workbench.byTestId('summary-row').and(workbench.page.locator('[data-parameter="x"]'));
  const shown = Object.fromEntries(await Promise.all(LOCATIONS.map(async (column) => [column, await row.locator(`td[data-column="${column}"]`).textContent()] as const)));
  await row.scrollIntoViewIfNeeded();
  await workbench.shot('offset');

  expect(new Set([shown.q5, shown.mean, shown.q95]).size, 'the quantiles apart from the mean').toBe(3);
  const draws = testInfo.outputPath('offset.csv');
  writeFileSync(draws, (await workbench.download('export-draws-wide')).text);
  const printed = (await summaryText(draws)).get('x')!;
  for (const column of LOCATIONS) expect(shown[column], column).toBe(printed[column]);
});
