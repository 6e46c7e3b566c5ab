export { type Distribution, type Univariate, type Multivariate, type Variate, DistributionArgumentError } from './types.js';
export * from './univariate/index.js';
export * from './multivariate/index.js';
export { pushforward, supportBijector } from './pushforward.js';
export { guardSupport } from './support-guard.js';
