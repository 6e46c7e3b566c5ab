import { normccdf, normcdf } from '../../math/index.js';

/** 20-point Gauss–Legendre nodes and weights on [−1, 1], by Newton's method on P₂₀. */
const GL = (() => {
  const n = 20;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
})();

/**
 * Owen's T(h, a) = (1/2π) ∫₀ᵃ exp(−h²(1 + x²)/2)/(1 + x²) dx, the skew normal's cdf term. For |a| ≤ 1
 * the integral is taken by Gauss–Legendre over [0, min(a, 8.5/h)] (beyond, the integrand is below 10⁻¹⁶
 * of its peak); for |a| > 1 by Owen's identity
 * T(h, a) = ½Φ(h)(1 − Φ(ah)) + ½Φ(ah)(1 − Φ(h)) − T(ah, 1/a), h ≥ 0.
 */
export function owensT(h: number, a: number): number {
  if (a < 0) return -owensT(h, -a);
  if (a === 0) return 0;
  const ah = Math.abs(h);
  if (a > 1) {
    const b = a * ah;
    return 0.5 * (normcdf(ah) * normccdf(b) + normcdf(b) * normccdf(ah)) - owensT(b, 1 / a);
  }
  const upper = ah > 0 ? Math.min(a, 8.5 / ah) : a;
  const half = upper / 2;
  let s = 0;
  for (let i = 0; i < GL.nodes.length; i++) {
    const x = half * (GL.nodes[i]! + 1);
    s += (GL.weights[i]! * Math.exp(-0.5 * ah * ah * x * x)) / (1 + x * x);
  }
  return (Math.exp(-0.5 * ah * ah) * half * s) / (2 * Math.PI);
}
