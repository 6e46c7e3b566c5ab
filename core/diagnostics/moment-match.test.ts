import { describe, expect, it } from 'vitest';
import { drawsMatrix } from '../chains/index.js';
import { momentMatchReferences, type MomentMatchReference } from '../testing/fixtures/diagnostics/index.js';
import { loo, looMomentMatch, type MomentMatchModel } from './index.js';

/** Relative agreement, or absolute near zero. */
function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

/** R's dnorm(log = TRUE). */
const logNormal = (x: number, mu: number, sigma: number) => {
  const z = (x - mu) / sigma;
  return -(0.5 * Math.log(2 * Math.PI) + 0.5 * z * z + Math.log(sigma));
};

/**
 * The fixture's posterior written out as moment_match.R writes it: the unconstrained point is the
 * parameters with sigma (last) as log sigma; sigma ~ Exponential(1), the others Normal(0, 10).
 */
function fixture(ref: MomentMatchReference) {
  const y = ref.data['y']!;
  const x = ref.data['x'];
  const rows = ref.drawsCsv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const chains = Math.max(...rows.map((r) => r[0]!));
  const d = ref.pars.length;
  const meanOf = (p: Float64Array, i: number) => (x ? p[0]! + p[1]! * x[i]! : p[0]!);
  const logLikAt = (i: number, points: readonly Float64Array[]) => Float64Array.from(points, (p) => logNormal(y[i]!, meanOf(p, i), Math.exp(p[d - 1]!)));
  const model: MomentMatchModel = {
    draws: rows.map((r) => Float64Array.from({ length: d }, (_, j) => (j === d - 1 ? Math.log(r[2 + j]!) : r[2 + j]!))),
    logDensity: (points) =>
      Float64Array.from(points, (p) => {
        const sigma = Math.exp(p[d - 1]!);
        let lp = -sigma + p[d - 1]!;
        for (let j = 0; j < d - 1; j++) lp += logNormal(p[j]!, 0, 10);
        for (let i = 0; i < y.length; i++) lp += logNormal(y[i]!, meanOf(p, i), sigma);
        return lp;
      }),
    logLik: logLikAt,
  };
  const logLik = y.map((_, i) => drawsMatrix(logLikAt(i, model.draws), rows.length / chains, chains));
  return { model, logLik, before: loo(logLik, y.map((_, i) => `y[${i + 1}]`)) };
}

describe.each(momentMatchReferences)('moment matching against R’s loo 2.5.1 on Tilde’s draws of $name', (ref) => {
  const { model, logLik, before } = fixture(ref);

  describe.each(ref.cases)('$case', (c) => {
    const options = { ...(c.k_threshold !== undefined && { kThreshold: c.k_threshold }), ...(c.split !== undefined && { split: c.split }), ...(c.cov !== undefined && { covariance: c.cov }) };
    const { loo: after, matched } = looMomentMatch(before, logLik, model, options);

    it('starts from the same k', () => before.pointwise.forEach((p, i) => expectClose(p.paretoK, Number(c.pareto_k_before[i]), 1e-10)));

    it('gives each observation’s elpd_loo, p_loo, looic and k, and the totals with SEs, as loo_moment_match does', () => {
      after.pointwise.forEach((p, i) => {
        expectClose(p.elpdLoo, Number(c.elpd_loo[i]), 1e-10);
        expectClose(p.pLoo, Number(c.p_loo[i]), 1e-9);
        expectClose(p.looic, Number(c.looic[i]), 1e-10);
        expectClose(p.paretoK, Number(c.pareto_k[i]), 1e-9);
      });
      for (const key of ['elpd_loo', 'p_loo', 'looic'] as const) {
        const mine = { elpd_loo: after.elpdLoo, p_loo: after.pLoo, looic: after.looic }[key];
        expectClose(mine.estimate, Number(c.estimates[key][0]), 1e-10);
        expectClose(mine.se, Number(c.estimates[key][1]), 1e-9);
      }
    });

    it('gives the matched observations’ MCSE and n_eff as loo meant them', () => {
      after.pointwise.forEach((p, i) => {
        expectClose(p.mcseElpdLoo, Number(c.mcse_elpd_loo[i]), 1e-8);
        expectClose(p.nEff, Number(c.n_eff[i]), 1e-8);
      });
    });

    it('matches the observations above the threshold only', () => {
      const threshold = c.k_threshold ?? 0.7;
      expect(matched.map((m) => m.index)).toEqual(before.pointwise.flatMap((p, i) => (p.paretoK > threshold ? [i] : [])));
      for (const m of matched) expect(m.transformations).toBeGreaterThan(0);
      after.pointwise.forEach((p, i) => {
        if (!matched.some((m) => m.index === i)) expect(p).toEqual(before.pointwise[i]);
      });
    });
  });
});

describe('moment matching', () => {
  const { model, logLik, before } = fixture(momentMatchReferences.find((r) => r.name === 'outlier')!);

  it('leaves a result whose k are all below the threshold as it is, without evaluating the model', () => {
    const untouched: MomentMatchModel = { draws: model.draws, logDensity: () => expect.unreachable() as never, logLik: () => expect.unreachable() as never };
    expect(looMomentMatch(before, logLik, untouched, { kThreshold: 2 }).loo).toBe(before);
  });

  it('stops at the limit of transformations and says it reached it', () => {
    const { matched } = looMomentMatch(before, logLik, model, { maxIterations: 1 });
    expect(matched).toEqual([{ index: 8, kBefore: before.pointwise[8]!.paretoK, transformations: 1, reachedLimit: true }]);
  });
});
