export { ADNum, isAD, value, node, anyAD, backendOf, type Real, type NodeFactory } from './real.js';
export * as ops from './ops.js';
export { forwardGradient, defaultChunkSize, type GradientResult } from './forward.js';
export { finiteDifferenceGradient } from './finite.js';
