import { stopsChain } from './gibbs/attempt.js';

/**
 * What the gradient-based kernels sample: a log density on ℝᵈ with its gradient, nothing of the model
 * layer, so that the kernels can be tested against hand-written densities.
 */
export interface Target {
  readonly dimension: number;
  /**
   * Log density and its gradient at θ (unconstrained). A non-finite value or gradient, or an exception,
   * marks θ as outside the usable region: inside a trajectory it is a divergence, never a crash, unless the error
   * `stopsChain` (see gibbs/attempt.ts).
   */
  logdensityAndGradient(theta: Float64Array): { value: number; grad: Float64Array };
}

/**
 * The log density at θ with its gradient copied into `gradient`, or −∞ when the target throws or answers
 * anything non-finite. Copying keeps the result valid when a target reuses its gradient buffer.
 */
export function evaluate(target: Target, theta: Float64Array, gradient: Float64Array): number {
  let result: { value: number; grad: Float64Array };
  try {
    result = target.logdensityAndGradient(theta);
  } catch (e) {
    // A model whose parameters changed with their values (a branch on θ drawing another variable): a divergence
    // there would sample the first run's branch only, with advice about priors' supports.
    if (stopsChain(e)) throw e;
    return -Infinity;
  }
  const { value, grad } = result;
  if (!Number.isFinite(value) || grad.length !== gradient.length) return -Infinity;
  for (let i = 0; i < gradient.length; i++) {
    const g = grad[i]!;
    // g − g is NaN exactly when g is ±∞ or NaN: one comparison instead of a call per element.
    if (g - g !== 0) return -Infinity;
    gradient[i] = g;
  }
  return value;
}
