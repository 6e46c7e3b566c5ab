import type { Rng } from '../rng/index.js';
import { integrate, type Integrator } from './integrator.js';
import type { HmcState } from './kernel.js';
import type { Metric } from './metric.js';
import { hamiltonian, phasePoint, startPoint } from './phase-point.js';
import type { Target } from './target.js';

/** The search ran off either end: no step size makes one step's acceptance cross 0.8. */
export class StepSizeSearchError extends Error {
  override name = 'StepSizeSearchError';
}

const LOG_ACCEPT = Math.log(0.8);
const MAX_STEP_SIZE = 1e7;

/**
 * Stan's init_stepsize: from ε, double (or halve) until the acceptance probability of a single step from
 * `state`, with fresh momentum each try, crosses 0.8 from the side it started on. Step sizes Stan would not
 * search from (0, NaN, above 10⁷) come back unchanged.
 */
export function initialStepSize(rng: Rng, target: Target, state: HmcState, metric: Metric, integrator: Integrator, stepSize: number): number {
  if (stepSize === 0 || !(stepSize <= MAX_STEP_SIZE)) return stepSize;
  const z = phasePoint(state.position.length);
  const energyGain = (epsilon: number): number => {
    startPoint(z, state, metric, rng);
    const h0 = hamiltonian(z);
    const h = integrate(target, metric, integrator, z, epsilon) ? hamiltonian(z) : Infinity;
    return h0 - h;
  };
  let epsilon = stepSize;
  const direction = energyGain(epsilon) > LOG_ACCEPT ? 1 : -1;
  for (;;) {
    const gain = energyGain(epsilon);
    if (direction === 1 ? !(gain > LOG_ACCEPT) : !(gain < LOG_ACCEPT)) return epsilon;
    epsilon = direction === 1 ? 2 * epsilon : 0.5 * epsilon;
    if (epsilon > MAX_STEP_SIZE) throw new StepSizeSearchError('the step size grew past 1e7 while looking for one: the posterior is probably improper');
    if (epsilon === 0) throw new StepSizeSearchError('no step size small enough was found: the log density is probably not continuous');
  }
}
