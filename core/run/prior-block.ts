import { value, type Real } from '../ad/index.js';
import type { Distribution } from '../dist/index.js';
import { interiorDraw, logpdfFlat, type BoundModel, type VarName } from '../model/index.js';
import { attempt, type DensityTarget, type GibbsBlock } from '../infer/gibbs/index.js';
import { metropolis } from '../infer/mh/index.js';
import { refuseImproperPriors } from './improper-prior.js';
import { isNamed } from './targets.js';

export interface Scored {
  theta: Float64Array;
  logjoint: number;
  /** The block's own prior terms: the proposal's log density. */
  logq: number;
}

/** The model at the values `pick` gives (constrained), with the log joint and, apart, the prior terms of the block's variables. */
export function scoreBlock(bound: BoundModel, inBlock: (vn: VarName) => boolean, pick: (vn: VarName, dist: Distribution) => Real[] | undefined): Scored {
  let logq = 0;
  const { parts, unconstrained } = bound.evaluateAt((vn, dist) => {
    const x = pick(vn, dist);
    if (x !== undefined && inBlock(vn)) logq += value(logpdfFlat(dist, x));
    return x;
  });
  return { theta: unconstrained, logjoint: parts.logjoint, logq };
}

/** The constrained values of every variable at a full unconstrained position, by name. */
export function valuesAt(bound: BoundModel, position: Float64Array): Map<string, Real[]> {
  return new Map(bound.run(Array.from(position), true).variables.map((v) => [v.name, Array.from(v.value)]));
}

/**
 * Turing's `MH()` as a Gibbs block: the block's variables drawn afresh from their prior given the
 * other variables' current values, accepted with the ratio of the rest of the joint (their own prior
 * terms cancel with the proposal's density, and the transforms' Jacobians with each other). Unlike a
 * ±1 random walk, a discrete change point can jump straight between distant modes.
 */
export function priorBlock(bound: BoundModel, names: readonly string[], indices: readonly number[]): GibbsBlock<DensityTarget> {
  const inBlock = (vn: VarName) => isNamed(vn.name, names);
  refuseImproperPriors(bound, 'MH', inBlock);
  const score = (pick: (vn: VarName, dist: Distribution) => Real[] | undefined): Scored => scoreBlock(bound, inBlock, pick);
  return {
    indices: [...indices],
    update: (rng, position, conditional) => {
      if (!conditional.embed) throw new Error('a prior-proposal block needs its conditional target to embed the block in the full position');
      const values = valuesAt(bound, conditional.embed(position));
      const current = score((vn) => values.get(vn.name));
      const proposed = attempt(() => score((vn, dist) => (inBlock(vn) ? interiorDraw(dist, rng) : values.get(vn.name))));
      const logRatio = proposed.ok && Number.isFinite(proposed.value.logjoint) ? proposed.value.logjoint - proposed.value.logq - (current.logjoint - current.logq) : NaN;
      const { accepted, rate } = metropolis(rng, logRatio);
      const info = { acceptance_rate: rate, is_accept: proposed.ok && accepted };
      if (!proposed.ok || !accepted) return { position: position.slice(), info };
      return { position: Float64Array.from(indices, (i) => proposed.value.theta[i]!), info };
    },
  };
}
