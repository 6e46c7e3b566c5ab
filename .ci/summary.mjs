// Prints the plain closing line CI reads: "N passed, N failed[, N skipped]", from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const path = 'test-results/vitest.json';
if (!existsSync(path)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const r = JSON.parse(readFileSync(path, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
