import { writeFileSync } from 'node:fs';
import { KIDIQ_CSV, KIDIQ_SCRIPT } from '../core/lang/dataframes/fixtures.js';
import { TURING_MODELS } from '../core/lang/turing-models.js';
import { test, expect } from './support/index.js';

/** Turing's introductory coin-flip tutorial, as its page gives it: data drawn in the script, the model conditioned by a method of its own name. */
const COINFLIP = TURING_MODELS.coinflipTutorial!;

test("a tutorial script pasted whole runs with the data it makes itself, and the data panel says where it came from", async ({ workbench }) => {
  await workbench.replaceSource(COINFLIP);
  await expect(workbench.byTestId('argument-N')).toContainText("from the file's call of the model", { timeout: 30_000 });
  await workbench.shot('pasted-coinflip');

  await workbench.choose({ sampler: 'nuts', chains: 2, draws: 400, warmup: 300, seed: 3 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const p = workbench.byTestId('summary-row').and(workbench.page.locator('[data-parameter="p"]'));
  await expect(p).toHaveCount(1);
  // 100 tosses of a fair coin: the posterior mean of p is within a few of its sds (≈ 0.05) of 0.5.
  const mean = Number(await p.locator('td[data-column="mean"]').getAttribute('data-value'));
  expect(mean).toBeGreaterThan(0.3);
  expect(mean).toBeLessThan(0.7);
  // Both chains' 400 draws end up in the trace.
  await expect.poll(() => workbench.chartPoints('trace'), { timeout: 30_000 }).toBe(800);
  await workbench.shot('pasted-coinflip-done');

  // The script's own `sample(model, HMC(ϵ, τ), iterations)` line, offered and taken with one click.
  await expect(workbench.byTestId('script-run')).toContainText('HMC(ϵ = 0.05, n_leapfrog = 10), 1000 draws');
  await workbench.byTestId('script-run-use').click();
  await expect(workbench.byTestId('sampler-select')).toHaveValue('hmc');
  await expect(workbench.byTestId('draws-input')).toHaveValue('1000');
  await expect(workbench.byTestId('script-run-in-use')).toBeVisible();
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  await workbench.shot('pasted-coinflip-script-settings');
});

test('data naming a random variable conditions it, and the data panel lists it as doing so', async ({ workbench }, testInfo) => {
  const { page } = workbench;
  await workbench.openExample('gdemo');
  const dataPath = testInfo.outputPath('gdemo-conditioned.json');
  writeFileSync(dataPath, JSON.stringify({ x: [1.5, 2.0], m: 1 }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), workbench.byTestId('data-load').click()]);
  await chooser.setFiles(dataPath);
  await expect(workbench.byTestId('argument-m')).toContainText('conditions this random variable', { timeout: 30_000 });
  await expect(workbench.byTestId('argument-m')).toHaveAttribute('data-status', 'conditions');
  await workbench.shot('conditioned-variable');

  await workbench.choose({ sampler: 'nuts', chains: 1, draws: 300, warmup: 200, seed: 2 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  // m is observed now: s² is the model's only parameter.
  expect([...(await workbench.summary()).keys()]).toEqual(['s²']);
});

test("a script that reads its data as a data frame runs on the CSV loaded, and the data panel says the arguments come from the script", async ({ workbench }, testInfo) => {
  const { page } = workbench;
  await workbench.replaceSource(KIDIQ_SCRIPT);
  // Before the table is loaded, the line that reads it says which file to load.
  await expect(workbench.byTestId('argument-X')).toHaveAttribute('data-status', 'missing', { timeout: 30_000 });
  await expect(workbench.byTestId('diagnostic').and(page.locator('[data-line="2"]'))).toContainText('load kidiq.csv in the data panel');
  const dataPath = testInfo.outputPath('kidiq.csv');
  writeFileSync(dataPath, KIDIQ_CSV);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), workbench.byTestId('data-load').click()]);
  await chooser.setFiles(dataPath);
  await expect(workbench.byTestId('argument-X')).toContainText("from the file's call of the model", { timeout: 30_000 });
  await expect(workbench.byTestId('argument-X')).toContainText('10×3');
  await workbench.shot('data-frame-script');

  await workbench.choose({ sampler: 'nuts', chains: 2, draws: 300, warmup: 300, seed: 4 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  // The summary is the run's diagnosis, which arrives just after the run ends.
  await expect.poll(async () => [...(await workbench.summary()).keys()], { timeout: 30_000 }).toEqual(['α', 'β[1]', 'β[2]', 'β[3]', 'σ']);
  await workbench.shot('data-frame-script-done');
});
