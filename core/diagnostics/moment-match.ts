import { drawsMatrix, type DrawsMatrix } from '../chains/index.js';
import { cholesky, forwardSubst, logaddexp, matMul, matVec } from '../math/index.js';
import { looPointwise, relativeEff, summarizeLoo, sumOfSquaredWeights, PARETO_K_BAD, type Loo, type LooPointwise } from './loo.js';
import { mean, sum, variance } from './moments.js';
import { importanceWeights } from './psis.js';

/**
 * What moment matching asks of the model: the posterior draws on the unconstrained scale, in the order of
 * the log-likelihood matrices (draws fastest, then chains), and two functions of any such points.
 */
export interface MomentMatchModel {
  /** S points of d unconstrained coordinates. */
  readonly draws: readonly Float64Array[];
  /** The unconstrained log density (the log-Jacobian of the transforms included) at each point; a constant may be left out. */
  logDensity(points: readonly Float64Array[]): Float64Array;
  /** Observation i's log-likelihood at each point. */
  logLik(i: number, points: readonly Float64Array[]): Float64Array;
}

export interface MomentMatchOptions {
  /** Observations whose k exceeds this are matched, and matching stops when k falls to it (default 0.7). */
  kThreshold?: number;
  /** At most this many transformations an observation (default 30). */
  maxIterations?: number;
  /** Transform half the draws and weight them as a mixture (default true): unbiased where the full transformation is not. */
  split?: boolean;
  /** Also try matching the covariance (default true; left out when S < 10 d, too few draws to estimate it). */
  covariance?: boolean;
}

/** What matching did to one observation. */
export interface MomentMatched {
  index: number;
  kBefore: number;
  /** Transformations accepted: 0 when none lowered k. */
  transformations: number;
  /** Every transformation allowed was taken and k is still above the threshold (R's loo warns a step earlier, on entering the last). */
  reachedLimit: boolean;
}

export interface MomentMatchedLoo {
  loo: Loo;
  matched: MomentMatched[];
}

/** How many affine maps an observation may take by default (loo's `max_iters`). */
export const MAX_MOMENT_MATCH_TRANSFORMATIONS = 30;

type Points = Float64Array[];

/** The affine map accumulated over the accepted transformations: x ↦ M((x − m) ∘ scaling) + m + shift. */
interface Affine {
  shift: Float64Array;
  scaling: Float64Array;
  /** Lower triangular (each step's is, and so their product), column-major d × d. */
  mapping: Float64Array;
}

function columnMeans(x: Points, d: number): Float64Array {
  return Float64Array.from({ length: d }, (_, j) => mean(x.map((p) => p[j]!)));
}

/** Σₛ wₛ xₛ for normalized log weights. */
function weightedMeans(x: Points, logWeights: Float64Array, d: number): Float64Array {
  return Float64Array.from({ length: d }, (_, j) => sum(x.map((p, s) => Math.exp(logWeights[s]!) * p[j]!)));
}

/** x ↦ M x + to for every point, M column-major d × d (R's `sweep(tcrossprod(x, M), 2, to, "+")`). */
function mapPoints(x: Points, mapping: Float64Array, to: Float64Array, d: number): Points {
  return x.map((p) => matVec(mapping, p, d, d).map((v, i) => v + to[i]!));
}

function centered(x: Points, by: Float64Array): Points {
  return x.map((p) => p.map((v, j) => v - by[j]!));
}

function identity(d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let j = 0; j < d; j++) m[j + j * d] = 1;
  return m;
}

/** L⁻¹ of a lower-triangular L, column by column. */
function lowerInverse(l: Float64Array, d: number): Float64Array {
  const inv = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    const e = new Float64Array(d);
    e[j] = 1;
    inv.set(forwardSubst(l, e, d), j * d);
  }
  return inv;
}

interface Step {
  upars: Points;
  shift: Float64Array;
  scaling?: Float64Array;
  mapping?: Float64Array;
}

/** Moves the draws' mean to the weighted mean (loo's `shift`). */
function shift(upars: Points, lw: Float64Array, d: number): Step {
  const original = columnMeans(upars, d);
  const weighted = weightedMeans(upars, lw, d);
  const by = weighted.map((w, j) => w - original[j]!);
  return { upars: upars.map((p) => p.map((v, j) => v + by[j]!)), shift: by };
}

