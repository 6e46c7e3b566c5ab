export { test, expect } from './fixtures.js';
export { startWebServer, REPOSITORY, type WebServer } from './server.js';
export { Workbench, CHARTS, SCREENSHOTS, type RunChoice, type RunState, type ChainProgress, type ChartName } from './workbench.js';
export { tilde, sampleExample, summariseCsv, checkDiagnostics, EXAMPLES } from './cli.js';
export { parseCsv, firstCellDifference, summaryTable } from './csv.js';
