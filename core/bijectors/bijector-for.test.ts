import { describe, expect, it } from 'vitest';
import { bijectorFor, type Support } from './index.js';

describe('bijectorFor', () => {
  it.each<[Support, number, number]>([
    [{ kind: 'real' }, 1, 1],
    [{ kind: 'lower', lower: 0 }, 1, 1],
    [{ kind: 'upper', upper: 0 }, 1, 1],
    [{ kind: 'interval', lower: 0, upper: 1 }, 1, 1],
    [{ kind: 'simplex', dim: 4 }, 4, 3],
    [{ kind: 'corr', dim: 3 }, 9, 3],
    [{ kind: 'corr-cholesky', dim: 3, uplo: 'U' }, 9, 3],
    [{ kind: 'pd', dim: 3 }, 9, 6],
    [{ kind: 'ordered', dim: 5 }, 5, 5],
    [{ kind: 'elementwise', supports: [{ kind: 'real' }, { kind: 'pd', dim: 2 }] }, 5, 4],
    [{ kind: 'discrete' }, 1, 1],
  ])('%j has %d constrained and %d unconstrained coordinates', (support, constrained, unconstrained) => {
    const b = bijectorFor(support);
    expect([b.constrainedLength, b.unconstrainedLength]).toEqual([constrained, unconstrained]);
  });

  it('rejects a length that disagrees with a structured support', () => {
    expect(() => bijectorFor({ kind: 'simplex', dim: 3 }, 4)).toThrow(/3 elements, not 4/);
    expect(bijectorFor({ kind: 'simplex', dim: 3 }, 3).constrainedLength).toBe(3);
  });

  it('rejects a negative or fractional length', () => {
    expect(() => bijectorFor({ kind: 'real' }, -1)).toThrow(RangeError);
    expect(() => bijectorFor({ kind: 'real' }, 1.5)).toThrow(RangeError);
  });
});
