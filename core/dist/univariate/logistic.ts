import type { Real } from '../../ad/index.js';
import { log1pexp, logistic, logit } from '../../math/index.js';
import { checkFinite, checkScale } from './check.js';
import { LocationScaleFamily, type StandardForm } from './standard.js';

const standardLogistic: StandardForm = {
  // log f(z) = −|z| − 2 log(1 + e^−|z|), symmetric and overflow-free
  logpdf: (z) => -Math.abs(z) - 2 * Math.log1p(Math.exp(-Math.abs(z))),
  dlogpdf: (z) => 1 - 2 * logistic(z),
  logcdf: (z) => -log1pexp(-z),
  logccdf: (z) => -log1pexp(z),
  quantile: logit,
  cquantile: (q) => -logit(q),
  mean: 0,
  var: (Math.PI * Math.PI) / 3,
  entropy: 2,
  skewness: 0,
  kurtosis: 1.2,
  rand: (rng) => logit(rng.uniform()),
};

export function Logistic(μ: Real = 0, θ: Real = 1): LocationScaleFamily {
  return new LocationScaleFamily('Logistic', μ, θ, [checkFinite('Logistic', 'μ', μ), checkScale('Logistic', 'θ', θ, 'scale θ')], standardLogistic);
}
