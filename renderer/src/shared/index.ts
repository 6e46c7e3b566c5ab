export { debounce, type Debounced } from './debounce';
export { errorMessage } from './error-message';
export { useNoticeStore, showError, type Notice } from './notice-store';
export { formatShape } from './shape';
export { NumberField } from './NumberField';
