import { describe, expect, it } from 'vitest';
import { compileGradient, forwardGradient, ops, type Real } from '../../ad/index.js';
import { Exponential, Normal } from '../univariate/index.js';
import { Dirichlet, InverseWishart, LKJ, LKJCholesky, Multinomial, MvLogNormal, MvMixtureModel, MvNormal, MvNormalCanon, MvTDist, Wishart, arraydist, diagonalCovariance, filldist, fullCovariance, ordered, resolvePD, scaledIdentityCovariance } from './index.js';
import { expectClose } from './test-support.js';

/** A 2×2 SPD matrix from three free numbers: [a b; b c] with a, c the diagonal. */
const spd = (a: Real, b: Real, c: Real): Real[] => [a, b, b, c];
/** A 2×2 correlation matrix, and its lower Cholesky factor. */
const corr = (r: Real): Real[] => [1, r, r, 1];
const corrFactor = (r: Real): Real[] => [1, r, 0, ops.sqrt(ops.sub(1, ops.abs2(r)))];

/**
 * Each family's log density (and mean where it has AD parameters) as a function of a few numbers,
 * recorded on a compiled tape at one point and replayed at another: the distribution's precomputed
 * factorisations and normalisers must come from the replayed values, not the recorded ones.
 */
const CASES: [string, (t: readonly Real[]) => Real, number[], number[]][] = [
  ['MvNormal, full Σ', (t) => MvNormal([t[0]!, 0.5], fullCovariance(spd(t[1]!, t[2]!, t[3]!), 2)).logpdf([0.3, t[4]!]), [0.1, 2, 0.3, 1, -0.2], [-0.4, 1.2, -0.5, 2.5, 0.7]],
  ['MvNormal, Diagonal', (t) => MvNormal([t[0]!, 0], diagonalCovariance([t[1]!, t[2]!])).logpdf([0.3, -1]), [0.1, 2, 1], [1, 0.5, 3]],
  ['MvNormal, σ² I', (t) => MvNormal([t[0]!, 0], scaledIdentityCovariance(t[1]!)).logpdf([0.3, -1]), [0.1, 2], [1, 0.5]],
  ['MvLogNormal', (t) => MvLogNormal([t[0]!, 0], fullCovariance(spd(t[1]!, t[2]!, 1), 2)).logpdf([t[3]!, 2]), [0.1, 2, 0.3, 0.5], [-0.3, 1, -0.6, 1.7]],
  ['MvNormalCanon', (t) => MvNormalCanon([t[0]!, 1], fullCovariance(spd(t[1]!, t[2]!, 1), 2)).logpdf([0.3, -1]), [0.1, 2, 0.3], [-1, 1.5, -0.8]],
  ['MvNormalCanon mean', (t) => ops.sumOf(MvNormalCanon([t[0]!, 1], fullCovariance(spd(t[1]!, t[2]!, 1), 2)).mean!()), [0.1, 2, 0.3], [-1, 1.5, -0.8]],
  ['MvTDist', (t) => MvTDist(t[0]!, [t[1]!, 0], fullCovariance(spd(t[2]!, 0.2, 1), 2)).logpdf([0.3, -1]), [3, 0.1, 2], [7, -1, 0.6]],
  ['MvTDist mean', (t) => ops.sumOf(MvTDist(t[0]!, [t[1]!, 0], scaledIdentityCovariance(1)).mean!()), [3, 0.1], [7, -1]],
  ['Dirichlet', (t) => Dirichlet([t[0]!, t[1]!, 2]).logpdf([0.2, t[2]!, ops.sub(0.8, t[2]!)]), [1.5, 0.7, 0.3], [3, 2.5, 0.5]],
  ['Multinomial', (t) => Multinomial(5, [t[0]!, ops.sub(1, t[0]!)]).logpdf([2, 3]), [0.3], [0.8]],
  ['LKJ', (t) => LKJ(2, t[0]!).logpdf(corr(t[1]!)), [2, 0.3], [0.7, -0.6]],
  ['LKJCholesky', (t) => LKJCholesky(2, t[0]!).logpdf(corrFactor(t[1]!)), [2, 0.3], [0.7, -0.6]],
  ['Wishart', (t) => Wishart(t[0]!, fullCovariance(spd(t[1]!, 0.2, 1), 2)).logpdf(spd(t[2]!, t[3]!, 1.5)), [4, 2, 1, 0.3], [6, 1.2, 2.5, -0.4]],
  ['InverseWishart', (t) => InverseWishart(t[0]!, fullCovariance(spd(t[1]!, 0.2, 1), 2)).logpdf(spd(t[2]!, t[3]!, 1.5)), [4, 2, 1, 0.3], [6, 1.2, 2.5, -0.4]],
  ['InverseWishart mean', (t) => ops.sumOf(InverseWishart(t[0]!, diagonalCovariance([t[1]!, 1])).mean!()), [4, 2], [6, 1.2]],
  ['ordered', (t) => ordered(MvNormal([t[0]!, 0], scaledIdentityCovariance(1))).logpdf([t[1]!, t[2]!]), [0.1, -0.5, 1], [1, 0.3, 0.4]],
  ['filldist', (t) => filldist(Normal(t[0]!, t[1]!), 2).logpdf([0.3, -1]), [0.1, 2], [1, 0.5]],
  ['filldist, x and parameters', (t) => filldist(Normal(t[0]!, t[1]!), 2).logpdf([t[2]!, -1]), [0.1, 2, 0.3], [1, 0.5, -2]],
  ['arraydist of mixed families', (t) => arraydist([Normal(t[0]!, 1), Exponential(t[1]!), Normal(0, 2)]).logpdf([0.3, t[2]!, t[3]!]), [0.1, 2, 0.4, 1], [1, 0.5, 2, -1]],
  ['MixtureModel', (t) => MvMixtureModel([MvNormal([t[0]!, 0], scaledIdentityCovariance(1)), MvNormal([2, 1], scaledIdentityCovariance(t[1]!))], [t[2]!, ops.sub(1, t[2]!)]).logpdf([0.3, -1]), [0.1, 2, 0.3], [-2, 0.5, 0.9]],
];

