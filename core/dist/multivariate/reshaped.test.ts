import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { InverseGamma } from '../univariate/index.js';
import { Dirichlet, product_distribution, reshaped } from './index.js';
import { expectArgumentError, expectClose } from './test-support.js';

describe('reshape(d, dims) of a distribution', () => {
  it("reads d's values in the new shape: density, support and draws are d's", () => {
    const inner = product_distribution([InverseGamma(2, 3), InverseGamma(2, 3)]);
    const d = reshaped(inner, [1, 2]);
    expect(d.shape).toEqual([1, 2]);
    expect(d.variate).toBe('matrixvariate');
    expect(d.support()).toEqual(inner.support());
    expectClose(d.logpdf([2, 0.5]), Number(inner.logpdf([2, 0.5])));
    expect(d.rand(Rng.seeded(4))).toEqual(inner.rand(Rng.seeded(4)));
  });

  it('keeps a structured support over the flat values (a simplex read as a 2×2 matrix)', () => {
    const d = reshaped(Dirichlet([1, 2, 3, 4]), [2, 2]);
    expect(d.support()).toEqual({ kind: 'simplex', dim: 4 });
    expectClose(d.logpdf([0.1, 0.2, 0.3, 0.4]), Number(Dirichlet([1, 2, 3, 4]).logpdf([0.1, 0.2, 0.3, 0.4])));
  });

  it('needs as many elements as d has', () => {
    expectArgumentError(() => reshaped(Dirichlet([1, 2]), [1, 3]), 'reshape: cannot reshape a Dirichlet of 2 elements (2) into 1×3');
  });
});
