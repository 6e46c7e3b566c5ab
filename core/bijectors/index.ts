export type { Support, Bijector } from './types.js';