describe('compiled tapes replay multivariate log densities at new parameters', () => {
  it.each(CASES)('%s', (_, f, recordAt, replayAt) => {
    const replayed = compileGradient(f, recordAt)(replayAt);
    const fresh = forwardGradient(f, replayAt);
    expectClose(replayed.value, fresh.value, 1e-12);
    fresh.grad.forEach((g, i) => expectClose(replayed.grad[i]!, g, 1e-10, `∂/∂t[${i}]: replayed ${replayed.grad[i]}, fresh ${g}`));
  });

  it('check the support again: a replay outside it gives −∞ with a zero gradient', () => {
    const f = (t: readonly Real[]) => ordered(MvNormal([0, 0], scaledIdentityCovariance(t[0]!))).logpdf([t[1]!, 0.5]);
    const replayed = compileGradient(f, [1, 0.2])([1, 0.8]);
    expect(replayed.value).toBe(-Infinity);
    expect(Array.from(replayed.grad)).toEqual([0, 0]);
  });

  it('check the matrix arguments again: a replay where Σ is no longer positive definite throws as a fresh evaluation does', () => {
    const f = (t: readonly Real[]) => MvNormal([0, 0], fullCovariance(spd(1, t[0]!, 1), 2)).logpdf([0.3, -1]);
    const compiled = compileGradient(f, [0.5]);
    expect(() => compiled([2])).toThrow('MvNormal: Σ must be positive definite, but its leading 2×2 minor is not positive');
    expect(() => f([2])).toThrow('MvNormal: Σ must be positive definite, but its leading 2×2 minor is not positive');
  });
});

describe('replayed covariance matrices', () => {
  it('factor the replayed values of one Σ once, however many distributions were built from it (y[:, n] ~ MvNormal(μ, Σ) in a loop)', () => {
    const built = () => resolvePD(fullCovariance(spd(2, 0.3, 1), 2), 'MvNormal', 'Σ');
    const [a, b] = [built(), built()];
    const v = [1.5, 0.2, 0.2, 2];
    expect(b.at(v)).toBe(a.at(v));
    expect(a.at(v).logdet).toBeCloseTo(Math.log(1.5 * 2 - 0.2 * 0.2), 12);
    // Other values, or the same numbers as another kind of matrix, are factored anew.
    expect(a.at([1.5, 0.1, 0.1, 2])).not.toBe(a.at(v));
    expect(resolvePD(diagonalCovariance([2, 1]), 'MvNormal', 'Σ').at([1.5, 2]).logdet).toBeCloseTo(Math.log(3), 12);
  });
});
