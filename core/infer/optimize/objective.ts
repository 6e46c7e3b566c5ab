import type { GradientResult } from '../../ad/index.js';
import { attempt } from '../gibbs/index.js';

/**
 * What MAP and MLE maximise in the unconstrained space: the log joint or the log-likelihood, with the
 * gradient (the caller decides which, and whether the log-Jacobian is in it).
 */
export interface Objective {
  readonly dimension: number;
  objective(theta: Float64Array): GradientResult;
}

/** −objective and its gradient at a point: what the minimiser works with. */
export interface Point {
  readonly x: Float64Array;
  readonly f: number;
  readonly g: Float64Array;
}

/** The point, or why it is unusable: an exception, a non-finite value or gradient, a wrong length. */
export type Evaluation = { readonly ok: true; readonly point: Point } | { readonly ok: false; readonly reason: string };

export function evaluate(target: Objective, x: Float64Array): Evaluation {
  const result = attempt(() => target.objective(x));
  if (!result.ok) return { ok: false, reason: `the objective threw: ${result.error}` };
  const { value, grad } = result.value;
  if (grad.length !== x.length) throw new RangeError(`the objective's gradient has ${grad.length} coordinates, the point ${x.length}`);
  if (!Number.isFinite(value)) return { ok: false, reason: `the objective is ${value}` };
  const g = new Float64Array(x.length);
  for (let i = 0; i < g.length; i++) {
    const gi = grad[i]!;
    if (!Number.isFinite(gi)) return { ok: false, reason: `the objective's gradient ${i} is ${gi}` };
    g[i] = -gi;
  }
  return { ok: true, point: { x, f: -value, g } };
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}
