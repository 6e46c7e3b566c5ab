export { fullCovariance, diagonalCovariance, scaledIdentityCovariance, type CovarianceSpec } from './covariance.js';
export { MvNormal } from './mvnormal.js';
