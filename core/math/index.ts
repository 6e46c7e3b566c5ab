export * from './special.js';
export * from './logexp.js';
