export { UnivariateDistribution } from './base.js';
export { Normal } from './normal.js';
export { Cauchy } from './cauchy.js';
export { Logistic } from './logistic.js';
export { Laplace } from './laplace.js';
export { Gumbel } from './gumbel.js';
