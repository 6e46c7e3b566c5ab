import type { Chains, ParticleFit, VariationalFit } from '../chains/index.js';
import { MAX_TREE_DEPTH } from '../infer/index.js';
import { mean } from './moments.js';

/** Turing's statistic names the sampler checks read. */
const ENERGY = 'hamiltonian_energy';
const DIVERGENT = 'is_divergent';
const TREE_DEPTH = 'tree_depth';
const STEP_SIZE = 'step_size';
const LP = 'lp';
const ACCEPTED = 'is_accept';
const ACCEPTANCE = 'acceptance_rate';
const LEAPFROG_STEPS = 'n_steps';

/**
 * Energy Bayesian fraction of missing information of one chain, ArviZ's definition: the mean squared
 * change of energy between draws over the energy's variance (denominator n). Below 0.3 the momentum
 * resampling explores the energy distribution poorly. NaN below two draws or for constant energy.
 */
export function ebfmi(energy: ArrayLike<number>): number {
  const n = energy.length;
  if (n < 2) return NaN;
  const m = mean(energy);
  let jumps = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    spread += (energy[i]! - m) ** 2;
    if (i > 0) jumps += (energy[i]! - energy[i - 1]!) ** 2;
  }
  const fraction = jumps / (n - 1) / (spread / n);
  return Number.isFinite(fraction) ? fraction : NaN;
}

/** What the sampler statistics say of one chain; NaN where the chain lacks the statistic. */
export interface ChainSamplerDiagnostics {
  /** 0-based chain index. */
  readonly chain: number;
  readonly draws: number;
  readonly divergences: number;
  /** Draws whose tree reached the maximum depth, so NUTS stopped before the trajectory turned. */
  readonly treeDepthHits: number;
  readonly maxTreeDepth: number;
  readonly ebfmi: number;
  /** The step size of the last draw (adapted during warm-up, fixed after it). */
  readonly stepSize: number;
  /** The log joint of the last draw. */
  readonly lp: number;
  /** Points tried where the log density was not finite, and why at the first (from the run, when known). */
  readonly nonFinite?: { count: number; reason: string };
  /**
   * Every draw of the chain (two or more) is one point: no parameter ever changed. Judged on all parameters
   * together, since single entries may be fixed by construction (an LKJ Cholesky factor's first element).
   */
  readonly frozen: boolean;
  /** Proposals accepted, for samplers that report `is_accept` (MH); NaN for the others. */
  readonly accepted: number;
  /**
   * The mean acceptance statistic (Stan's accept_stat__): near the target δ after a good warm-up; far below
   * it, the adapted step size is too large for where the chain went.
   */
  readonly meanAcceptance: number;
  /** Leapfrog steps a draw, on average (Stan's n_leapfrog__): the chain's cost, gradients per draw. */
  readonly meanLeapfrogSteps: number;
  /** A variational chain's fit (its ELBO, Pareto k̂ of its draws' importance ratios, steps skipped); absent for the samplers. */
  readonly variational?: VariationalFit;
  /** A particle run's fit (its evidence, resamplings, effective particles at the end); absent for the other samplers. */
  readonly particles?: ParticleFit;
  /** Wall time of the warm-up and of the kept draws; NaN when the chains do not say (a CSV read back). */
  readonly warmupSeconds: number;
  readonly samplingSeconds: number;
}

function count(values: Float64Array | undefined, hit: (v: number) => boolean): number {
  if (!values) return NaN;
  let n = 0;
  for (const v of values) if (hit(v)) n++;
  return n;
}

function meanOf(values: Float64Array | undefined): number {
  return values === undefined ? NaN : mean(values);
}

function constant(values: Float64Array): boolean {
  const first = values[0];
  for (const v of values) if (!Object.is(v, first)) return false;
  return true;
}

export function samplerDiagnostics(chains: Chains): ChainSamplerDiagnostics[] {
  const stat = (name: string, c: number) => (chains.stats.includes(name) ? chains.draws(name, c) : undefined);
  return Array.from({ length: chains.nChains }, (_, c) => {
    // A chain that does not say its own maximum ran with the sampler's default, Turing's and Stan's 10.
    const maxTreeDepth = chains.info(c).maxTreeDepth ?? MAX_TREE_DEPTH;
    const energy = stat(ENERGY, c);
    return {
      chain: c,
      draws: chains.nDraws(c),
      divergences: count(stat(DIVERGENT, c), (v) => v !== 0 && !Number.isNaN(v)),
      treeDepthHits: count(stat(TREE_DEPTH, c), (v) => v >= maxTreeDepth),
      maxTreeDepth,
      ebfmi: energy ? ebfmi(energy) : NaN,
      stepSize: stat(STEP_SIZE, c)?.at(-1) ?? NaN,
      lp: stat(LP, c)?.at(-1) ?? NaN,
      frozen: chains.nDraws(c) >= 2 && chains.parameters.length > 0 && chains.parameters.every((name) => constant(chains.draws(name, c))),
      accepted: count(stat(ACCEPTED, c), (v) => v !== 0 && !Number.isNaN(v)),
      meanAcceptance: meanOf(stat(ACCEPTANCE, c)),
      meanLeapfrogSteps: meanOf(stat(LEAPFROG_STEPS, c)),
      warmupSeconds: chains.info(c).warmupSeconds ?? NaN,
      samplingSeconds: chains.info(c).samplingSeconds ?? NaN,
      ...(chains.info(c).nonFinite ? { nonFinite: chains.info(c).nonFinite } : {}),
      ...(chains.info(c).variational ? { variational: chains.info(c).variational } : {}),
      ...(chains.info(c).particles ? { particles: chains.info(c).particles } : {}),
    };
  });
}
