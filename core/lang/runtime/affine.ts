import { describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';

/** Affine arithmetic on univariate distributions (`μ + σ * TDist(ν)`), Distributions.jl's `LocationScale`. */
export function affineDistribution(op: string, a: Value, b: Value): Value {
  return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
}
