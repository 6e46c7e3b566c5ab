import type { Real } from '../../ad/index.js';
import { LOG_SQRT_2PI, normlogccdf, normlogcdf, norminvcdf } from '../../math/index.js';
import { checkFinite, checkScaleOrZero } from './check.js';
import { LocationScaleFamily, type StandardForm } from './standard.js';

export const standardNormal: StandardForm = {
  logpdf: (z) => -0.5 * z * z - LOG_SQRT_2PI,
  dlogpdf: (z) => -z,
  logcdf: normlogcdf,
  logccdf: normlogccdf,
  quantile: norminvcdf,
  cquantile: (q) => -norminvcdf(q),
  mean: 0,
  var: 1,
  entropy: (Math.log(2 * Math.PI) + 1) / 2,
  skewness: 0,
  kurtosis: 0,
  rand: (rng) => rng.normal(),
};

/** Normal(μ, σ) for σ ≥ 0, as Distributions.jl: σ = 0 is the point mass at μ, its functions the limits as σ → 0. */
export function Normal(μ: Real = 0, σ: Real = 1): LocationScaleFamily {
  return new LocationScaleFamily('Normal', μ, σ, [checkFinite('Normal', 'μ', μ), checkScaleOrZero('Normal', 'σ', σ)], standardNormal);
}
