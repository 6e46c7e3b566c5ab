import { describe, expect, it } from 'vitest';
import { ops, type Real } from '../../ad/index.js';
import { cholesky, lbeta, lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { LKJ } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

/** log c₀ by the vine-method constant (LKJ 2009, eq. 16): a different formula from the onion one the code uses. */
function vineLogc0(d: number, eta: number): number {
  let s = 0;
  for (let k = 1; k <= d - 1; k++) {
    const a = eta + (d - k - 1) / 2;
    s += (2 * eta - 2 + d - k) * (d - k) * Math.LN2 + (d - k) * lbeta(a, a);
  }
  return -s;
}

/** Theorem 5 of LKJ 2009 for η = 1 (Distributions' `lkj_onion_loginvconst_uniform_odd/even`). */
function uniformLogc0(d: number): number {
  const logpi = Math.log(Math.PI);
  let inv: number;
  if (d % 2 === 1) {
    inv = (d - 1) * ((d + 1) * (logpi / 4) - (d - 1) * (Math.LN2 / 4) - lgamma((d + 1) / 2));
    for (let k = 2; k <= d - 1; k += 2) inv += lgamma(k);
  } else {
    inv = d * ((d - 2) * (logpi / 4) + (3 * d - 4) * (Math.LN2 / 4) + lgamma(d / 2)) - (d - 1) * lgamma(d);
    for (let k = 2; k <= d - 2; k += 2) inv += lgamma(k);
  }
  return -inv;
}

function identity(d: number): number[] {
  return Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? 1 : 0));
}

/** A 3×3 correlation matrix from its three free entries, both mirror entries from the same input. */
function corr3(r12: Real, r13: Real, r23: Real): Real[] {
  return [1, r12, r13, r12, 1, r23, r13, r23, 1];
}

describe('LKJ log density', () => {
  it.each([
    [0.5, 0.3],
    [1, -0.7],
    [2.5, 0.1],
    [10, 0.95],
  ])('for d = 2 is the density of r = 2u − 1 with u ~ Beta(η, η): η = %d, r = %d', (eta, r) => {
    const u = (r + 1) / 2;
    const beta = (eta - 1) * (Math.log(u) + Math.log(1 - u)) - lbeta(eta, eta);
    expectClose(LKJ(2, eta).logpdf([1, r, r, 1]), beta - Math.LN2);
  });

  it.each([
    [3, 0.5],
    [3, 2.7],
    [4, 1],
    [5, 0.3],
    [6, 4],
  ])('the normaliser for d = %d, η = %d agrees with the vine-method constant', (d, eta) => {
    // At the identity log|R| = 0, so the density is log c₀.
    expectClose(LKJ(d, eta).logpdf(identity(d)), vineLogc0(d, eta));
  });

  it.each([2, 3, 4, 5, 6, 7])('at η = 1 (d = %d) it equals Theorem 5 (the branch Distributions takes)', (d) => {
    expectClose(LKJ(d, 1).logpdf(identity(d)), uniformLogc0(d));
  });

  it('is (η − 1) log|R| + log c₀ at a 3×3 correlation matrix', () => {
    const [a, b, c] = [0.3, -0.2, 0.5];
    const det = 1 + 2 * a * b * c - a * a - b * b - c * c;
    expectClose(LKJ(3, 2.5).logpdf(corr3(a, b, c)), 1.5 * Math.log(det) + vineLogc0(3, 2.5));
  });

  it('is 0 for d = 1', () => {
    expect(LKJ(1, 3).logpdf([1])).toBe(0);
  });

  it('is −∞ off the correlation matrices', () => {
    const d = LKJ(3, 2);
    expect(d.logpdf([1.1, 0, 0, 0, 1, 0, 0, 0, 1])).toBe(-Infinity);
    expect(d.logpdf([1, 0.5, 0, 0.4, 1, 0, 0, 0, 1])).toBe(-Infinity);
    expect(d.logpdf(corr3(0.9, 0.9, -0.9))).toBe(-Infinity);
  });

  it('has corr support and mean I', () => {
    expect(LKJ(3, 2).support()).toEqual({ kind: 'corr', dim: 3 });
    expect(LKJ(2, 2).mean!()).toEqual([1, 0, 0, 1]);
  });
});

describe('LKJ partials', () => {
  // Moving one entry of R alone breaks its symmetry (leaving the support), so R is built from its free
  // entries with both mirror entries sharing an input: the check covers the d² partials summed in pairs.
  it('the free entries of R and η', () => {
    expectGradientsMatch((t) => LKJ(3, t[3]!).logpdf(corr3(t[0]!, t[1]!, t[2]!)), [0.3, -0.2, 0.5, 2.5]);
    expectGradientsMatch((t) => LKJ(3, t[3]!).logpdf(corr3(t[0]!, t[1]!, t[2]!)), [0.1, 0.6, -0.4, 0.4]);
  });

  it('η alone for larger d, including across η = 1', () => {
    const r = Array.from(identity(4));
    r[1] = r[4] = 0.2;
    for (const eta of [0.5, 1, 3]) expectGradientsMatch((t) => LKJ(4, t[0]!).logpdf(r), [eta]);
  });

  it('η through a computed value', () => {
    expectGradientsMatch((t) => LKJ(2, ops.exp(t[0]!)).logpdf([1, 0.4, 0.4, 1]), [0.3]);
  });
});

describe('LKJ draws', () => {
  it('are correlation matrices whose off-diagonal entries are 2·Beta(α, α) − 1, α = η − 1 + d/2', () => {
    const rng = Rng.seeded(9);
    const [d, eta] = [4, 2];
    const dist = LKJ(d, eta);
    const n = 20000;
    const pairs = [
      [0, 1],
      [0, 3],
      [2, 3],
    ];
    const cols = pairs.map(() => new Float64Array(n));
    let malformed = 0;
    for (let k = 0; k < n; k++) {
      const r = dist.rand(rng);
      for (let i = 0; i < d; i++) if (r[i + i * d] !== 1) malformed++;
      if (cholesky(r, d) === null) malformed++;
      pairs.forEach(([i, j], p) => {
        if (r[i! + j! * d] !== r[j! + i! * d]) malformed++;
        cols[p]![k] = r[i! + j! * d]!;
      });
    }
    expect(malformed).toBe(0);
    const alpha = eta - 1 + d / 2;
    for (const c of cols) expectMoments(c, 0, 1 / (2 * alpha + 1));
  });
});

describe('LKJ arguments', () => {
  it.each([
    [() => LKJ(0, 1), 'LKJ: dimension d must be a positive integer, got 0'],
    [() => LKJ(2.5, 1), 'LKJ: dimension d must be a positive integer, got 2.5'],
    [() => LKJ(3, 0), 'LKJ: shape η must be positive, got 0'],
    [() => LKJ(2, 1).logpdf([1, 0, 1]), 'LKJ: expected a value with 4 elements, got 3'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
