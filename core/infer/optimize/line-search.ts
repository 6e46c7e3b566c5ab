import { dot, evaluate, type Objective, type Point } from './objective.js';

/** Sufficient decrease and curvature constants of the strong Wolfe conditions, the usual ones for quasi-Newton. */
const C1 = 1e-4;
const C2 = 0.9;
const MAX_EXPANSIONS = 50;
const MAX_ZOOMS = 50;

export interface LineSearchResult {
  /** The accepted point, or undefined when no step decreased −objective enough. */
  readonly point: Point | undefined;
  readonly evaluations: number;
}

/**
 * A step along `direction` satisfying the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and
 * 3.6): the curvature condition keeps sᵀy > 0, so L-BFGS's inverse Hessian stays positive definite,
 * which backtracking alone does not promise. A point the objective cannot evaluate is treated as a step
 * too long. If the zoom runs out of tries, a step with sufficient decrease is still taken (L-BFGS then
 * skips an update that would lose positive definiteness).
 */
export function strongWolfe(target: Objective, start: Point, direction: Float64Array, initialStep: number): LineSearchResult {
  const slope0 = dot(start.g, direction);
  let evaluations = 0;
  const at = (alpha: number): Point | undefined => {
    evaluations++;
    const x = Float64Array.from(start.x, (v, i) => v + alpha * direction[i]!);
    const e = evaluate(target, x);
    return e.ok ? e.point : undefined;
  };
  const armijo = (alpha: number, p: Point | undefined): p is Point => p !== undefined && p.f <= start.f + C1 * alpha * slope0;
  const curvature = (p: Point): boolean => Math.abs(dot(p.g, direction)) <= -C2 * slope0;

  const zoom = (lo: number, loPoint: Point, hi: number, hiPoint: Point | undefined): LineSearchResult => {
    let best = lo > 0 ? loPoint : undefined;
    for (let j = 0; j < MAX_ZOOMS; j++) {
      const alpha = interpolate(lo, loPoint, hi, hiPoint, direction);
      const p = at(alpha);
      if (!armijo(alpha, p) || p.f >= loPoint.f) {
        hi = alpha;
        hiPoint = p;
        continue;
      }
      if (curvature(p)) return { point: p, evaluations };
      if (dot(p.g, direction) * (hi - lo) >= 0) {
        hi = lo;
        hiPoint = loPoint;
      }
      lo = alpha;
      loPoint = p;
      best = p;
    }
    return { point: best, evaluations };
  };

  let previous = 0;
  let previousPoint = start;
  let alpha = initialStep;
  for (let i = 0; i < MAX_EXPANSIONS; i++) {
    const p = at(alpha);
    if (!armijo(alpha, p) || (i > 0 && p.f >= previousPoint.f)) return zoom(previous, previousPoint, alpha, p);
    if (curvature(p)) return { point: p, evaluations };
    if (dot(p.g, direction) >= 0) return zoom(alpha, p, previous, previousPoint);
    previous = alpha;
    previousPoint = p;
    alpha *= 2;
  }
  return { point: previousPoint, evaluations };
}

/**
 * The minimiser of the quadratic through φ(lo), φ′(lo) and φ(hi), kept within the middle 80% of the
 * bracket so that the bracket shrinks; the midpoint when hi could not be evaluated.
 */
function interpolate(lo: number, loPoint: Point, hi: number, hiPoint: Point | undefined, direction: Float64Array): number {
  const d = hi - lo;
  if (hiPoint === undefined) return lo + d / 2;
  const slope = dot(loPoint.g, direction);
  const curvature = hiPoint.f - loPoint.f - slope * d;
  const t = curvature > 0 ? (-slope * d) / (2 * curvature) : 0.5;
  return lo + Math.min(0.9, Math.max(0.1, t)) * d;
}
