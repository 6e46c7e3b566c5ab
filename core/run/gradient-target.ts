import { backendFor, type BoundModel } from '../model/index.js';
import type { Target } from '../infer/index.js';
import { nonFiniteReason } from './non-finite.js';

/** The model's log density and gradient from the run's AD backend, counting where it is not finite once counting starts. */
export interface ModelGradientTarget {
  readonly target: Target;
  /** The backend's label for the chain's info (`auto` resolved). */
  readonly backend: string;
  /** Points tried after `startCounting` where the log density was not finite, and why at the first. */
  readonly failures: { count: number; reason: string };
  startCounting(): void;
}

const EVALUATIONS_PER_BEAT = 8;
/** Evaluations slower than this beat every time: reading the clock is then nothing beside one. */
const SLOW_EVALUATION_MS = 5;

/**
 * What the gradient-based samplers and ADVI differentiate. Counted only once the chain has started: a point where
 * the log density is not finite is then a divergence (or a skipped step), which the warnings explain by the
 * model's own line rather than by the sampler's tuning.
 */
export function modelGradientTarget(bound: BoundModel, ad: string | undefined, heartbeat: () => void = () => {}): ModelGradientTarget {
  const backend = backendFor(bound, ad);
  const gradient = backend.gradient ?? bound.gradient(backend.name, backend.options);
  let sinceBeat = 0;
  let perBeat = EVALUATIONS_PER_BEAT;
  let lastBeat = performance.now();
  let counting = false;
  const failures = { count: 0, reason: '' };
  const failed = (theta: Float64Array): void => {
    if (!counting) return;
    if (failures.count++ === 0) failures.reason = nonFiniteReason(bound, theta);
  };
  const target: Target = {
    dimension: bound.dimension,
    logdensityAndGradient: (theta) => {
      // Not every evaluation of a cheap model: the heartbeat reads the clock, a few percent of its gradient. Every
      // evaluation of a slow one: eight of an ODE model's stiff solves at the step-size search's far points (seconds
      // each) outlasted the worker's silence timeout.
      if (++sinceBeat >= perBeat) {
        sinceBeat = 0;
        const now = performance.now();
        perBeat = now - lastBeat > SLOW_EVALUATION_MS * perBeat ? 1 : EVALUATIONS_PER_BEAT;
        lastBeat = now;
        heartbeat();
      }
      let result;
      try {
        result = gradient(theta);
      } catch (e) {
        failed(theta);
        throw e;
      }
      if (!Number.isFinite(result.value)) failed(theta);
      return result;
    },
  };
  return { target, backend: backend.label, failures, startCounting: () => (counting = true) };
}
