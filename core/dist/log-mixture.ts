import { nodeByRule, type Real } from '../ad/index.js';

/**
 * log Σₖ wₖ exp(ℓₖ) as one node on the weights and the component terms: ∂/∂wₖ = exp(ℓₖ − v),
 * ∂/∂ℓₖ = wₖ exp(ℓₖ − v). Taking the weights directly, not log wₖ, keeps a zero weight harmless
 * (no 0 · ∞ in either sweep). exp(ℓₖ − v) is the sum's own exp(ℓₖ − m) / s: a second exp per component was a
 * third of a mixture likelihood's replay, and carried an error of |v| ulps.
 */
export function logMixture(w: readonly Real[], terms: readonly Real[]): Real {
  const k = w.length;
  // The replay rule on [w₁ … w_k, ℓ₁ … ℓ_k].
  const rule = (x: ArrayLike<number>, p: Float64Array): number => {
    let m = -Infinity;
    for (let i = 0; i < k; i++) if (x[i]! > 0) m = Math.max(m, x[k + i]!);
    p.fill(0, 0, 2 * k);
    if (m === -Infinity || m === Infinity) return m;
    let s = 0;
    for (let i = 0; i < k; i++) {
      const e = Math.exp(x[k + i]! - m);
      p[i] = e;
      s += x[i]! * e;
    }
    for (let i = 0; i < k; i++) {
      const r = p[i]! / s;
      p[i] = r;
      p[k + i] = x[i]! * r;
    }
    return m + Math.log(s);
  };
  return nodeByRule([...w, ...terms], rule);
}
