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
