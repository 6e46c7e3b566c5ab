import { logaddexp } from '../math/index.js';
import type { Rng } from '../rng/index.js';
import { mergedNoUTurn } from './criterion.js';
import { MAX_ENERGY_ERROR } from './hmc.js';
import { integrate, velocityVerlet, type Integrator } from './integrator.js';
import { initState, type HmcState, type Kernel, type Transition } from './kernel.js';
import type { Metric } from './metric.js';
import { copyPoint, hamiltonian, phasePoint, startPoint, type PhasePoint } from './phase-point.js';
import type { Target } from './target.js';

/** Turing's and Stan's default maximum tree depth. */
export const MAX_TREE_DEPTH = 10;

export interface NutsParams {
  readonly target: Target;
  readonly stepSize: number;
  readonly metric: Metric;
  /** Default: 10, so at most 2¹⁰ − 1 steps a transition. */
  readonly maxTreeDepth?: number;
  /** Default: 1000. */
  readonly maxEnergyError?: number;
  /** Default: leapfrog. */
  readonly integrator?: Integrator;
}

/** Turing's names for the statistics of NUTS. */
export interface NutsInfo {
  /** Log density of the target at the new state. */
  readonly lp: number;
  /** Mean Metropolis acceptance probability over every step taken, rejected subtrees included (Stan's accept_stat). */
  readonly acceptance_rate: number;
  readonly step_size: number;
  /** Doublings completed. */
  readonly tree_depth: number;
  /** Integrator steps taken, rejected subtrees included. */
  readonly n_steps: number;
  readonly is_divergent: boolean;
  /** H of the new state with the momentum it had on the trajectory. */
  readonly hamiltonian_energy: number;
  /** H(new) − H(start). */
  readonly hamiltonian_energy_error: number;
  /** The energy error of largest magnitude along the trajectory, with its sign. */
  readonly max_hamiltonian_energy_error: number;
}

const NUTS_STATS = [
  'lp',
  'acceptance_rate',
  'step_size',
  'tree_depth',
  'n_steps',
  'is_divergent',
  'hamiltonian_energy',
  'hamiltonian_energy_error',
  'max_hamiltonian_energy_error',
] as const satisfies readonly (keyof NutsInfo)[];

/** A point a (sub)tree proposes: only what the next state and the energy statistic need. */
class Proposal {
  readonly position: Float64Array;
  readonly gradient: Float64Array;
  logdensity = -Infinity;
  energy = Infinity;

  constructor(dimension: number) {
    this.position = new Float64Array(dimension);
    this.gradient = new Float64Array(dimension);
  }

  takePoint(z: PhasePoint, energy: number): void {
    this.position.set(z.position);
    this.gradient.set(z.gradient);
    this.logdensity = z.logdensity;
    this.energy = energy;
  }

  takeProposal(other: Proposal): void {
    this.position.set(other.position);
    this.gradient.set(other.gradient);
    this.logdensity = other.logdensity;
    this.energy = other.energy;
  }
}

/**
 * Buffers of one recursion depth. Only one subtree of each depth is under construction at a time, so one
 * set a depth serves the whole transition.
 */
class Level {
  readonly initLast: Float64Array;
  readonly initSharpLast: Float64Array;
  readonly initRho: Float64Array;
  readonly finalFirst: Float64Array;
  readonly finalSharpFirst: Float64Array;
  readonly finalRho: Float64Array;
  readonly finalProposal: Proposal;

  constructor(d: number) {
    this.initLast = new Float64Array(d);
    this.initSharpLast = new Float64Array(d);
    this.initRho = new Float64Array(d);
    this.finalFirst = new Float64Array(d);
    this.finalSharpFirst = new Float64Array(d);
    this.finalRho = new Float64Array(d);
    this.finalProposal = new Proposal(d);
  }
}

/**
 * Stan's base_nuts (multinomial sampling, generalised criterion with the checks across merged subtrees):
 * the trajectory doubles in a random direction; the new subtree replaces the sample with probability
 * min(1, w_new / w_old) (biased progressive sampling), while inside a subtree the halves are weighed
 * uniformly, w_final / (w_init + w_final). Subtrees that diverge or turn are discarded whole.
 *
 * Naming: segments are `first`/`last` in the order built; at the top level the backward (B) and forward
 * (F) segments have a backward and a forward end each, so pBF is the momentum at the forward end of the
 * backward segment and sFF the velocity p♯ at the forward end of the forward one.
 */
