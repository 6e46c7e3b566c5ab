import type { Real } from '../ad/index.js';
import { combination } from './combination.js';
import type { Method } from './methods.js';

/** One accepted step's dense output: y(t + θh) = y + h Σ_j w_j(θ) K_j. */
interface Step {
  t: number;
  h: number;
  y: readonly Real[];
  K: readonly (readonly Real[])[];
}

/**
 * The solution so far, at any earlier time, for a delay differential equation's history function (DifferentialEquations'
 * `MethodOfSteps`): before t0 the problem's own history, then each accepted step's dense output. A time inside the
 * step being taken (a lag shorter than the step) is extrapolated from the last accepted step's interpolant, where
 * MethodOfSteps would iterate to a fixed point.
 */
export class History {
  private readonly steps: Step[] = [];

  constructor(
    private readonly method: Method,
    private readonly t0: number,
    private readonly u0: readonly Real[],
    private readonly before: (t: number) => readonly Real[],
  ) {}

  accepted(t: number, h: number, y: readonly Real[], K: readonly (readonly Real[])[]): void {
    this.steps.push({ t, h, y, K });
  }

  at(t: number): readonly Real[] {
    if (t < this.t0) return this.before(t);
    const steps = this.steps;
    if (steps.length === 0) return this.u0;
    // The last step whose start is at or before t: a binary search, since a long solve holds many steps.
    let lo = 0;
    let hi = steps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (steps[mid]!.t <= t) lo = mid;
      else hi = mid - 1;
    }
    const s = steps[lo]!;
    return combination(s.y, s.h, this.method.interpolation((t - s.t) / s.h), s.K);
  }
}
