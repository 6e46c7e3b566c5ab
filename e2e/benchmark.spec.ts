import { test, expect } from './support/index.js';

/** The benchmark's rows (core's backend labels) and the `ad-select` option each stands for. */
const BACKENDS: Record<string, string> = {
  forwarddiff: 'forwarddiff',
  reversediff: 'reversediff',
  'reversediff (compiled)': 'reversediff:compile',
  tracker: 'tracker',
};

test('benchmark backends shows a row per backend with its time per gradient, and the fastest can be used', async ({ workbench }) => {
  await workbench.openExample('eight_schools');
  // The engine's check says what auto runs, before anything is measured: the tape it checked.
  await expect(workbench.byTestId('auto-choice')).toContainText(/^auto chooses reversediff \(compiled\): the model's tape stands for it \(recorded once, its replays agree with fresh recordings at 3 points\)/, { timeout: 30_000 });
  await workbench.byTestId('benchmark-run').click();
  const rows = workbench.byTestId('benchmark-table').getByTestId('benchmark-row');
  await expect(rows).toHaveCount(Object.keys(BACKENDS).length, { timeout: 60_000 });
  expect((await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-backend')))).sort()).toEqual(Object.keys(BACKENDS).sort());
  for (const row of await rows.all()) await expect(row).toContainText(/\d+(\.\d+)?\s*µs/);
  await workbench.shot('benchmark-table');

  const fastest = rows.and(workbench.page.locator('[data-fastest="true"]'));
  await expect(fastest).toHaveCount(1);
  const label = (await fastest.getAttribute('data-backend'))!;
  await fastest.getByTestId('benchmark-use').click();
  await expect(workbench.byTestId('ad-select')).toHaveValue(BACKENDS[label]!);
});
