import { strongWolfe } from './line-search.js';
import { dot, evaluate, maxAbs, type Objective, type Point } from './objective.js';

export interface MaximizeOptions {
  /** Converged when every component of the gradient is at most this in absolute value. Default 1e-8. */
  readonly gradientTolerance?: number;
  /** Default 1000. */
  readonly maxIterations?: number;
  /** How many (s, y) pairs approximate the inverse Hessian. Default 10. */
  readonly memory?: number;
}

export interface MaximizeResult {
  /** The last point reached: the mode when converged. */
  readonly mode: Float64Array;
  /** The objective there (not negated). */
  readonly value: number;
  /** The objective's gradient there. */
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly message: string;
}

interface Pair {
  readonly s: Float64Array;
  readonly y: Float64Array;
  readonly rho: number;
}

/**
 * Maximises the objective by L-BFGS (Nocedal & Wright, Algorithm 7.5) on −objective, from `initial` in
 * the unconstrained space. Never throws for what the objective does: an unusable start, or a search that
 * cannot decrease −objective any further before the gradient is small, ends with `converged` false and
 * the reason in `message`.
 */
export function maximize(target: Objective, initial: Float64Array, options: MaximizeOptions = {}): MaximizeResult {
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 1000;
  const memory = options.memory ?? 10;
  if (initial.length !== target.dimension) throw new RangeError(`the initial point has ${initial.length} coordinates, the objective ${target.dimension}`);
  if (!(gradientTolerance >= 0)) throw new RangeError(`the gradient tolerance must be non-negative, got ${gradientTolerance}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new RangeError(`maxIterations must be a non-negative integer, got ${maxIterations}`);
  if (!Number.isInteger(memory) || memory < 1) throw new RangeError(`memory must be a positive integer, got ${memory}`);

  const first = evaluate(target, initial.slice());
  if (!first.ok) return finish({ x: initial.slice(), f: NaN, g: new Float64Array(initial.length).fill(NaN) }, 0, 1, false, `unusable initial point: ${first.reason}`);
  let point = first.point;
  let evaluations = 1;
  const pairs: Pair[] = [];
  for (let iteration = 0; ; iteration++) {
    const gradientNorm = maxAbs(point.g);
    if (gradientNorm <= gradientTolerance) return finish(point, iteration, evaluations, true, `gradient below ${gradientTolerance}`);
    if (iteration === maxIterations) return finish(point, iteration, evaluations, false, `no convergence in ${maxIterations} iterations (gradient ${gradientNorm})`);
    let direction = searchDirection(point.g, pairs);
    if (!(dot(direction, point.g) < 0)) {
      // Rounding (or an overflow) spoilt the memory's direction: start again from steepest descent.
      pairs.length = 0;
      direction = searchDirection(point.g, pairs);
    }
    // Steepest descent's length says nothing about a good step; a quasi-Newton step of 1 is natural.
    const search = strongWolfe(target, point, direction, pairs.length === 0 ? Math.min(1, 1 / gradientNorm) : 1);
    evaluations += search.evaluations;
    const next = search.point;
    if (next === undefined) {
      if (pairs.length === 0) {
        // No step improves the objective in double precision: when the gradient is already at the size
        // rounding of the objective leaves, that is the optimum, not a failure (Optim's f_tol spirit).
        const atPrecision = gradientNorm <= Math.sqrt(Number.EPSILON) * Math.max(1, Math.abs(point.f));
        return finish(point, iteration, evaluations, atPrecision, atPrecision ? `no further improvement at floating-point precision (gradient ${gradientNorm.toExponential(2)})` : `the line search found no step that increases the objective enough (gradient ${gradientNorm})`);
      }
      // A stale curvature memory can point badly: the next iteration tries steepest descent.
      pairs.length = 0;
      continue;
    }
    const s = Float64Array.from(next.x, (v, i) => v - point.x[i]!);
    const y = Float64Array.from(next.g, (v, i) => v - point.g[i]!);
    const sy = dot(s, y);
    if (sy > Number.EPSILON * dot(y, y)) {
      pairs.push({ s, y, rho: 1 / sy });
      if (pairs.length > memory) pairs.shift();
    }
    point = next;
  }
}

/** −H g by the two-loop recursion, H the L-BFGS inverse Hessian scaled by the newest pair's sᵀy / yᵀy. */
function searchDirection(g: Float64Array, pairs: readonly Pair[]): Float64Array {
  const q = g.slice();
  const alphas = new Float64Array(pairs.length);
  for (let k = pairs.length - 1; k >= 0; k--) {
    const { s, y, rho } = pairs[k]!;
    const a = rho * dot(s, q);
    alphas[k] = a;
    for (let i = 0; i < q.length; i++) q[i]! -= a * y[i]!;
  }
  const newest = pairs[pairs.length - 1];
  const gamma = newest === undefined ? 1 : 1 / (newest.rho * dot(newest.y, newest.y));
  for (let i = 0; i < q.length; i++) q[i]! *= gamma;
  for (let k = 0; k < pairs.length; k++) {
    const { s, y, rho } = pairs[k]!;
    const b = rho * dot(y, q);
    for (let i = 0; i < q.length; i++) q[i]! += (alphas[k]! - b) * s[i]!;
  }
  for (let i = 0; i < q.length; i++) q[i] = -q[i]!;
  return q;
}

function finish(point: Point, iterations: number, evaluations: number, converged: boolean, message: string): MaximizeResult {
  return { mode: point.x, value: -point.f, gradient: point.g.map((v) => -v), iterations, evaluations, converged, message };
}
