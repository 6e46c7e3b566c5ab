import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, checkDiagnostics, EXAMPLES } from './support/index.js';

// The editor shows the engine's own diagnostics (not a second parser's) on the line they point at,
// and drops them once the line is fixed.
test('a misspelled distribution is marked on its line with the engine message, and the mark goes when fixed', async ({ workbench }, testInfo) => {
  await workbench.openExample('eight_schools');
  const source = await workbench.editorText();
  const lines = source.split('\n');
  const line = lines.findIndex((l) => /^\s*μ ~ Normal\(/.test(l)) + 1;
  expect(line, 'eight_schools.jl has a line `μ ~ Normal(…)`').toBeGreaterThan(0);
  const broken = lines.map((l, i) => (i === line - 1 ? l.replace('Normal(', 'Normall(') : l)).join('\n');

  const brokenPath = testInfo.outputPath('broken.jl');
  writeFileSync(brokenPath, broken);
  const [expected] = await checkDiagnostics(brokenPath, join(EXAMPLES, 'eight_schools.json'));
  expect(expected, 'tilde check reports the misspelling').toBeDefined();
  expect(expected!.line).toBe(line);

  await workbench.replaceSource(broken);
  const diagnostic = workbench.byTestId('diagnostics-list').getByTestId('diagnostic');
  await expect(diagnostic).toHaveCount(1);
  await expect(diagnostic).toHaveAttribute('data-line', String(line));
  await expect(diagnostic).toHaveText(`line ${line}: ${expected!.message}`);
  const editor = workbench.byTestId('editor');
  await expect(editor.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(editor.locator('.cm-lintRange-error')).toHaveText('Normall');
  // The gutter marker stands on the broken line: its top lines up with that line's.
  const markerTop = await editor.locator('.cm-lint-marker-error').evaluate((m) => m.getBoundingClientRect().top);
  const lineBox = await editor.locator('.cm-line').nth(line - 1).evaluate((l) => ({ top: l.getBoundingClientRect().top, bottom: l.getBoundingClientRect().bottom }));
  expect(markerTop).toBeGreaterThanOrEqual(lineBox.top - 2);
  expect(markerTop).toBeLessThan(lineBox.bottom);
  await workbench.shot('misspelled-distribution');

  await workbench.replaceSource(source);
  await expect(diagnostic).toHaveCount(0);
  await expect(editor.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(editor.locator('.cm-lint-marker-error')).toHaveCount(0);
  await workbench.shot('fixed');
});

// Bad input must not cost the user what they had: a run the check already knows will fail is not started
// (it would clear the last run's plots), and a data file that cannot be read says why in the data panel.
test('a typo keeps the last run plotted and names the error; a broken data file says why beside the data, not as missing arguments', async ({ workbench }) => {
  await workbench.openExample('gdemo');
  await workbench.choose({ chains: 1, draws: 100, warmup: 100 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const plotted = await workbench.chartPoints('trace');
  expect(plotted).toBeGreaterThan(0);

  const source = await workbench.editorText();
  const line = source.split('\n').findIndex((l) => l.includes('InverseGamma(')) + 1;
  await workbench.replaceSource(source.replace('InverseGamma(', 'InverseGama('));
  await expect(workbench.byTestId('diagnostic')).toHaveCount(1);
  await workbench.byTestId('run-start').click();
  await expect(workbench.byTestId('notice')).toContainText(`The run cannot start until the model's errors are fixed: line ${line}: unknown function \`InverseGama\``);
  expect(await workbench.runState()).toBe('done');
  expect(await workbench.chartPoints('trace')).toBe(plotted);
  await workbench.shot('typo-keeps-results');

  await workbench.replaceSource(source);
  await expect(workbench.byTestId('notice'), 'the refusal named errors of the older text').toHaveCount(0);
  const [chooser] = await Promise.all([workbench.page.waitForEvent('filechooser'), workbench.byTestId('data-load').click()]);
  await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"x": [1.5,') });
  await expect(workbench.byTestId('data-error')).toHaveText('broken.json: the data is not valid JSON at line 1, column 12: it ends too soon');
  await expect(workbench.byTestId('argument-x')).toHaveCount(0);
  // Marked on the model's arguments, which the data binds to, not on the file's first line (a comment).
  await expect(workbench.byTestId('editor').locator('.cm-lintRange-error')).toHaveText('x');
  await workbench.shot('broken-data');
});
