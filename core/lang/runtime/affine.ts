import { ops, value, type Real } from '../../ad/index.js';
import { LocationScale, type Distribution, type Univariate } from '../../dist/index.js';
import { describe, isDistribution, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { numeric } from './scalars.js';

/**
 * Affine arithmetic on univariate distributions, Distributions.jl's `AffineDistribution`:
 * `μ + σ * TDist(ν)`, `D * σ + μ`, `D + μ`, `D / σ`. Results remember their parts, so a chain of
 * operations yields one LocationScale of the original distribution rather than nested ones.
 */

interface Affine {
  μ: Real;
  σ: Real;
  ρ: Univariate;
}

const partsOf = new WeakMap<Distribution, Affine>();

function affine(μ: Real, σ: Real, ρ: Univariate): Distribution {
  if (!(value(σ) > 0)) fail(`the scale of an affine transformation of a ${ρ.family} distribution must be positive, got ${value(σ)}`);
  const d = LocationScale(μ, σ, ρ);
  partsOf.set(d, { μ, σ, ρ });
  return d;
}

export function affineDistribution(op: string, a: Value, b: Value): Value {
  const distFirst = isDistribution(a);
  const d = (distFirst ? a : b) as Distribution;
  const c = numeric(distFirst ? b : a);
  if (c === undefined || d.variate !== 'univariate') return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
  const { μ, σ, ρ } = partsOf.get(d) ?? { μ: 0, σ: 1, ρ: d as Univariate };
  switch (op) {
    case '+':
      return affine(ops.add(μ, c), σ, ρ);
    case '-':
      if (distFirst) return affine(ops.sub(μ, c), σ, ρ);
      return affine(ops.sub(c, μ), ops.neg(σ), ρ);
    case '*':
      return affine(ops.mul(c, μ), ops.mul(c, σ), ρ);
    case '/':
      if (distFirst) return affine(ops.div(μ, c), ops.div(σ, c), ρ);
  }
  return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
}
