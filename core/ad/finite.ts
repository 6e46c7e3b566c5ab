import { value, type Real } from './real.js';
import type { GradientResult } from './forward.js';

/** Central differences with a step scaled to each coordinate: for checking the other backends only. */
export function finiteDifferenceGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>, relStep = 1e-6): GradientResult {
  const n = theta.length;
  const x = Array.from(theta);
  const v0 = value(f(x));
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = relStep * Math.max(1, Math.abs(x[i]!));
    const xi = x[i]!;
    x[i] = xi + h;
    const up = value(f(x));
    x[i] = xi - h;
    const down = value(f(x));
    x[i] = xi;
    grad[i] = (up - down) / (2 * h);
  }
  return { value: v0, grad };
}

/**
 * The relative step of the five-point stencil: its error is about ε|f|/h from rounding plus h⁴|f⁽⁵⁾|/30 from
 * truncation, balanced near h = ε^{1/5} ≈ 7e-4 (FiniteDifferences.jl's `central_fdm(5, 1)` adapts a step of
 * that order). Two points at 1e-6 lost digits to rounding wherever |f| is large: at a log density of −10⁵
 * (a full-size LDA) their error was 7e-5, the stencil's 1e-8.
 */
const STENCIL_STEP = 1e-3;

/**
 * The `finitedifferences` backend: central differences of fourth order, (f(x − 2h) − 8f(x − h) + 8f(x + h) −
 * f(x + 2h)) / 12h per coordinate, 4n + 1 evaluations; for checks, never for sampling.
 */
export function stencilGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>): GradientResult {
  const n = theta.length;
  const x = Array.from(theta);
  const v0 = value(f(x));
  const grad = new Float64Array(n);
  const at = (i: number, xi: number): number => {
    x[i] = xi;
    return value(f(x));
  };
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const h = STENCIL_STEP * Math.max(1, Math.abs(xi));
    grad[i] = (at(i, xi - 2 * h) - 8 * at(i, xi - h) + 8 * at(i, xi + h) - at(i, xi + 2 * h)) / (12 * h);
    x[i] = xi;
  }
  return { value: v0, grad };
}
