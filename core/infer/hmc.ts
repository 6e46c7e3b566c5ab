import { integrate, velocityVerlet, type Integrator } from './integrator.js';
import { initState, type Kernel } from './kernel.js';
import type { Metric } from './metric.js';
import { hamiltonian, phasePoint, startPoint, type PhasePoint } from './phase-point.js';
import type { Target } from './target.js';

/** Energy error above which a trajectory counts as divergent (Stan's and Turing's threshold). */
export const MAX_ENERGY_ERROR = 1000;

export interface HmcParams {
  readonly target: Target;
  readonly stepSize: number;
  readonly nSteps: number;
  readonly metric: Metric;
  /** Default: leapfrog. */
  readonly integrator?: Integrator;
  /** Default: 1000. */
  readonly maxEnergyError?: number;
}

/** Turing's names for the statistics of static HMC. */
export interface HmcInfo {
  /** Log density of the target at the new state. */
  readonly lp: number;
  readonly acceptance_rate: number;
  readonly step_size: number;
  readonly n_steps: number;
  readonly is_accept: boolean;
  readonly is_divergent: boolean;
  /** H of the new state with the momentum it ended with. */
  readonly hamiltonian_energy: number;
  /** H(new) − H(start); 0 after a rejection. */
  readonly hamiltonian_energy_error: number;
}

const HMC_STATS = [
  'lp',
  'acceptance_rate',
  'step_size',
  'n_steps',
  'is_accept',
  'is_divergent',
  'hamiltonian_energy',
  'hamiltonian_energy_error',
] as const satisfies readonly (keyof HmcInfo)[];

/**
 * Static HMC (Duane et al. 1987; Stan's static_hmc): L steps of size ε, then a Metropolis correction.
 * The trajectory stops at the first unusable point (it would be rejected anyway); the transition is
 * divergent when the energy error anywhere along it exceeds `maxEnergyError`.
 */
export function hmc(): Kernel<HmcParams, HmcInfo> {
  let z: PhasePoint | undefined;
  return {
    statNames: HMC_STATS,
    init: initState,
    step(rng, state, params) {
      const { target, stepSize, nSteps, metric } = params;
      const integrator = params.integrator ?? velocityVerlet;
      const maxEnergyError = params.maxEnergyError ?? MAX_ENERGY_ERROR;
      if (z?.position.length !== state.position.length) z = phasePoint(state.position.length);
      startPoint(z, state, metric, rng);
      const h0 = hamiltonian(z);

      let steps = 0;
      let divergent = false;
      let h = h0;
      while (steps < nSteps) {
        const ok = integrate(target, metric, integrator, z, stepSize);
        steps++;
        h = ok ? hamiltonian(z) : Infinity;
        if (h - h0 > maxEnergyError) divergent = true;
        if (!ok) break;
      }

      const ratio = Math.exp(h0 - h);
      const accept = !(ratio < 1 && rng.uniform() > ratio);
      const next = accept ? { position: Float64Array.from(z.position), logdensity: z.logdensity, gradient: Float64Array.from(z.gradient) } : state;
      return {
        state: next,
        info: {
          lp: next.logdensity,
          acceptance_rate: Math.min(1, ratio),
          step_size: stepSize,
          n_steps: steps,
          is_accept: accept,
          is_divergent: divergent,
          hamiltonian_energy: accept ? h : h0,
          hamiltonian_energy_error: accept ? h - h0 : 0,
        },
      };
    },
  };
}
