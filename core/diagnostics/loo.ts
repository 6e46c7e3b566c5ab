import type { DrawsMatrix } from '../chains/index.js';
import { logsumexp } from '../math/index.js';
import { ModelError } from '../model/index.js';
import { essKernel } from './ess.js';
import { variance } from './moments.js';
import { importanceWeights } from './psis.js';
import { qnorm } from './qnorm.js';

/** One observation's share of the PSIS-LOO estimate, with loo's names. */
export interface LooPointwise {
  elpdLoo: number;
  mcseElpdLoo: number;
  pLoo: number;
  looic: number;
  paretoK: number;
  /** PSIS effective sample size of the observation's weights, adjusted by the chains' relative efficiency. */
  nEff: number;
  relativeEff: number;
}

export interface LooEstimate {
  estimate: number;
  se: number;
}

export interface Loo {
  draws: number;
  observations: number;
  elpdLoo: LooEstimate;
  pLoo: LooEstimate;
  looic: LooEstimate;
  /** Monte Carlo SE of elpd_loo; NaN, as loo's NA, when any k exceeds 0.7 and the estimate cannot be trusted. */
  mcseElpdLoo: number;
  pointwise: LooPointwise[];
  /** loo's Pareto k diagnostic table: how many observations fall in each class, and their smallest n_eff. */
  kTable: ParetoKClass[];
}

export interface ParetoKClass {
  label: 'good' | 'ok' | 'bad' | 'very bad';
  /** The class holds k in (lower, upper]. */
  lower: number;
  upper: number;
  count: number;
  /** The smallest PSIS n_eff in the class; NaN when it is empty. */
  minNEff: number;
}

/** Above this k the importance weights' variance is infinite for practical purposes (loo's "bad"). */
export const PARETO_K_BAD = 0.7;

/** loo 2.5's classes of k. */
const K_CLASSES = [
  { label: 'good', lower: -Infinity, upper: 0.5 },
  { label: 'ok', lower: 0.5, upper: PARETO_K_BAD },
  { label: 'bad', lower: PARETO_K_BAD, upper: 1 },
  { label: 'very bad', lower: 1, upper: Infinity },
] as const;

function kTable(pointwise: readonly LooPointwise[]): ParetoKClass[] {
  return K_CLASSES.map((c) => {
    const inside = pointwise.filter((p) => p.paretoK > c.lower && p.paretoK <= c.upper);
    return { ...c, count: inside.length, minNEff: inside.length ? Math.min(...inside.map((p) => p.nEff)) : NaN };
  });
}

/** What the draws or the model's observations do not allow: the user's to fix, reported as a model error is. */
export class LooError extends ModelError {
  constructor(message: string) {
    super(message, undefined);
    this.name = 'LooError';
  }
}

/** Why an observation's log-likelihood at a draw (1-based draw and chain) cannot enter leave-one-out. */
export function nonFiniteLogLik(name: string, value: number, draw: number, chain: number): string {
  return `the log-likelihood of \`${name}\` is ${value} at draw ${draw} of chain ${chain}: leave-one-out needs finite values at every draw`;
}

/** The chains' relative efficiency for this observation: ESS of its likelihood over S (loo's `relative_eff`). */
export function relativeEff(logLik: DrawsMatrix): number {
  // The ESS does not change with the likelihood's scale, but the degeneracy check does: a vector observed
  // whole (ll ≈ −50) has exp(ll) below machine epsilon everywhere, which would read as a constant.
  let max = -Infinity;
  for (const v of logLik.data) if (v > max) max = v;
  const r = essKernel({ ...logLik, data: logLik.data.map((v) => Math.exp(v - max)) }) / logLik.data.length;
  // A likelihood that does not vary (an observation no parameter touches) has no ESS. loo's relative_eff
  // gives 0.5 there, an artifact of its NaN autocorrelations; 1, as loo takes for a missing r_eff, keeps
  // the n_eff of equal weights at S (R shows S/2: the only number that differs from loo's).
  return Number.isFinite(r) && r > 0 ? r : 1;
}

const MCSE_POINTS = 1000;
/** Blom's normal scores, shared by every observation's MCSE (loo's `mcse_elpd`). */
const normalScores = Array.from({ length: MCSE_POINTS }, (_, r) => qnorm((r + 1 - 3 / 8) / (MCSE_POINTS - (2 * 3) / 8 + 1)));

