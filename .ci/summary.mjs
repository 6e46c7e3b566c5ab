// Prints the plain closing line CI reads: "N passed, N failed[, N skipped]", summed over vitest's JSON
// reports of the unit suite and the posterior suite and Playwright's JSON report of the end-to-end suite.
import { existsSync, readFileSync } from 'node:fs';

const vitest = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) });
// Playwright: expected = passed, unexpected = failed, flaky = passed on a retry; an error outside any test
// (a broken config, a fixture that could not start the server) fails the run too.
const playwright = (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0), skipped: r.stats.skipped });

/** Each report with the reader of its tool's format. */
const reports = {
  'test-results/vitest.json': vitest,
  'test-results/vitest-posterior.json': vitest,
  'test-results/playwright.json': playwright,
};
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [path, counts] of Object.entries(reports)) {
  // A run that wrote no report failed before its tests could: it counts as one failure.
  if (!existsSync(path)) {
    failed += 1;
    continue;
  }
  const c = counts(JSON.parse(readFileSync(path, 'utf8')));
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
