import { describe, expect, it } from 'vitest';
import type { DiagnosticWarning, SummaryRow } from '../../../core/diagnostics/index';
import { SUMMARY_COLUMN_ORDER, chainFlags, formatCount, formatNumber, formatRhat, formatSummaryCell, nextOrder, sortRows, summaryFlags } from './index';

function row(parameter: string, values: Partial<SummaryRow> = {}): SummaryRow {
  return { parameter, mean: 0, sd: 1, median: 0, mad: 1, q5: -1.6, q95: 1.6, mcse_mean: 0.01, mcse_sd: 0.01, ess_bulk: 400, ess_tail: 400, rhat: 1, ess_per_sec: 100, bulkEssCapped: false, quantiles: {}, locationText: {}, ...values };
}

describe('summary numbers', () => {
  it('shows four significant digits, exponents for the very small and large, a dash for NaN', () => {
    expect(formatNumber(3.14159265)).toBe('3.142');
    expect(formatNumber(-1234.5678)).toBe('-1235');
    expect(formatNumber(0.012345)).toBe('0.01235');
    expect(formatNumber(0.00012346)).toBe('1.235e-4');
    expect(formatNumber(12_345_678)).toBe('1.235e+7');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('–');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });

  it('shows ESS whole and R-hat to three decimals', () => {
    expect(formatCount(1234.56)).toBe('1235');
    expect(formatRhat(1.00449)).toBe('1.004');
    expect(formatRhat(NaN)).toBe('–');
    expect(formatRhat(503921410523635.9)).toBe('5.039e+14');
    const r = row('θ[1]', { ess_bulk: 98.7, rhat: 1.0234, mean: 2.71828 });
    expect(formatSummaryCell('ess_bulk', r)).toBe('99');
    expect(formatSummaryCell('rhat', r)).toBe('1.023');
    expect(formatSummaryCell('mean', r)).toBe('2.718');
    expect(formatSummaryCell('parameter', r)).toBe('θ[1]');
  });
});

describe('summary columns', () => {
  it('come with what convergence is judged by first, the rest after', () => {
    expect(SUMMARY_COLUMN_ORDER.slice(0, 8)).toEqual(['parameter', 'mean', 'sd', 'q5', 'q95', 'ess_bulk', 'ess_tail', 'rhat']);
    expect(SUMMARY_COLUMN_ORDER.slice(8)).toEqual(['median', 'mad', 'mcse_mean', 'mcse_sd', 'ess_per_sec']);
  });
});

describe('summary sorting', () => {
  const rows = [row('θ[10]', { mean: 3, rhat: NaN }), row('θ[2]', { mean: -1, rhat: 1.2 }), row('μ', { mean: 2, rhat: 1.001 })];

  it('sorts numbers either way with NaN last, names in natural order', () => {
    const names = (order: Parameters<typeof sortRows>[1]) => sortRows(rows, order).map((r) => r.parameter);
    expect(names({ column: 'mean', descending: false })).toEqual(['θ[2]', 'μ', 'θ[10]']);
    expect(names({ column: 'mean', descending: true })).toEqual(['θ[10]', 'μ', 'θ[2]']);
    expect(names({ column: 'rhat', descending: true })).toEqual(['θ[2]', 'μ', 'θ[10]']);
    expect(names({ column: 'rhat', descending: false })).toEqual(['μ', 'θ[2]', 'θ[10]']);
    expect(names({ column: 'parameter', descending: false })).toEqual(['θ[2]', 'θ[10]', 'μ']);
    expect(names(null)).toEqual(['θ[10]', 'θ[2]', 'μ']);
  });

  it('cycles a header through ascending, descending and the engine order', () => {
    const first = nextOrder(null, 'rhat');
    expect(first).toEqual({ column: 'rhat', descending: false });
    const second = nextOrder(first, 'rhat');
    expect(second).toEqual({ column: 'rhat', descending: true });
    expect(nextOrder(second, 'rhat')).toBeNull();
    expect(nextOrder(second, 'mean')).toEqual({ column: 'mean', descending: false });
  });
});

describe('summary flags', () => {
  const warnings: DiagnosticWarning[] = [
    { kind: 'rhat', parameter: 'τ', value: 1.05, threshold: 1.01, message: 'τ: R-hat 1.050 > 1.01; the chains have not mixed' },
    { kind: 'ess_tail', parameter: 'τ', value: 80, threshold: 400, message: 'τ: tail ESS 80 < 400; run longer chains' },
    { kind: 'divergences', chain: 2, value: 7, threshold: 0, message: 'chain 3: 7 of 1000 transitions diverged' },
  ];

  it('flags the cells the engine warns about, with its reason', () => {
    const flags = summaryFlags(warnings);
    expect([...flags.keys()]).toEqual(['τ']);
    expect(flags.get('τ')?.get('rhat')).toMatch(/not mixed/);
    expect(flags.get('τ')?.get('ess_tail')).toMatch(/tail ESS 80/);
    expect(flags.get('τ')?.has('ess_bulk')).toBe(false);
  });

  it('flags sampler problems by chain', () => {
    expect(chainFlags(warnings).get(2)?.get('divergences')).toBe('chain 3: 7 of 1000 transitions diverged');
  });
});
