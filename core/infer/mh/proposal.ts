import { cholesky, matVec } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';

/**
 * A Gaussian random-walk proposal N(0, scale² Σ), Σ diagonal (its standard deviations) or dense (its
 * lower Cholesky factor, column-major). Kept as data so a chain's settings can be sent and logged.
 */
export type RandomWalkProposal =
  | { readonly kind: 'diagonal'; readonly dimension: number; readonly scale: number; readonly sd: Float64Array }
  | { readonly kind: 'dense'; readonly dimension: number; readonly scale: number; readonly factor: Float64Array };

export interface RandomWalkOptions {
  /**
   * d variances (a diagonal Σ) or a d×d column-major covariance; the identity when absent, Turing's
   * default of a standard normal step in every coordinate.
   */
  readonly covariance?: ArrayLike<number>;
  /** Multiplies every continuous step: the proposal's standard deviations are scale · √Σᵢᵢ. */
  readonly scale?: number;
}

const SYMMETRY_TOLERANCE = 1e-12;

export function randomWalkProposal(dimension: number, options: RandomWalkOptions = {}): RandomWalkProposal {
  if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`a proposal needs a positive integer dimension, got ${dimension}`);
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`the proposal scale must be positive and finite, got ${scale}`);
  const cov = options.covariance ?? new Float64Array(dimension).fill(1);
  if (cov.length === dimension) {
    const sd = new Float64Array(dimension);
    for (let i = 0; i < dimension; i++) {
      const v = cov[i]!;
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`proposal variance ${i} must be positive and finite, got ${v}`);
      sd[i] = Math.sqrt(v);
    }
    return { kind: 'diagonal', dimension, scale, sd };
  }
  if (cov.length !== dimension * dimension) {
    throw new RangeError(`a proposal covariance for ${dimension} coordinates has ${dimension} (diagonal) or ${dimension * dimension} (dense) values, got ${cov.length}`);
  }
  for (let j = 0; j < dimension; j++) {
    for (let i = j + 1; i < dimension; i++) {
      const a = cov[i + j * dimension]!;
      const b = cov[j + i * dimension]!;
      if (!(Math.abs(a - b) <= SYMMETRY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1))) throw new RangeError(`the proposal covariance is not symmetric at (${i}, ${j}): ${a} vs ${b}`);
    }
  }
  const factor = cholesky(cov, dimension);
  if (factor === null) throw new RangeError('the proposal covariance is not positive definite');
  return { kind: 'dense', dimension, scale, factor };
}

/**
 * A proposed point. Discrete coordinates step by ±1 with equal probability, a symmetric move that
 * keeps them integer and reaches every integer; Σ and scale act on the continuous ones only (a dense
 * Σ's continuous block keeps its correlations, its discrete rows go unused).
 */
export function proposeRandomWalk(rng: Rng, position: Float64Array, proposal: RandomWalkProposal, discrete: readonly boolean[] | undefined): Float64Array {
  const d = proposal.dimension;
  const next = position.slice();
  const isDiscrete = (i: number): boolean => discrete?.[i] === true;
  if (proposal.kind === 'diagonal') {
    for (let i = 0; i < d; i++) next[i]! += isDiscrete(i) ? integerStep(rng) : proposal.scale * proposal.sd[i]! * rng.normal();
    return next;
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) z[i] = rng.normal();
  const w = matVec(proposal.factor, z, d, d);
  for (let i = 0; i < d; i++) next[i]! += isDiscrete(i) ? integerStep(rng) : proposal.scale * w[i]!;
  return next;
}

function integerStep(rng: Rng): number {
  return rng.uniform() < 0.5 ? -1 : 1;
}