/**
 * The MC error of log E[p(yᵢ | y₋ᵢ)] through a normal approximation to the weighted mean's error, mapped
 * through the log at 1000 normal scores.
 */
export function mcseElpd(logLik: Float64Array, normalizedLogWeights: Float64Array, elpd: number, rEff: number): number {
  const epd = Math.exp(elpd);
  let varEpd = 0;
  for (let s = 0; s < logLik.length; s++) varEpd += Math.exp(2 * normalizedLogWeights[s]!) * (Math.exp(logLik[s]!) - epd) ** 2;
  const sdEpd = Math.sqrt(varEpd);
  const logs = normalScores.map((z) => epd + sdEpd * z).filter((v) => v > 0).map(Math.log);
  return Math.sqrt(variance(logs) / rEff);
}

/** A total over the observations with its SE, √N times the sd of the pointwise values (loo's `table_of_estimates`). */
export function estimateOf(values: readonly number[]): LooEstimate {
  const total = values.reduce((a, b) => a + b, 0);
  return { estimate: total, se: Math.sqrt(values.length * variance(values)) };
}

/** Σ wₛ² of normalized log weights: 1 / this is their effective sample size. */
export function sumOfSquaredWeights(normalizedLogWeights: Float64Array): number {
  let sum = 0;
  for (const w of normalizedLogWeights) sum += Math.exp(2 * w);
  return sum;
}

/**
 * An observation's results from its log-likelihood at the draws and its normalized leave-one-out log
 * weights (loo's `pointwise_loo_calcs`); `draws` is the effective sample size the weights give before the
 * chains' relative efficiency.
 */
export function looPointwise(logLik: Float64Array, normalizedLogWeights: Float64Array, k: number, rEff: number, draws: number): LooPointwise {
  const elpdLoo = logsumexp(logLik.map((v, s) => v + normalizedLogWeights[s]!));
  const lpd = logsumexp(logLik) - Math.log(logLik.length);
  return {
    elpdLoo,
    mcseElpdLoo: mcseElpd(logLik, normalizedLogWeights, elpdLoo, rEff),
    pLoo: lpd - elpdLoo,
    looic: -2 * elpdLoo,
    paretoK: k,
    nEff: rEff * draws,
    relativeEff: rEff,
  };
}

/**
 * PSIS-LOO (Vehtari, Gelman and Gabry 2017) from each observation's log-likelihood at every draw, chains
 * kept apart for the relative efficiency, as `loo::loo(array, r_eff = relative_eff(exp(array)))` gives it.
 * `names` label the observations in errors.
 */
export function loo(logLik: readonly DrawsMatrix[], names: readonly string[]): Loo {
  if (logLik.length === 0) throw new LooError('the model observes nothing: leave-one-out needs observations with a log-likelihood');
  const draws = logLik[0]!.data.length;
  const pointwise = logLik.map((ll, i) => {
    const bad = ll.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      const chain = Math.floor(bad / ll.draws);
      throw new LooError(nonFiniteLogLik(names[i]!, ll.data[bad]!, bad - chain * ll.draws + 1, chain + 1));
    }
    const rEff = relativeEff(ll);
    const { logWeights, k } = importanceWeights(ll.data.map((v) => -v), rEff);
    return looPointwise(ll.data, logWeights, k, rEff, 1 / sumOfSquaredWeights(logWeights));
  });
  return summarizeLoo(pointwise, draws);
}

/**
 * The totals with their SEs, the Monte Carlo SE and the k table of pointwise results: what `loo` gives,
 * and what a saved pointwise table (`tilde loo --pointwise`) gives back for comparisons.
 */
export function summarizeLoo(pointwise: LooPointwise[], draws: number): Loo {
  const trusted = pointwise.every((p) => !(p.paretoK > PARETO_K_BAD));
  return {
    draws,
    observations: pointwise.length,
    elpdLoo: estimateOf(pointwise.map((p) => p.elpdLoo)),
    pLoo: estimateOf(pointwise.map((p) => p.pLoo)),
    looic: estimateOf(pointwise.map((p) => p.looic)),
    mcseElpdLoo: trusted ? Math.sqrt(pointwise.reduce((a, p) => a + p.mcseElpdLoo ** 2, 0)) : NaN,
    pointwise,
    kTable: kTable(pointwise),
  };
}
