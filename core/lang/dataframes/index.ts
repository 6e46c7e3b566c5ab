export { frameFunctions, frameReaders } from './functions.js';
export { getFrameIndex, setFrameIndex, setFrameField } from './frame-index.js';
export { frameMatrix } from './matrix.js';
export { columnOf } from './columns.js';
export { BetweenIndex, ColsIndex, NotIndex } from './selectors.js';
export { readingTheTable, tableOf, tableReader, TABLE_SOURCE, type DataTable, type TableReader } from './sources.js';
export { tableArguments } from './arguments.js';
export { namingTextColumns, textArguments } from './text-columns.js';
