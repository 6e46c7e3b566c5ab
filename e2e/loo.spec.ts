import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, firstCellDifference, pointwiseLoo, sampleExample, EXAMPLES, type RunChoice } from './support/index.js';

const CHOICE: RunChoice = { ad: 'reversediff', sampler: 'nuts', chains: 2, draws: 500, warmup: 300, seed: 3 };

test('after a run, PSIS-LOO gives the estimates and k table that tilde loo gives for the same draws', async ({ workbench }, testInfo) => {
  await workbench.openExample('eight_schools');
  await workbench.choose(CHOICE);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');

  const panel = workbench.byTestId('loo-panel');
  await panel.scrollIntoViewIfNeeded();
  await workbench.byTestId('loo-run').click();
  await expect(workbench.byTestId('loo-estimate')).toHaveCount(6);
  const shown = await workbench.byTestId('loo-estimate').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-name'), ...[...r.querySelectorAll('td[data-value]')].map((td) => Number(td.getAttribute('data-value')))]),
  );
  const counts = await workbench.byTestId('loo-k-class').evaluateAll((rows) => rows.map((r) => Number(r.querySelector('td[data-value]')!.getAttribute('data-value'))));
  expect(counts.reduce((a, b) => a + b, 0), 'every school is one observation in the k table').toBe(8);
  // A point per school on the k plot, and the three dashed class boundaries (two points each).
  await expect.poll(() => workbench.chartPoints('khat')).toBe(8 + 3 * 2);
  await workbench.byTestId('chart-khat').scrollIntoViewIfNeeded();
  await workbench.shot('loo');

  // The same seed's draws from the command line, and their leave-one-out there: the totals are the sums of its pointwise values.
  const draws = testInfo.outputPath('eight_schools.csv');
  await sampleExample('eight_schools', CHOICE, draws);
  const pointwiseFile = testInfo.outputPath('pointwise.csv');
  const pointwise = await pointwiseLoo(join(EXAMPLES, 'eight_schools.jl'), join(EXAMPLES, 'eight_schools.json'), draws, pointwiseFile);
  expect([...pointwise.keys()]).toEqual(Array.from({ length: 8 }, (_, j) => `y[${j + 1}]`));
  const total = (key: 'elpdLoo' | 'pLoo' | 'looic') => [...pointwise.values()].reduce((a, p) => a + p[key], 0);
  expect(shown.map((row) => row[0])).toEqual(['elpd_loo', 'p_loo', 'looic', 'elpd_waic', 'p_waic', 'waic']);
  (['elpdLoo', 'pLoo', 'looic'] as const).forEach((key, i) => expect(shown[i]![1] as number).toBeCloseTo(total(key), 9));
  // The panel's export is the table tilde loo --pointwise wrote, cell for cell.
  const exported = await workbench.download('export-loo-pointwise');
  expect(exported.name).toMatch(/\.csv$/);
  expect(firstCellDifference(exported.text, readFileSync(pointwiseFile, 'utf8')), 'the first cell where the export differs from tilde loo --pointwise').toBeNull();

  // Complete pooling on the same eight schools: compared with the run before, best first.
  await workbench.replaceSource('@model function pooled(J, y, σ)\n    μ ~ Normal(0, 5)\n    for j in 1:J\n        y[j] ~ Normal(μ, σ[j])\n    end\nend\n');
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  await workbench.byTestId('loo-run').click();
  await expect(workbench.byTestId('loo-compare-row')).toHaveCount(2);
  const compared = await workbench.byTestId('loo-compare-row').evaluateAll((rows) => rows.map((r) => [r.querySelector('td')!.textContent, Number(r.querySelectorAll('td')[1]!.getAttribute('data-value')), Number(r.querySelectorAll('td')[2]!.getAttribute('data-value'))]));
  // Named by the model each run sampled (run numbers count every run of the server, other tests' too).
  expect(compared.map((r) => String(r[0]).replace(/\d+/, 'N')).sort()).toEqual(['eight_schools (run N)', 'pooled (run N)']);
  expect(compared[0]!.slice(1)).toEqual([0, 0]);
  expect(compared[1]![1]).toBeLessThan(0);
  expect(compared[1]![2]).toBeGreaterThan(0);
  await workbench.byTestId('loo-compare').scrollIntoViewIfNeeded();
  await workbench.shot('loo-compare');
});
