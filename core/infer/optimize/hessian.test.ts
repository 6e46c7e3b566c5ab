import { describe, expect, it } from 'vitest';
import { cholesky, inverseFromCholesky, matVec } from '../../math/index.js';
import { maximize, standardErrors, type Objective } from './index.js';

/** The log density of N(μ, Σ) up to a constant, Σ with correlations and sds 0.5, 2, 10. */
const mean = Float64Array.of(1, -2, 30);
const sds = [0.5, 2, 10];
const correlation = [1, 0.3, -0.2, 0.3, 1, 0.5, -0.2, 0.5, 1];
const covariance = Float64Array.from(correlation, (r, k) => r * sds[k % 3]! * sds[Math.floor(k / 3)]!);
const precision = inverseFromCholesky(cholesky(covariance, 3)!, 3);
const gaussian: Objective = {
  dimension: 3,
  objective: (t) => {
    const r = Float64Array.from(t, (v, i) => v - mean[i]!);
    const pr = matVec(precision, r, 3, 3);
    return { value: -0.5 * r.reduce((s, v, i) => s + v * pr[i]!, 0), grad: pr.map((v) => -v) };
  },
};

describe('standard errors at the mode', () => {
  it('are a Gaussian’s sds at its mode, its mean', () => {
    const result = maximize(gaussian, Float64Array.of(0, 0, 0));
    expect(result.converged).toBe(true);
    result.mode.forEach((v, i) => expect(Math.abs(v - mean[i]!)).toBeLessThan(1e-7));
    const { se, covariance: estimated, message } = standardErrors(gaussian, result.mode);
    expect(message).toBeUndefined();
    se.forEach((v, i) => expect(Math.abs(v - sds[i]!)).toBeLessThan(1e-6));
    estimated!.forEach((v, k) => expect(Math.abs(v - covariance[k]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(covariance[k]!))));
  });

  it('are NaN with a message where the Hessian is not positive definite', () => {
    const flat: Objective = { dimension: 2, objective: (t) => ({ value: -0.5 * t[0]! ** 2, grad: Float64Array.of(-t[0]!, 0) }) };
    const result = standardErrors(flat, Float64Array.of(0, 0));
    expect(Array.from(result.se).every(Number.isNaN)).toBe(true);
    expect(result.covariance).toBeNull();
    expect(result.message).toMatch(/not positive definite/);
    expect(result.hessian[0]).toBeCloseTo(1, 8);
    const saddle: Objective = { dimension: 2, objective: (t) => ({ value: 0.5 * (t[1]! ** 2 - t[0]! ** 2), grad: Float64Array.of(-t[0]!, t[1]!) }) };
    expect(standardErrors(saddle, Float64Array.of(0, 0)).message).toMatch(/not positive definite/);
  });

  it('are NaN with a message where the gradient cannot be evaluated near the mode', () => {
    const edge: Objective = {
      dimension: 1,
      objective: (t) => {
        if (t[0]! > 0) throw new Error('log of a negative number');
        return { value: -0.5 * t[0]! ** 2, grad: Float64Array.of(-t[0]!) };
      },
    };
    const result = standardErrors(edge, Float64Array.of(0));
    expect(result.se[0]).toBeNaN();
    expect(result.message).toBe('the gradient near the mode is unusable in coordinate 0: the objective threw: log of a negative number');
  });

  it('symmetrise the differenced Hessian', () => {
    const { hessian } = standardErrors(gaussian, mean);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(hessian[i + j * 3]).toBe(hessian[j + i * 3]);
  });
});
