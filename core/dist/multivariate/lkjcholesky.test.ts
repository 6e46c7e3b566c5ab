import { describe, expect, it } from 'vitest';
import { ops, type Real } from '../../ad/index.js';
import { matMul, transpose } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { LKJ, LKJCholesky } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

/** The lower Cholesky factor of a 3×3 correlation matrix from its below-diagonal entries; rows have unit norm. */
function factor3(a: Real, b: Real, c: Real): Real[] {
  const l22 = ops.sqrt(ops.sub(1, ops.mul(a, a)));
  const l33 = ops.sqrt(ops.sub(1, ops.add(ops.mul(b, b), ops.mul(c, c))));
  return [1, a, b, 0, l22, c, 0, 0, l33];
}

function transpose3(m: readonly Real[]): Real[] {
  return [0, 3, 6, 1, 4, 7, 2, 5, 8].map((k) => m[k]!);
}

const L = factor3(0.3, -0.5, 0.4) as number[];

describe('LKJCholesky log density', () => {
  it.each([0.5, 1, 2.5, 8])('is LKJ at R = L Lᵀ plus the Jacobian Σᵢ (d − i) log Lᵢᵢ (η = %d)', (eta) => {
    const r = matMul(L, transpose(L, 3, 3), 3, 3, 3);
    const jacobian = (3 - 2) * Math.log(L[4]!) + (3 - 3) * Math.log(L[8]!);
    expectClose(LKJCholesky(3, eta).logpdf(L), (LKJ(3, eta).logpdf(Array.from(r)) as number) + jacobian);
  });

  it('for d = 2 is LKJ(2, η) of the correlation L₂₁', () => {
    const r = -0.6;
    expectClose(LKJCholesky(2, 1.7).logpdf([1, r, 0, Math.sqrt(1 - r * r)]), LKJ(2, 1.7).logpdf([1, r, r, 1]) as number);
  });

  it("'U' reads the transposed factor", () => {
    const u = Array.from(transpose(L, 3, 3));
    expectClose(LKJCholesky(3, 2, 'U').logpdf(u), LKJCholesky(3, 2).logpdf(L) as number);
    expect(LKJCholesky(3, 2, 'U').support()).toEqual({ kind: 'corr-cholesky', dim: 3, uplo: 'U' });
  });

  it('reads only its triangle, as Julia’s Cholesky does', () => {
    const junk = [...L];
    junk[3] = 42;
    expectClose(LKJCholesky(3, 2).logpdf(junk), LKJCholesky(3, 2).logpdf(L) as number);
  });

  it('is −∞ when a row is not a unit vector or a diagonal entry is not positive', () => {
    const d = LKJCholesky(3, 2);
    const scaled = L.map((v) => v * 1.01);
    expect(d.logpdf(scaled)).toBe(-Infinity);
    const flipped = [...L];
    flipped[4] = -flipped[4]!;
    expect(d.logpdf(flipped)).toBe(-Infinity);
  });

  it('for d = 1 is 0 at [1]', () => {
    expect(LKJCholesky(1, 2).logpdf([1])).toBe(0);
  });
});

describe('LKJCholesky partials', () => {
  // A factor entry moved alone breaks the unit row norm, so the factor is built from its free entries.
  it('the free entries of L and η', () => {
    expectGradientsMatch((t) => LKJCholesky(3, t[3]!).logpdf(factor3(t[0]!, t[1]!, t[2]!)), [0.3, -0.5, 0.4, 2.5]);
    expectGradientsMatch((t) => LKJCholesky(3, t[3]!, 'U').logpdf(transpose3(factor3(t[0]!, t[1]!, t[2]!))), [0.3, -0.5, 0.4, 2.5]);
  });

  it('η alone, across η = 1', () => {
    for (const eta of [0.3, 1, 6]) expectGradientsMatch((t) => LKJCholesky(3, t[0]!).logpdf(L), [eta]);
  });
});

describe('LKJCholesky draws', () => {
  it.each(['L', 'U'] as const)("('%s') are factors of LKJ draws", (uplo) => {
    const rng = Rng.seeded(12);
    const [d, eta] = [4, 1.5];
    const dist = LKJCholesky(d, eta, uplo);
    const n = 20000;
    const r14 = new Float64Array(n);
    let malformed = 0;
    for (let k = 0; k < n; k++) {
      const f = dist.rand(rng);
      const l = uplo === 'L' ? f : transpose(f, d, d);
      for (let i = 0; i < d; i++) {
        if (!(l[i + i * d]! > 0)) malformed++;
        for (let j = i + 1; j < d; j++) if (l[i + j * d] !== 0) malformed++;
      }
      const r = matMul(l, transpose(l, d, d), d, d, d);
      for (let i = 0; i < d; i++) if (!(Math.abs(r[i + i * d]! - 1) < 1e-12)) malformed++;
      r14[k] = r[3]!;
    }
    expect(malformed).toBe(0);
    expectMoments(r14, 0, 1 / (2 * (eta - 1 + d / 2) + 1));
  });
});

describe('LKJCholesky arguments', () => {
  it.each([
    [() => LKJCholesky(0, 1), 'LKJCholesky: dimension d must be a positive integer, got 0'],
    [() => LKJCholesky(2, -1), 'LKJCholesky: shape η must be positive, got -1'],
    [() => LKJCholesky(2, 1, 'X' as 'L'), "LKJCholesky: uplo must be 'L' or 'U', got 'X'"],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