/** Matches the weighted mean and marginal variances (loo's `shift_and_scale`). */
function shiftAndScale(upars: Points, lw: Float64Array, d: number): Step {
  const s = upars.length;
  const original = columnMeans(upars, d);
  const weighted = weightedMeans(upars, lw, d);
  const scaling = Float64Array.from({ length: d }, (_, j) => {
    const column = upars.map((p) => p[j]!);
    const weightedVariance = ((sum(column.map((v, r) => Math.exp(lw[r]!) * (v * v))) - weighted[j]! ** 2) * s) / (s - 1);
    return Math.sqrt(weightedVariance / variance(column));
  });
  return { upars: upars.map((p) => p.map((v, j) => (v - original[j]!) * scaling[j]! + weighted[j]!)), shift: weighted.map((w, j) => w - original[j]!), scaling };
}

/** The unbiased weighted covariance (R's `cov.wt`), and the plain one. */
function covariances(upars: Points, lw: Float64Array, d: number): { plain: Float64Array; weighted: Float64Array } {
  const s = upars.length;
  const w = lw.map(Math.exp);
  const total = sum(w);
  const wn = w.map((v) => v / total);
  const center = Float64Array.from({ length: d }, (_, j) => sum(upars.map((p, r) => wn[r]! * p[j]!)));
  const around = centered(upars, columnMeans(upars, d));
  const aroundWeighted = centered(upars, center).map((p, r) => p.map((v) => Math.sqrt(wn[r]!) * v));
  const sumSquaredWeights = sum(wn.map((v) => v * v));
  const plain = new Float64Array(d * d);
  const weighted = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const p = sum(around.map((x) => x[i]! * x[j]!)) / (s - 1);
      const q = sum(aroundWeighted.map((x) => x[i]! * x[j]!)) / (1 - sumSquaredWeights);
      plain[i + j * d] = plain[j + i * d] = p;
      weighted[i + j * d] = weighted[j + i * d] = q;
    }
  }
  return { plain, weighted };
}

/** Matches the weighted mean and covariance (loo's `shift_and_cov`); the identity map when the weighted covariance is not positive definite. */
function shiftAndCov(upars: Points, lw: Float64Array, d: number): Step {
  const original = columnMeans(upars, d);
  const weighted = weightedMeans(upars, lw, d);
  const { plain, weighted: wcov } = covariances(upars, lw, d);
  const l1 = cholesky(wcov, d);
  const l2 = l1 && cholesky(plain, d);
  const mapping = l1 && l2 ? matMul(l1, lowerInverse(l2, d), d, d, d) : identity(d);
  return { upars: mapPoints(centered(upars, original), mapping, weighted, d), shift: weighted.map((w, j) => w - original[j]!), mapping };
}

interface Weights {
  lw: Float64Array;
  /** The weights of the proposal against the posterior alone, whose n_eff bounds the observation's. */
  lwf: Float64Array;
  ll: Float64Array;
  k: number;
}

/**
 * Split moment matching (loo's `loo_moment_match_split`): the first half of the draws moved by the whole
 * transformation, the second by its inverse, each weighted as a draw from the even mixture of the two.
 */
function splitWeights(model: MomentMatchModel, i: number, total: Affine, covariance: boolean, rEff: number, d: number): Weights & { rEff: number } {
  const upars = model.draws as Points;
  const s = upars.length;
  const half = Math.floor(0.5 * s);
  const m = columnMeans(upars, d);
  const mapping = covariance ? total.mapping : identity(d);
  const forward = mapPoints(
    centered(upars, m).map((p) => p.map((v, j) => v * total.scaling[j]!)),
    mapping,
    total.shift.map((v, j) => v + m[j]!),
    d,
  );
  // loo's inverse, which puts the shift after the scaling: M⁻¹(x − m) / scaling + m − shift.
  const back = m.map((v, j) => v - total.shift[j]!);
  const inverse = mapPoints(centered(upars, m), lowerInverse(mapping, d), new Float64Array(d), d).map((p) => p.map((v, j) => v / total.scaling[j]! + back[j]!));
  const halfForward = upars.map((p, r) => (r < half ? forward[r]! : p));
  const halfInverse = upars.map((p, r) => (r < half ? p : inverse[r]!));
  const lpForward = model.logDensity(halfForward);
  let scale = 1;
  let det = 1;
  for (let j = 0; j < d; j++) {
    scale *= total.scaling[j]!;
    det *= mapping[j + j * d]!;
  }
  const lpInverse = model.logDensity(halfInverse).map((v) => v - Math.log(scale) - Math.log(det));
  const ll = model.logLik(i, halfForward);
  const { logWeights: lw, k } = importanceWeights(
    ll.map((v, r) => -v + lpForward[r]! - logaddexp(lpForward[r]!, lpInverse[r]!)),
    rEff,
  );
  const { logWeights: lwf } = importanceWeights(lw.map((w, r) => w + ll[r]!), rEff);
  // Each half is a draw from its own proposal: the smaller of their efficiencies, chains not kept apart.
  // (loo 2.5.1 means this but takes the second half twice; only the MCSE and n_eff depend on it.)
  const halves = [ll.slice(0, half), ll.slice(half)].map((h) => relativeEff(drawsMatrix(h, h.length, 1)));
  return { lw, lwf, ll, k, rEff: Math.min(...halves) };
}

