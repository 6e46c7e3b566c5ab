import { value, type Real } from '../ad/index.js';
import { combination } from './combination.js';
import { History } from './history.js';
import type { Method } from './methods.js';
import { PIController, initialStep, noteStepDependence, scaledNorm, type Tolerances } from './step-control.js';

/**
 * The right-hand side u' = f(u, t), parameters already bound; a delay differential equation's also reads the
 * solution at earlier times through `past`.
 */
export type RightHandSide = (u: readonly Real[], t: number, past: (t: number) => readonly Real[]) => readonly Real[];

/** SciMLBase's return codes of a solve that this integrator can end with. */
export type ReturnCode = 'Success' | 'MaxIters' | 'DtLessThanMin' | 'DtNaN' | 'Unstable';

export interface IntegrateOptions extends Tolerances {
  method: Method;
  /** Adapt the step to the error estimate (the method must have one); otherwise `dt` is the fixed step. */
  adaptive: boolean;
  /** The first step (adaptive) or every step (fixed); by default Hairer's initial step. */
  dt?: number;
  dtmax: number;
  dtmin: number;
  maxiters: number;
  /** Times strictly between t0 and tf to save at, interpolated, in increasing order. */
  saveat: readonly number[];
  /** Save the state after every step too (DifferentialEquations' default when there is no saveat). */
  everyStep: boolean;
  saveStart: boolean;
  saveEnd: boolean;
  /** A delay differential equation's state before t0 (its history function); the solution itself after. */
  before?: (t: number) => readonly Real[];
  /** Times strictly between t0 and tf that adaptive steps land on exactly (`tstops`: a dose, a switch in f), in increasing order. */
  tstops?: readonly number[];
  /** DifferentialEquations' `isoutofdomain(u, p, t)`: a step ending where it is true is rejected, as one with too large an error. */
  outOfDomain?: (u: readonly Real[], t: number) => boolean;
}

export interface Trajectory {
  t: number[];
  u: Real[][];
  retcode: ReturnCode;
  /** How many of the saved times the solve reached, and the time it stopped at: the rest hold NaN after a failure. */
  reached: number;
  stoppedAt: number;
  /** SciMLBase's stats: right-hand-side evaluations, accepted and rejected steps. */
  stats: { nf: number; naccept: number; nreject: number };
  /** The dense output, `sol(t)`: the state at any time from t0 to where the solve stopped. */
  at(t: number): readonly Real[];
}

/** Two times closer than this are one (a step that lands on the end, a saved time met by a step). */
function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) <= 100 * Number.EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Integrates u' = f(u, t) from `t0` to `tf` (tf > t0) with an explicit Runge–Kutta method, as
 * OrdinaryDiffEq's `solve` does: Hairer's initial step, the PI controller, dense output at `saveat`.
 * Every state is computed with the numeric interface of core/ad, so any backend differentiates the
 * result; the step sizes are plain numbers. A solve that stops early (too many steps, a step below
 * `dtmin`, a NaN step, a non-finite state) says why in `retcode`, and the times it did not reach hold NaN states, so
 * a log density built on them is NaN — rejected by the samplers — unless the model checks the code.
 */
