import { describe, expect, it } from 'vitest';
import { expectGradient } from '../../testing/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { call } from './testing.js';

/** Three points in the plane, one per row: (0, 0), (3, 4), (1, 1). Reference values by hand (and scipy's cdist). */
const P = mat([0, 0], [3, 4], [1, 1]);
const close = (xs: number[]): unknown[] => xs.map((v) => expect.closeTo(v, 13));
const metric = (name: string) => call(name, []);

describe("Distances.jl's metrics and pairwise", () => {
  it('pairwise between the rows (dims = 1) or the columns (dims = 2, the default) of a matrix, column-major', () => {
    const rows = [0, 5, Math.SQRT2, 5, 0, Math.hypot(2, 3), Math.SQRT2, Math.hypot(2, 3), 0];
    expect(nums(call('pairwise', [metric('Euclidean'), P], { dims: 1 }))).toEqual(close(rows));
    expect(nums(call('pairwise', [metric('SqEuclidean'), P], { dims: 1 }))).toEqual(close(rows.map((d) => d * d)));
    // The columns of P are two points in three dimensions: (0, 3, 1) and (0, 4, 1).
    expect(nums(call('pairwise', [metric('Cityblock'), P]))).toEqual([0, 1, 1, 0]);
  });

  it('pairwise of a vector of numbers, of two collections, and the metric functions', () => {
    expect(nums(call('pairwise', [metric('Euclidean'), vec(2, 4, 7)]))).toEqual([0, 2, 5, 2, 0, 3, 5, 3, 0]);
    expect(nums(call('pairwise', [metric('SqEuclidean'), vec(0, 1), vec(3, 4, 5)]))).toEqual([9, 4, 16, 9, 25, 16]);
    expect(call('euclidean', [vec(0, 0), vec(3, 4)])).toBe(5);
    expect(call('chebyshev', [vec(0, 0), vec(3, -4)])).toBe(4);
    expect(call('evaluate', [metric('Cityblock'), vec(1, 2), vec(4, 0)])).toBe(5);
    expect(() => call('euclidean', [vec(0, 0), vec(1, 2, 3)])).toThrow('Euclidean: the points have lengths 2 and 3 (DimensionMismatch)');
    expect(() => call('pairwise', [metric('Euclidean'), P], { dims: 3 })).toThrow('pairwise: dims must be 1 (points are rows) or 2 (points are columns), got 3');
  });

  it('differentiates through points that are parameters (a latent-position GP)', () => {
    const source =
      '@model function m(y)\n    z ~ filldist(Normal(), 3, 2)\n    D = pairwise(Distances.SqEuclidean(), z, dims=1)\n    K = exp.(-0.5 .* D) + 1e-3 * I\n    y ~ MvNormal(zeros(3), K)\nend\n';
    expectGradient(source, JSON.stringify({ y: [0.1, -0.4, 0.8] }));
  });
});
