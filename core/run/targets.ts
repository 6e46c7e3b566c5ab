import { makeGradient, value, type BackendName, type BackendOptions, type Real } from '../ad/index.js';
import type { Rng } from '../rng/index.js';
import { PriorContext, ModelError, type BoundModel } from '../model/index.js';
import type { DensityTarget, GradientTarget } from '../infer/gibbs/index.js';
import type { PriorProposalTarget } from '../infer/mh/index.js';
import { refuseImproperPriors } from './improper-prior.js';

/** Which unconstrained coordinates belong to discrete variables (they stay integers). */
export function discreteCoordinates(bound: BoundModel): boolean[] {
  return bound.variables.flatMap((v) => new Array<boolean>(v.unconstrainedLength).fill(v.discrete));
}

const baseOf = (name: string): string => name.replace(/[[.].*$/, '');

/** Whether a variable is one of `names`, by its name or its base name (`θ` names `θ[2]`). */
export function isNamed(name: string, names: readonly string[]): boolean {
  return names.includes(name) || names.includes(baseOf(name));
}

/** The unconstrained coordinates of the named variables (by name or base name), in order. */
export function coordinatesOf(bound: BoundModel, names: readonly string[]): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const v of bound.variables) {
    if (isNamed(v.name, names)) for (let k = 0; k < v.unconstrainedLength; k++) out.push(offset + k);
    offset += v.unconstrainedLength;
  }
  const known = new Set(bound.variables.flatMap((v) => [v.name, baseOf(v.name)]));
  const unknown = names.find((n) => !known.has(n));
  if (unknown !== undefined) throw new ModelError(`\`${unknown}\` is not a parameter of the model; it has ${bound.variables.map((v) => `\`${v.name}\``).join(', ')}`, undefined);
  return out;
}

export function densityTarget(bound: BoundModel): DensityTarget {
  return {
    dimension: bound.dimension,
    discrete: discreteCoordinates(bound),
    logdensity: (theta) => value(bound.logdensity(Array.from(theta))),
  };
}

/**
 * The log density with its gradient in the continuous coordinates only: discrete ones enter as the
 * plain numbers they are, with a zero partial, so a gradient block of a Gibbs sampler can run on a
 * model that also has discrete parameters.
 */
export function mixedGradientTarget(bound: BoundModel, backend: BackendName, options: BackendOptions): GradientTarget {
  const discrete = discreteCoordinates(bound);
  const continuous = discrete.flatMap((d, i) => (d ? [] : [i]));
  const current = new Float64Array(bound.dimension);
  const splice = (free: readonly Real[]): Real[] => {
    const theta: Real[] = Array.from(current);
    continuous.forEach((i, k) => (theta[i] = free[k]!));
    return theta;
  };
  const gradient = makeGradient((free) => bound.logdensity(splice(free)), continuous.length, backend, options);
  const base = densityTarget(bound);
  return {
    ...base,
    logdensityAndGradient: (theta) => {
      current.set(theta);
      const r = gradient(Float64Array.from(continuous, (i) => theta[i]!));
      const grad = new Float64Array(bound.dimension);
      continuous.forEach((i, k) => (grad[i] = r.grad[k]!));
      return { value: r.value, grad };
    },
  };
}

/** Turing's `MH()`: proposals drawn from the prior, weighed by the likelihood. */
export function priorProposalTarget(bound: BoundModel): PriorProposalTarget {
  refuseImproperPriors(bound, 'MH', () => true);
  return {
    ...densityTarget(bound),
    drawPrior: (rng: Rng) => drawFromPrior(bound, rng),
    loglikelihood: (theta) => bound.weightAt(Array.from(theta)),
  };
}

/** A draw from the prior, as an unconstrained vector. */
export function drawFromPrior(bound: BoundModel, rng: Rng): Float64Array {
  const prior = new PriorContext(rng);
  bound.model.run(prior, bound.args);
  const values = new Map(prior.variables.map((v) => [v.name, Array.from(v.value)]));
  return bound.evaluateAt((vn) => values.get(vn.name)).unconstrained;
}
