export { CsvError } from './error.js';
export { formatNumber, parseNumber, type NumberDialect } from './number.js';
export { csvHeader, csvTable } from './table.js';
export { toWideCsv, toStanCsv } from './write.js';
export { readDrawsCsv, type ReadCsvOptions } from './read.js';
export type { CsvLayout } from './layout.js';
