import { isAD, noteValueDependence, value, type Real } from '../ad/index.js';

/**
 * OrdinaryDiffEq's step-size control, on plain values: the weighted RMS norm of the local error, Hairer's
 * initial step and the PI controller with OrdinaryDiffEq's defaults (qmin 1/5, qmax 10, safety 0.9).
 * The steps it chooses depend on the parameters' values, so a compiled tape, which would replay one
 * step sequence at every θ, is told so (`noteValueDependence`) where a value is read.
 */

export interface Tolerances {
  /** One for all states, or one per state. */
  abstol: number | readonly number[];
  reltol: number | readonly number[];
}

const WHY = "`solve`'s adaptive step-size control (how many steps, of what size)";

function tolerance(tol: number | readonly number[], i: number): number {
  return typeof tol === 'number' ? tol : tol[i]!;
}

/** Tells a compiled recording that the step sizes read these values (the first AD one is enough). */
export function noteStepDependence(xs: readonly Real[]): void {
  for (const x of xs) {
    if (isAD(x)) {
      noteValueDependence(x, WHY);
      return;
    }
  }
}

/** √(mean((e_i / (abstol + max(|a_i|, |b_i|) reltol))²)), OrdinaryDiffEq's `calculate_residuals` and default norm. */
export function scaledNorm(e: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, tol: Tolerances): number {
  let sum = 0;
  for (let i = 0; i < e.length; i++) {
    const scale = tolerance(tol.abstol, i) + Math.max(Math.abs(a[i]!), Math.abs(b[i]!)) * tolerance(tol.reltol, i);
    const r = e[i]! / scale;
    sum += r * r;
  }
  return e.length === 0 ? 0 : Math.sqrt(sum / e.length);
}

/**
 * Hairer, Nørsett and Wanner's starting step (Solving ODEs I, II.4), as OrdinaryDiffEq's `ode_determine_initdt`:
 * from the sizes of u0, f(u0) and a finite-difference second derivative, capped at the whole interval and at least
 * `dtmin` (an infinite second derivative would make it 0, a step that never moves).
 */
export function initialStep(u0: readonly Real[], f0: readonly Real[], f: (u: readonly Real[], t: number) => readonly Real[], t0: number, span: number, order: number, tol: Tolerances & { dtmin: number }): number {
  const u = u0.map(value);
  const d = f0.map(value);
  const zero = new Float64Array(u.length);
  const d0 = scaledNorm(u, u, zero, tol);
  const d1 = scaledNorm(d, u, zero, tol);
  let dt0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  dt0 = Math.min(dt0, span);
  const u1 = u.map((x, i) => x + dt0 * d[i]!);
  const f1 = f(u1, t0 + dt0).map(value);
  const d2 = scaledNorm(f1.map((x, i) => x - d[i]!), u, zero, tol) / dt0;
  const m = Math.max(d1, d2);
  const dt1 = m <= 1e-15 ? Math.max(1e-6, dt0 * 1e-3) : Math.pow(0.01 / m, 1 / order);
  return Math.max(tol.dtmin, Math.min(100 * dt0, dt1, span));
}

const QMIN = 1 / 5;
const QMAX = 10;
const GAMMA = 9 / 10;
const QOLD_INIT = 1e-4;

/** OrdinaryDiffEq's PIController: proposes the next step after an accepted one, and the retry after a rejection. */
export class PIController {
  private qold = QOLD_INIT;
  private q11 = 1;

  constructor(
    private readonly beta1: number,
    private readonly beta2: number,
  ) {}

  /** The step factor q (dt_new = dt / q) from the error estimate, kept for a rejection. */
  private factor(errorEstimate: number): number {
    if (errorEstimate === 0) return 1 / QMAX;
    this.q11 = Math.pow(errorEstimate, this.beta1);
    const q = this.q11 / Math.pow(this.qold, this.beta2);
    return Math.max(1 / QMAX, Math.min(1 / QMIN, q / GAMMA));
  }

  accepted(dt: number, errorEstimate: number): number {
    const q = this.factor(errorEstimate);
    this.qold = Math.max(errorEstimate, QOLD_INIT);
    return dt / q;
  }

  rejected(dt: number, errorEstimate: number): number {
    // A non-finite estimate (a stage overflowed) shrinks the step as much as a rejection may.
    if (!Number.isFinite(errorEstimate)) return dt * QMIN;
    this.factor(errorEstimate);
    return dt / Math.min(1 / QMIN, this.q11 / GAMMA);
  }
}