class Trajectory {
  private readonly d: number;
  private readonly levels: Level[] = [];
  private readonly fwd: PhasePoint;
  private readonly bck: PhasePoint;
  private readonly sample: Proposal;
  private readonly propose: Proposal;
  private readonly pBB: Float64Array;
  private readonly sBB: Float64Array;
  private readonly pBF: Float64Array;
  private readonly sBF: Float64Array;
  private readonly rhoB: Float64Array;
  private readonly pFB: Float64Array;
  private readonly sFB: Float64Array;
  private readonly pFF: Float64Array;
  private readonly sFF: Float64Array;
  private readonly rhoF: Float64Array;
  private readonly rho: Float64Array;

  // What one transition works with and counts; set by `transition`.
  private rng!: Rng;
  private target!: Target;
  private metric!: Metric;
  private integrator: Integrator = velocityVerlet;
  private stepSize = 0;
  private maxEnergyError = MAX_ENERGY_ERROR;
  private h0 = 0;
  private nSteps = 0;
  private sumAcceptProb = 0;
  private divergent = false;
  private maxError = 0;

  constructor(d: number) {
    this.d = d;
    this.fwd = phasePoint(d);
    this.bck = phasePoint(d);
    this.sample = new Proposal(d);
    this.propose = new Proposal(d);
    this.pBB = new Float64Array(d);
    this.sBB = new Float64Array(d);
    this.pBF = new Float64Array(d);
    this.sBF = new Float64Array(d);
    this.rhoB = new Float64Array(d);
    this.pFB = new Float64Array(d);
    this.sFB = new Float64Array(d);
    this.pFF = new Float64Array(d);
    this.sFF = new Float64Array(d);
    this.rhoF = new Float64Array(d);
    this.rho = new Float64Array(d);
  }

  get dimension(): number {
    return this.d;
  }

  transition(rng: Rng, state: HmcState, params: NutsParams): Transition<NutsInfo> {
    const maxDepth = params.maxTreeDepth ?? MAX_TREE_DEPTH;
    while (this.levels.length < maxDepth - 1) this.levels.push(new Level(this.d));
    this.rng = rng;
    this.target = params.target;
    this.metric = params.metric;
    this.integrator = params.integrator ?? velocityVerlet;
    this.stepSize = params.stepSize;
    this.maxEnergyError = params.maxEnergyError ?? MAX_ENERGY_ERROR;
    this.nSteps = 0;
    this.sumAcceptProb = 0;
    this.divergent = false;
    this.maxError = 0;

    const { fwd, bck, pBB, sBB, pBF, sBF, rhoB, pFB, sFB, pFF, sFF, rhoF, rho } = this;
    startPoint(fwd, state, params.metric, rng);
    copyPoint(fwd, bck);
    this.h0 = hamiltonian(fwd);
    for (const p of [pBB, pBF, pFB, pFF, rho]) p.set(fwd.momentum);
    for (const s of [sBB, sBF, sFB, sFF]) s.set(fwd.velocity);

    let moved = false;
    let logSumWeight = 0; // the start point's weight, exp(H0 − H0)
    let depth = 0;
    while (depth < maxDepth) {
      let weight: number;
      if (rng.uniform() > 0.5) {
        rhoB.set(rho);
        pBF.set(pFF);
        sBF.set(sFF);
        weight = this.build(depth, fwd, 1, this.propose, pFB, sFB, pFF, sFF, rhoF);
      } else {
        rhoF.set(rho);
        pFB.set(pBB);
        sFB.set(sBB);
        weight = this.build(depth, bck, -1, this.propose, pBF, sBF, pBB, sBB, rhoB);
      }
      if (Number.isNaN(weight)) break;
      depth++;
      if (weight > logSumWeight || rng.uniform() < Math.exp(weight - logSumWeight)) {
        this.sample.takeProposal(this.propose);
        moved = true;
      }
      logSumWeight = logaddexp(logSumWeight, weight);
      const keepGoing = mergedNoUTurn(sBB, pBF, sBF, rhoB, pFB, sFB, sFF, rhoF);
      for (let i = 0; i < this.d; i++) rho[i] = rhoB[i]! + rhoF[i]!;
      if (!keepGoing) break;
    }

    const s = this.sample;
    const next = moved ? { position: Float64Array.from(s.position), logdensity: s.logdensity, gradient: Float64Array.from(s.gradient) } : state;
    const energy = moved ? s.energy : this.h0;
    return {
      state: next,
      info: {
        lp: next.logdensity,
        acceptance_rate: this.sumAcceptProb / this.nSteps,
        step_size: this.stepSize,
        tree_depth: depth,
        n_steps: this.nSteps,
        is_divergent: this.divergent,
        hamiltonian_energy: energy,
        hamiltonian_energy_error: energy - this.h0,
        max_hamiltonian_energy_error: this.maxError,
      },
    };
  }

