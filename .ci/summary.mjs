// Prints the plain closing line CI reads: "N passed, N failed[, N skipped]", summed over vitest's JSON
// reports of the unit suite and the posterior suite.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['test-results/vitest.json', 'test-results/vitest-posterior.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of reports) {
  // A run that wrote no report failed before its tests could: it counts as one failure.
  if (!existsSync(path)) {
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(path, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