export function integrate(f: RightHandSide, u0: readonly Real[], t0: number, tf: number, options: IntegrateOptions): Trajectory {
  const { method, saveat } = options;
  const s = method.c.length;
  const stats = { nf: 0, naccept: 0, nreject: 0 };
  // Every accepted step is kept for the dense output: its stages are made anyway, so keeping them costs no evaluation.
  const history = new History(method, t0, u0, options.before ?? (() => u0));
  const rhs = (u: readonly Real[], t: number): readonly Real[] => {
    stats.nf++;
    return f(u, t, (s) => history.at(s));
  };
  const out: Trajectory = { t: [], u: [], retcode: 'Success', reached: 0, stoppedAt: t0, stats, at: (s) => history.at(s) };
  const everyStep = options.everyStep;
  if (options.saveStart) save(out, t0, u0);
  let next = 0;
  while (next < saveat.length && sameTime(saveat[next]!, t0)) next++;

  let t = t0;
  let y = u0.slice();
  let k1 = rhs(y, t);
  let dt = options.dt ?? initialStep(y, k1, rhs, t0, tf - t0, method.order, options);
  dt = Math.min(dt, options.dtmax);
  const controller = method.controller ? new PIController(method.controller.beta1, method.controller.beta2) : undefined;
  const errors = method.errorWeights;
  let iters = 0;
  let steps = 0;
  const stops = options.tstops ?? [];
  let stop = 0;

  while (t < tf && !sameTime(t, tf)) {
    // OrdinaryDiffEq's first check: a NaN state, parameter or derivative makes the step NaN (at the start, or through
    // the controller), and no comparison of a NaN step ever fails it below dtmin, so without this it would run to maxiters.
    if (Number.isNaN(dt)) {
      out.retcode = 'DtNaN';
      break;
    }
    if (++iters > options.maxiters) {
      out.retcode = 'MaxIters';
      break;
    }
    while (stop < stops.length && (stops[stop]! < t || sameTime(stops[stop]!, t))) stop++;
    // The step ends on the next stop, or on tf, when it would reach or pass it.
    const target = stop < stops.length ? stops[stop]! : tf;
    const last = t + dt >= target || sameTime(t + dt, target);
    const h = last ? target - t : dt;
    const K: (readonly Real[])[] = [k1];
    for (let i = 1; i < s; i++) K.push(rhs(combination(y, h, method.a[i]!, K), t + method.c[i]! * h));
    const y1 = method.fsal ? combination(y, h, method.a[s - 1]!, K) : combination(y, h, method.b, K);

    if (options.adaptive && errors && controller) {
      noteStepDependence(y1);
      const e = new Float64Array(y.length);
      for (let j = 0; j < s; j++) {
        const w = errors[j]!;
        if (w === 0) continue;
        const kj = K[j]!;
        for (let i = 0; i < e.length; i++) e[i]! += h * w * value(kj[i]!);
      }
      // OrdinaryDiffEq counts a step out of the domain as an error estimate of 2: rejected, the step shrunk.
      const estimate = options.outOfDomain?.(y1, t + h) ? 2 : scaledNorm(e, y.map(value), y1.map(value), options);
      if (!(estimate <= 1)) {
        stats.nreject++;
        dt = controller.rejected(h, estimate);
        if (dt < options.dtmin || t + dt === t) {
          out.retcode = 'DtLessThanMin';
          break;
        }
        continue;
      }
      dt = Math.min(controller.accepted(h, estimate), options.dtmax);
    }
    stats.naccept++;
    steps++;
    const tNew = last ? target : options.adaptive ? t + h : t0 + steps * options.dt!;
    // f(y1): the next step's first stage, and the slope at the end for a Hermite dense output.
    const f1 = method.fsal ? K[s - 1]! : undefined;
    let end: readonly Real[] | undefined = f1;
    const slopeAtEnd = (): readonly Real[] => (end ??= rhs(y1, tNew));
    let dense: (readonly Real[])[] | undefined;
    for (; next < saveat.length && (saveat[next]! < tNew || sameTime(saveat[next]!, tNew)); next++) {
      const ts = saveat[next]!;
      if (sameTime(ts, tNew)) save(out, ts, y1);
      else save(out, ts, combination(y, h, method.interpolation((ts - t) / h), (dense ??= [...K, slopeAtEnd()])));
    }
    if (everyStep && !(tNew === tf && !options.saveEnd)) save(out, tNew, y1);
    history.accepted(t, h, y, (dense ??= [...K, slopeAtEnd()]));
    t = tNew;
    y = y1;
    if (!y.every((x) => Number.isFinite(value(x)))) {
      out.retcode = 'Unstable';
      break;
    }
    k1 = slopeAtEnd();
  }
  if (!everyStep && options.saveEnd && out.retcode === 'Success') save(out, tf, y);
  out.reached = out.t.length;
  out.stoppedAt = t;
  if (out.retcode !== 'Success') unreached(out, u0.length, saveat.slice(next), options.saveEnd ? tf : undefined);
  return out;
}

function save(out: Trajectory, t: number, u: readonly Real[]): void {
  out.t.push(t);
  out.u.push(u.slice());
}

/** The times a failed solve was to save at, with NaN states: reading them makes a log density NaN. */
function unreached(out: Trajectory, n: number, times: readonly number[], end: number | undefined): void {
  const nan = (): Real[] => new Array<Real>(n).fill(NaN);
  for (const t of times) save(out, t, nan());
  if (end !== undefined && !sameTime(out.t[out.t.length - 1] ?? NaN, end)) save(out, end, nan());
}
