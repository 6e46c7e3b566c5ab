export * from './special.js';
export * from './logexp.js';
export * from './linalg.js';
export * from './bessel.js';
