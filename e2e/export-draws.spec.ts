import { test, expect, sampleExample, firstCellDifference, type RunChoice } from './support/index.js';

const CHOICE: RunChoice = { ad: 'forwarddiff', sampler: 'nuts', chains: 2, draws: 200, warmup: 200, seed: 7 };

test('the exported draws equal, cell for cell, the CSV tilde sample writes with the same settings and seed', async ({ workbench }, testInfo) => {
  await workbench.openExample('eight_schools');
  await workbench.choose(CHOICE);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  await workbench.shot('done');

  const download = await workbench.download('export-draws-wide');
  expect(download.name).toMatch(/\.csv$/);
  const expected = await sampleExample('eight_schools', CHOICE, testInfo.outputPath('eight_schools.csv'));
  expect(firstCellDifference(download.text, expected), 'the first cell where the download differs from tilde sample --out').toBeNull();
});
