export { debounce, type Debounced } from './debounce';
export { errorMessage } from './error-message';
