export { CsvError } from './error.js';
export { formatNumber, formatRows, parseNumber, parseRow, type NumberDialect } from './number.js';
export { csvHeader, csvTable } from './table.js';
export { toWideCsv, toStanCsv } from './write.js';
export { readDrawsCsv, type ReadCsvOptions } from './read.js';
export type { CsvLayout } from './layout.js';
