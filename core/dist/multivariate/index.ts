export { fullCovariance, diagonalCovariance, scaledIdentityCovariance, type CovarianceSpec } from './covariance.js';
export { MvNormal } from './mvnormal.js';
export { MvNormalCanon } from './mvnormalcanon.js';
export { MvLogNormal } from './mvlognormal.js';
export { MvTDist } from './mvtdist.js';
export { Dirichlet } from './dirichlet.js';
export { Multinomial } from './multinomial.js';
export { LKJ } from './lkj.js';
export { LKJCholesky } from './lkjcholesky.js';