/** One observation (loo's `loo_moment_match_i`). */
function matchObservation(model: MomentMatchModel, i: number, logLik: DrawsMatrix, kBefore: number, originalLogDensity: Float64Array, options: Required<MomentMatchOptions>, d: number): { pointwise: LooPointwise; matched: MomentMatched } {
  const s = logLik.data.length;
  const rEffOriginal = relativeEff(logLik);
  let upars = model.draws as Points;
  // Before any transformation the proposal is the posterior itself: equal weights against it.
  let current: Weights = { lw: importanceWeights(logLik.data.map((v) => -v), rEffOriginal).logWeights, lwf: new Float64Array(s).fill(-Math.log(s)), ll: logLik.data, k: kBefore };
  const total: Affine = { shift: new Float64Array(d), scaling: new Float64Array(d).fill(1), mapping: identity(d) };
  const steps = [shift, shiftAndScale, ...(options.covariance ? [shiftAndCov] : [])];
  let accepted = 0;
  iterations: while (accepted < options.maxIterations && current.k > options.kThreshold) {
    for (const step of steps) {
      const trans = step(upars, current.lw, d);
      const lp = model.logDensity(trans.upars);
      const ll = model.logLik(i, trans.upars);
      const { logWeights: lw, k } = importanceWeights(ll.map((v, r) => -v + lp[r]! - originalLogDensity[r]!), rEffOriginal);
      if (!(k < current.k)) continue;
      upars = trans.upars;
      total.shift = total.shift.map((v, j) => v + trans.shift[j]!);
      if (trans.scaling) total.scaling = total.scaling.map((v, j) => v * trans.scaling![j]!);
      if (trans.mapping) total.mapping = matMul(trans.mapping, total.mapping, d, d, d);
      current = { lw, lwf: importanceWeights(lp.map((v, r) => v - originalLogDensity[r]!), rEffOriginal).logWeights, ll, k };
      accepted++;
      continue iterations;
    }
    break;
  }
  let rEff: number;
  if (options.split && accepted > 0) {
    const split = splitWeights(model, i, total, options.covariance, rEffOriginal, d);
    current = { ...split, k: current.k };
    rEff = split.rEff;
  } else {
    rEff = relativeEff(drawsMatrix(current.ll, logLik.draws, logLik.chains));
  }
  const draws = Math.min(1 / sumOfSquaredWeights(current.lw), 1 / sumOfSquaredWeights(current.lwf));
  // The MCSE as loo() computes it; loo 2.5.1's matching passes it exp(elpd) for elpd, a slip.
  const reachedLimit = accepted === options.maxIterations && current.k > options.kThreshold;
  return { pointwise: looPointwise(current.ll, current.lw, current.k, rEff, draws), matched: { index: i, kBefore, transformations: accepted, reachedLimit } };
}

/**
 * Importance-weighted moment matching (Paananen, Piironen, Bürkner and Vehtari 2021), as R's
 * `loo::loo_moment_match` computes it: for each observation whose Pareto k exceeds the threshold, the
 * unconstrained draws are moved by affine maps (a mean shift, then also a scaling, then a covariance
 * match) as long as one lowers k, and the leave-one-out weights are recomputed at the moved draws from
 * the model's log density; the other observations keep `result`'s values. `logLik` is `result`'s input.
 */
export function looMomentMatch(result: Loo, logLik: readonly DrawsMatrix[], model: MomentMatchModel, options: MomentMatchOptions = {}): MomentMatchedLoo {
  const d = model.draws[0]?.length ?? 0;
  const s = model.draws.length;
  const settings: Required<MomentMatchOptions> = {
    kThreshold: options.kThreshold ?? PARETO_K_BAD,
    maxIterations: options.maxIterations ?? MAX_MOMENT_MATCH_TRANSFORMATIONS,
    split: options.split ?? true,
    covariance: (options.covariance ?? true) && s >= 10 * d,
  };
  const chosen = result.pointwise.flatMap((p, i) => (p.paretoK > settings.kThreshold ? [i] : []));
  if (chosen.length === 0) return { loo: result, matched: [] };
  const originalLogDensity = model.logDensity(model.draws);
  const pointwise = [...result.pointwise];
  const matched = chosen.map((i) => {
    const m = matchObservation(model, i, logLik[i]!, result.pointwise[i]!.paretoK, originalLogDensity, settings, d);
    pointwise[i] = m.pointwise;
    return m.matched;
  });
  return { loo: summarizeLoo(pointwise, result.draws), matched };
}
