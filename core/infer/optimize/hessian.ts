import { cholesky, inverseFromCholesky } from '../../math/index.js';
import { evaluate, type Objective } from './objective.js';

export interface StandardErrors {
  /** √diag of the inverse Hessian of −objective; NaN throughout when that Hessian is unusable. */
  readonly se: Float64Array;
  /** The Hessian of −objective (the observed information), d×d column-major, symmetrised. */
  readonly hessian: Float64Array;
  /** Its inverse, or null when it is not positive definite. */
  readonly covariance: Float64Array | null;
  /** Why the standard errors are NaN, when they are. */
  readonly message?: string;
}

/**
 * Relative step of the central differences: ε^(1/3) balances their O(h²) truncation error against
 * the O(ε/h) rounding error of the gradient difference.
 */
const DEFAULT_STEP = Math.cbrt(Number.EPSILON);

/**
 * Standard errors at a mode from the Hessian of −objective, by central differences of the gradient
 * (exact up to rounding for a quadratic objective), symmetrised and inverted through Cholesky.
 */
export function standardErrors(target: Objective, mode: Float64Array, options: { readonly step?: number } = {}): StandardErrors {
  const d = target.dimension;
  if (mode.length !== d) throw new RangeError(`the mode has ${mode.length} coordinates, the objective ${d}`);
  const relativeStep = options.step ?? DEFAULT_STEP;
  if (!(relativeStep > 0) || !Number.isFinite(relativeStep)) throw new RangeError(`the difference step must be positive and finite, got ${relativeStep}`);
  const columns = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    const h = relativeStep * Math.max(1, Math.abs(mode[j]!));
    const shifted = (value: number) => {
      const x = mode.slice();
      x[j] = value;
      return evaluate(target, x);
    };
    // The steps actually taken, after rounding mode ± h to doubles.
    const [up, down] = [mode[j]! + h, mode[j]! - h];
    const plus = shifted(up);
    if (!plus.ok) return unusable(new Float64Array(d * d).fill(NaN), `the gradient near the mode is unusable in coordinate ${j}: ${plus.reason}`);
    const minus = shifted(down);
    if (!minus.ok) return unusable(new Float64Array(d * d).fill(NaN), `the gradient near the mode is unusable in coordinate ${j}: ${minus.reason}`);
    for (let i = 0; i < d; i++) columns[i + j * d] = (plus.point.g[i]! - minus.point.g[i]!) / (up - down);
  }
  const hessian = symmetrised(columns, d);
  const factor = cholesky(hessian, d);
  if (factor === null) return unusable(hessian, 'the Hessian of -objective at the mode is not positive definite: not a strict maximum, or flat in some direction');
  const covariance = inverseFromCholesky(factor, d);
  return { se: Float64Array.from({ length: d }, (_, i) => Math.sqrt(covariance[i + i * d]!)), hessian, covariance };
}

function unusable(hessian: Float64Array, message: string): StandardErrors {
  return { se: new Float64Array(Math.sqrt(hessian.length)).fill(NaN), hessian, covariance: null, message };
}

function symmetrised(a: Float64Array, d: number): Float64Array {
  const s = new Float64Array(d * d);
  for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) s[i + j * d] = 0.5 * (a[i + j * d]! + a[j + i * d]!);
  return s;
}
