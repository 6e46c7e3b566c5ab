export type { Support, Bijector } from './types.js';
export { bijectorFor } from './bijector-for.js';
export { transpose } from './matrix.js';
