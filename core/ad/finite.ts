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
