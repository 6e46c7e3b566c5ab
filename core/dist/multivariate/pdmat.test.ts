import { describe, expect, it } from 'vitest';
import { fullCovariance, resolvePD } from './index.js';

describe('a full PDMat', () => {
  it('writes ∂f/∂Σ from its dense, inverse and outer terms, an outer term with or without its second vector', () => {
    const n = 3;
    const sigma = [4, 1, 0.5, 1, 3, 0.25, 0.5, 0.25, 2];
    const pd = resolvePD(fullCovariance(sigma, n), 'MvNormal', 'Σ');
    const inv = pd.inverse();
    const u = [0.3, -1.2, 2];
    const v = [1.5, 0.4, -0.7];
    const dense = Array.from({ length: n * n }, (_, k) => k / 10);
    const out = new Float64Array(2 + n * n);
    pd.gradient(out, 2, { dense, inverse: -0.5, outer: [[0.5, u], [2, u, v]] });
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = i + j * n;
        const expected = dense[k]! - 0.5 * inv[k]! + (0.5 * (2 * u[i]! * u[j]!)) / 2 + (2 * (u[i]! * v[j]! + v[i]! * u[j]!)) / 2;
        expect(out[2 + k]).toBe(expected);
      }
    }
  });

  it('is read at new values from an offset into a rule\'s inputs, as from the values alone', () => {
    const pd = resolvePD(fullCovariance([4, 1, 1, 3], 2), 'MvNormal', 'Σ');
    const moved = [2, 0.5, 0.5, 1];
    const fromOffset = pd.at([7, -1, ...moved, 9], 2);
    expect(fromOffset.logdet).toBe(pd.at(moved).logdet);
    expect(Array.from(fromOffset.solve([1, 2]))).toEqual(Array.from(pd.at(moved).solve([1, 2])));
    expect(pd.at([0, ...[4, 1, 1, 3]], 1)).toBe(pd);
  });
});
