export { DataPanel } from './DataPanel';
export { previewData, PREVIEW_ROWS, type DataPreview, type JsonEntryPreview } from './data-preview';
export { dataFileFrom } from './data-file';