  /**
   * Extends the trajectory from z by a subtree of 2^depth steps in direction `sign`, writing its proposal,
   * the momenta and velocities at its first and last points, and its summed momentum. Returns the log of
   * the subtree's summed weights exp(H0 − H), or NaN when the subtree diverged or turned back.
   */
  private build(
    depth: number,
    z: PhasePoint,
    sign: number,
    proposal: Proposal,
    pFirst: Float64Array,
    sFirst: Float64Array,
    pLast: Float64Array,
    sLast: Float64Array,
    rho: Float64Array,
  ): number {
    if (depth === 0) return this.leaf(z, sign, proposal, pFirst, sFirst, pLast, sLast, rho);
    const level = this.levels[depth - 1]!;
    const initWeight = this.build(depth - 1, z, sign, proposal, pFirst, sFirst, level.initLast, level.initSharpLast, level.initRho);
    if (Number.isNaN(initWeight)) return NaN;
    const finalWeight = this.build(depth - 1, z, sign, level.finalProposal, level.finalFirst, level.finalSharpFirst, pLast, sLast, level.finalRho);
    if (Number.isNaN(finalWeight)) return NaN;

    const weight = logaddexp(initWeight, finalWeight);
    if (finalWeight > weight || this.rng.uniform() < Math.exp(finalWeight - weight)) proposal.takeProposal(level.finalProposal);
    const keepGoing = mergedNoUTurn(sFirst, level.initLast, level.initSharpLast, level.initRho, level.finalFirst, level.finalSharpFirst, sLast, level.finalRho);
    for (let i = 0; i < this.d; i++) rho[i] = level.initRho[i]! + level.finalRho[i]!;
    return keepGoing ? weight : NaN;
  }

  private leaf(
    z: PhasePoint,
    sign: number,
    proposal: Proposal,
    pFirst: Float64Array,
    sFirst: Float64Array,
    pLast: Float64Array,
    sLast: Float64Array,
    rho: Float64Array,
  ): number {
    const ok = integrate(this.target, this.metric, this.integrator, z, sign * this.stepSize);
    this.nSteps++;
    const h = ok ? hamiltonian(z) : Infinity;
    const error = h - this.h0;
    if (Math.abs(error) > Math.abs(this.maxError)) this.maxError = error;
    this.sumAcceptProb += error < 0 ? 1 : Math.exp(-error);
    if (error > this.maxEnergyError) this.divergent = true;
    if (this.divergent) return NaN;
    proposal.takePoint(z, h);
    pFirst.set(z.momentum);
    pLast.set(z.momentum);
    sFirst.set(z.velocity);
    sLast.set(z.velocity);
    rho.set(z.momentum);
    return -error;
  }
}

/** The No-U-Turn sampler as Stan runs it (see `Trajectory`). */
export function nuts(): Kernel<NutsParams, NutsInfo> {
  let trajectory: Trajectory | undefined;
  return {
    statNames: NUTS_STATS,
    init: initState,
    step(rng, state, params) {
      if (trajectory?.dimension !== state.position.length) trajectory = new Trajectory(state.position.length);
      return trajectory.transition(rng, state, params);
    },
  };
}
