export { test, expect } from './fixtures.js';
export { REPOSITORY } from './server.js';
export type { RunChoice } from './workbench.js';
export { sampleExample, summariseCsv, summaryText, checkDiagnostics, pointwiseLoo, EXAMPLES } from './cli.js';
export { parseCsv, firstCellDifference, summaryTable } from './csv.js';
