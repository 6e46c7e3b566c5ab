import type { Real } from '../../ad/index.js';
import { log1mexp } from '../../math/index.js';
import { checkFinite, checkScale } from './check.js';
import { EULER_GAMMA } from './numeric.js';
import { LocationScaleFamily, type StandardForm } from './standard.js';

const standardGumbel: StandardForm = {
  logpdf: (z) => -(z + Math.exp(-z)),
  dlogpdf: (z) => Math.expm1(-z),
  logcdf: (z) => -Math.exp(-z),
  logccdf: (z) => log1mexp(-Math.exp(-z)),
  quantile: (p) => -Math.log(-Math.log(p)),
  cquantile: (q) => -Math.log(-Math.log1p(-q)),
  mean: EULER_GAMMA,
  var: (Math.PI * Math.PI) / 6,
  entropy: 1 + EULER_GAMMA,
  // 12√6 ζ(3) / π³
  skewness: 1.1395470994046488,
  kurtosis: 2.4,
  rand: (rng) => -Math.log(rng.exponential()),
};

export function Gumbel(μ: Real = 0, θ: Real = 1): LocationScaleFamily {
  return new LocationScaleFamily('Gumbel', μ, θ, [checkFinite('Gumbel', 'μ', μ), checkScale('Gumbel', 'θ', θ, 'scale θ')], standardGumbel);
}
