import type { Real } from '../../ad/index.js';
import { checkFinite, checkScale } from './check.js';
import { LocationScaleFamily, type StandardForm } from './standard.js';

const standardLaplace: StandardForm = {
  logpdf: (z) => -Math.abs(z) - Math.LN2,
  dlogpdf: (z) => -Math.sign(z),
  logcdf: (z) => (z < 0 ? z - Math.LN2 : Math.log1p(-0.5 * Math.exp(-z))),
  logccdf: (z) => (z > 0 ? -z - Math.LN2 : Math.log1p(-0.5 * Math.exp(z))),
  quantile: (p) => (p < 0.5 ? Math.log(2 * p) : -Math.log(2 * (1 - p))),
  cquantile: (q) => (q < 0.5 ? -Math.log(2 * q) : Math.log(2 * (1 - q))),
  mean: 0,
  var: 2,
  entropy: 1 + Math.LN2,
  skewness: 0,
  kurtosis: 3,
  // The difference of two standard exponentials is standard Laplace.
  rand: (rng) => rng.exponential() - rng.exponential(),
};

export function Laplace(μ: Real = 0, b: Real = 1): LocationScaleFamily {
  return new LocationScaleFamily('Laplace', μ, b, [checkFinite('Laplace', 'μ', μ), checkScale('Laplace', 'b', b, 'scale b')], standardLaplace);
}
