export { type Diagnostic, type Span, lineColumn, diagnostic, ModelError } from './diagnostic.js';
