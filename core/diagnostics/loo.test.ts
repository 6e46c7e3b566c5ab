import { describe, expect, it } from 'vitest';
import { drawsMatrix } from '../chains/index.js';
import { looCompareReference, looReferences } from '../testing/fixtures/diagnostics/index.js';
import { loo, looCompare, LooError, paretoSmooth, paretoTailLength } from './index.js';

const numbers = (xs: readonly string[]) => xs.map(Number);

/** Relative agreement, or absolute near zero. */
function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  if (Number.isNaN(expected)) return expect(actual).toBeNaN();
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe.each(looReferences)('PSIS-LOO against R’s loo 2.5.1: $case', (ref) => {
  const ll = numbers(ref.ll);
  const perObservation = ref.iterations * ref.chains;
  const matrices = Array.from({ length: ref.observations }, (_, i) => drawsMatrix(Float64Array.from(ll.slice(i * perObservation, (i + 1) * perObservation)), ref.iterations, ref.chains));
  const names = matrices.map((_, i) => `y[${i + 1}]`);
  const result = loo(matrices, names);

  it('gives each observation’s relative efficiency, tail length, k, n_eff and smoothed weights as loo does', () => {
    result.pointwise.forEach((p, i) => {
      expectClose(p.relativeEff, Number(ref.r_eff[i]));
      expect(paretoTailLength(perObservation, p.relativeEff)).toBe(ref.tail_len[i]);
      expectClose(p.paretoK, Number(ref.pareto_k[i]), 1e-8);
      expectClose(p.nEff, Number(ref.n_eff[i]), 1e-8);
    });
    for (const [i, expected] of [[0, ref.log_weights_first], [ref.observations - 1, ref.log_weights_last]] as const) {
      const { logWeights } = paretoSmooth(matrices[i]!.data.map((v) => -v), ref.tail_len[i]!);
      logWeights.forEach((w, s) => expectClose(w, Number(expected[s]), 1e-8));
    }
  });

  it('gives the pointwise elpd_loo, its MCSE, p_loo and looic, and their totals with SEs', () => {
    result.pointwise.forEach((p, i) => {
      expectClose(p.elpdLoo, Number(ref.elpd_loo[i]), 1e-8);
      expectClose(p.mcseElpdLoo, Number(ref.mcse_elpd_loo[i]), 1e-8);
      expectClose(p.pLoo, Number(ref.p_loo[i]), 1e-8);
      expectClose(p.looic, Number(ref.looic[i]), 1e-8);
    });
    for (const key of ['elpd_loo', 'p_loo', 'looic'] as const) {
      const mine = { elpd_loo: result.elpdLoo, p_loo: result.pLoo, looic: result.looic }[key];
      expectClose(mine.estimate, Number(ref.estimates[key][0]), 1e-8);
      expectClose(mine.se, Number(ref.estimates[key][1]), 1e-8);
    }
    expectClose(result.mcseElpdLoo, ref.mcse_total === 'NA' ? NaN : Number(ref.mcse_total), 1e-8);
  });

  it('classes the observations by k as loo’s pareto_k_table does, with each class’s smallest n_eff', () => {
    const k = numbers(ref.pareto_k);
    const nEff = numbers(ref.n_eff);
    const bounds = [-Infinity, 0.5, 0.7, 1, Infinity];
    expect(result.kTable.map((c) => c.label)).toEqual(['good', 'ok', 'bad', 'very bad']);
    result.kTable.forEach((c, j) => {
      const inside = k.flatMap((kj, i) => (kj > bounds[j]! && kj <= bounds[j + 1]! ? [i] : []));
      expect(c.count).toBe(inside.length);
      expectClose(c.minNEff, inside.length ? Math.min(...inside.map((i) => nEff[i]!)) : NaN, 1e-8);
    });
  });
});

describe('PSIS-LOO input', () => {
  it('names the observation and draw whose log-likelihood is not finite', () => {
    const bad = drawsMatrix(Float64Array.from([-1, -2, -Infinity, -1.5]), 2, 2);
    expect(() => loo([bad], ['y[3]'])).toThrow(new LooError('the log-likelihood of `y[3]` is -Infinity at draw 1 of chain 2: leave-one-out needs finite values at every draw'));
    expect(() => loo([], [])).toThrow(LooError);
  });

  it('leaves the ratios unsmoothed, with k = ∞, when the tail is too short to fit', () => {
    const { logWeights, k } = paretoSmooth(Float64Array.from([0.5, -1, 0.2]), 1);
    expect(k).toBe(Infinity);
    expect(Array.from(logWeights)).toEqual([0.5, -1, 0.2]);
  });
});

describe('loo_compare against R’s loo 2.5.1', () => {
  const ref = looCompareReference;
  const perObservation = ref.iterations * ref.chains;
  const models = Object.entries(ref.models).map(([name, text]) => {
    const ll = numbers(text);
    const matrices = Array.from({ length: ref.observations }, (_, i) => drawsMatrix(Float64Array.from(ll.slice(i * perObservation, (i + 1) * perObservation)), ref.iterations, ref.chains));
    return { name, loo: loo(matrices, matrices.map((_, i) => `y[${i + 1}]`)) };
  });

  it('orders the models best first, with each one’s elpd difference from the best and its SE', () => {
    const rows = looCompare(models);
    expect(rows.map((r) => r.name)).toEqual(ref.order);
    rows.forEach((r, i) => {
      expectClose(r.elpdDiff, Number(ref.elpd_diff[i]), 1e-8);
      expectClose(r.seDiff, Number(ref.se_diff[i]), 1e-8);
    });
    expect(rows[0]!.elpdDiff).toBe(0);
  });

  it('refuses one model, and models of different data sizes', () => {
    expect(() => looCompare(models.slice(0, 1))).toThrow(LooError);
    const fewer = { name: 'fewer', loo: { ...models[0]!.loo, observations: 5 } };
    expect(() => looCompare([models[0]!, fewer])).toThrow('the models have different numbers of observations (normal: 6, fewer: 5): their elpd_loo do not compare');
  });
});
