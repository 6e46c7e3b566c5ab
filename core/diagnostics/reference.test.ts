import { describe, expect, it } from 'vitest';
import { fromStanStat, readDrawsCsv, type DrawsMatrix } from '../chains/index.js';
import { diagnosticsReferences, type ReferenceValue } from '../testing/fixtures/diagnostics/index.js';
import * as d from './index.js';

/**
 * Every value R's posterior 1.4.0 reports on the reference draws, to 1e-9 relative. The issue allows
 * 1e-6, and 1e-4 for ESS and MCSE where posterior takes a stochastic or capped step; neither allowance is
 * needed: posterior 1.4.0 draws no random numbers in these diagnostics, and its one capped step (ESS at
 * S·log10 S, hit by `synthetic/antithetic`) is deterministic, so it is checked at the same 1e-9. What
 * limits agreement is the 15 significant digits of the reference JSON (we see ~1e-14).
 */
const RELATIVE = 1e-9;

/** Each reported value, computed as posterior computes it, under the reference JSON's keys. */
const computations: Record<string, (x: DrawsMatrix) => number> = {
  mean: (x) => d.mean(x.data),
  sd: (x) => d.sd(x.data),
  median: (x) => d.median(x.data),
  mad: (x) => d.mad(x.data),
  q5: (x) => d.quantile(x.data, 0.05),
  q95: (x) => d.quantile(x.data, 0.95),
  rhat: d.rhat,
  ess_bulk: d.essBulk,
  ess_tail: d.essTail,
  mcse_mean: d.mcseMean,
  mcse_sd: d.mcseSd,
  rhat_basic: d.rhatBasic,
  rhat_bulk_component: d.rhatBulk,
  rhat_tail_component: d.rhatTail,
  ess_basic: d.essBasic,
  ess_mean: d.essMean,
  ess_sd: d.essSd,
  ess_median: d.essMedian,
  ess_q5: (x) => d.essQuantile(x, 0.05),
  ess_q95: (x) => d.essQuantile(x, 0.95),
  mcse_median: d.mcseMedian,
  mcse_q5: (x) => d.mcseQuantile(x, 0.05),
  mcse_q95: (x) => d.mcseQuantile(x, 0.95),
  var: (x) => d.variance(x.data),
};

/** R's value as a double: NA (null or "NA") and NaN are NaN here. */
function fromR(v: ReferenceValue): number {
  if (typeof v === 'number') return v;
  return v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : NaN;
}

function expectClose(actual: number, reference: ReferenceValue, relative: number, what: string): void {
  const expected = fromR(reference);
  if (!Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(expected === 0 ? 0 : relative);
}

for (const { drawsCsv, reference } of diagnosticsReferences) {
  describe(`posterior ${reference.posterior_version} reference: ${reference.case}`, () => {
    const chains = readDrawsCsv(drawsCsv);
    // posterior's lp__ is a sampler statistic in Tilde, under Turing's name.
    const nameOf = (v: string) => (chains.has(v) ? v : fromStanStat(v)!);

    it('reads the posterior draws CSV with every chain, draw and variable', () => {
      expect(chains.nChains).toBe(reference.n_chains);
      expect(chains.nDraws()).toBe(reference.n_iterations_per_chain);
      expect(reference.variables_in_order.map(nameOf).sort()).toEqual([...chains.columns].sort());
    });

    for (const v of reference.variables_in_order) {
      const expected = reference.expected[v]!;
      it(`${v}: every value posterior reports, and whether the ESS was capped`, () => {
        const x = chains.matrix(nameOf(v));
        for (const [key, compute] of Object.entries(computations)) {
          expectClose(compute(x), expected[key]!, RELATIVE, `${v} ${key}`);
        }
        expect(d.essBulkDetailed(x).capped).toBe(expected.ess_capped_warning);
      });

      it(`${v}: autocorrelation of each unsplit chain, lags 0 … 100`, () => {
        const perChain = reference.autocorrelation_per_chain[v]!;
        perChain.forEach((lags, c) => {
          const rho = d.autocorrelation(chains.draws(nameOf(v), c));
          const expected = Array.isArray(lags) ? lags.map(fromR) : rho.map(() => fromR(lags as ReferenceValue));
          expected.slice(0, 101).forEach((e, lag) => {
            if (Number.isNaN(e)) expect(rho[lag], `${v} chain ${c + 1} lag ${lag}`).toBeNaN();
            else expect(Math.abs(rho[lag]! - e), `${v} chain ${c + 1} lag ${lag}`).toBeLessThan(1e-12);
          });
        });
      });
    }

    it('the summary table carries the same numbers', () => {
      const table = d.summarize(chains, { variables: chains.columns });
      for (const row of table.rows) {
        const v = reference.variables_in_order.find((name) => nameOf(name) === row.parameter)!;
        for (const column of d.SUMMARY_COLUMNS) {
          if (column === 'parameter' || column === 'ess_per_sec') continue;
          expectClose(row[column], reference.expected[v]![column]!, RELATIVE, `${v} ${column}`);
        }
      }
    });
  });
}
