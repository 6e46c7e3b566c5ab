export * from './special.js';
export * from './log-factorial.js';
export * from './logexp.js';
export * from './linalg.js';
export * from './bessel.js';
export * from './bessel-k.js';
