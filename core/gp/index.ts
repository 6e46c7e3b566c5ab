export type { Kernel } from './kernel.js';
export { sqExponentialKernel, exponentialKernel, gammaExponentialKernel, matern32Kernel, matern52Kernel, maternKernel, rationalQuadraticKernel } from './stationary.js';
export { linearKernel, polynomialKernel, constantKernel, zeroKernel, whiteKernel, periodicKernel } from './base-kernels.js';
export { scaledKernel, kernelSum, kernelProduct, withLengthscale, withScale } from './combinations.js';
export { points, type Points } from './points.js';
export { kernelMatrix, kernelMatrixDiag } from './kernel-matrix.js';
export { FiniteGP, DEFAULT_NOISE, constantMean, type GaussianProcess } from './finite-gp.js';
