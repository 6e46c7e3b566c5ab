import type { Real } from '../../ad/index.js';
import { checkFinite, checkScale } from './check.js';
import { LocationScaleFamily, type StandardForm } from './standard.js';

/** F(z) for z ≤ 0 as atan(1/|z|)/π, which keeps full relative precision where 1/2 + atan(z)/π cancels. */
function lowerTail(z: number): number {
  return z === 0 ? 0.5 : Math.atan(-1 / z) / Math.PI;
}

/** tan(π(p − 1/2)) written as −cot(πp) below 1/2 so small p keeps its precision. */
function cauchyQuantile(p: number): number {
  return p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
}

const standardCauchy: StandardForm = {
  logpdf: (z) => -Math.log(Math.PI) - Math.log1p(z * z),
  dlogpdf: (z) => (-2 * z) / (1 + z * z),
  logcdf: (z) => (z <= 0 ? Math.log(lowerTail(z)) : Math.log1p(-lowerTail(-z))),
  logccdf: (z) => (z >= 0 ? Math.log(lowerTail(-z)) : Math.log1p(-lowerTail(z))),
  quantile: cauchyQuantile,
  cquantile: (q) => -cauchyQuantile(q),
  mean: NaN, // Distributions.jl: the Cauchy has no mean or variance
  var: NaN,
  entropy: Math.log(4 * Math.PI),
  skewness: NaN,
  kurtosis: NaN,
  rand: (rng) => Math.tan(Math.PI * (rng.uniform() - 0.5)),
};

export function Cauchy(μ: Real = 0, σ: Real = 1): LocationScaleFamily {
  return new LocationScaleFamily('Cauchy', μ, σ, [checkFinite('Cauchy', 'μ', μ), checkScale('Cauchy', 'σ', σ)], standardCauchy);
}
