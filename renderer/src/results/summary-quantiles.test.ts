import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../../core/diagnostics/index';
import { columnLabel, formatSummaryCell, parseQuantiles, quantileColumns, sortRows, SUMMARY_COLUMN_ORDER, withQuantiles } from './index';

function row(parameter: string, quantiles: Record<string, number>, locationText: Record<string, string> = {}): SummaryRow {
  return { parameter, mean: 0, sd: 1, median: 0, mad: 1, q5: -1.6, q95: 1.6, mcse_mean: 0.01, mcse_sd: 0.01, ess_bulk: 400, ess_tail: 400, rhat: 1, ess_per_sec: 100, bulkEssCapped: false, quantiles, locationText };
}

describe('the summary’s further quantiles', () => {
  it('are typed as percentages, in any order and separator, the always-shown 5, 50 and 95 and repeats dropped', () => {
    expect(parseQuantiles('97.5, 2.5')).toEqual({ probs: [0.025, 0.975] });
    expect(parseQuantiles(' 5.5 94.5% 5 50 95 5.5')).toEqual({ probs: [0.055, 0.945] });
    expect(parseQuantiles('')).toEqual({ probs: [] });
  });

  it('say what is wrong with a word that is no percentage from 0 to 100, or with too many', () => {
    expect(parseQuantiles('0 100')).toEqual({ probs: [0, 1] });
    expect(parseQuantiles('2.5, 100.5')).toEqual({ probs: [], problem: '100.5 is not a percentage from 0 to 100' });
    expect(parseQuantiles('0.025 abc')).toMatchObject({ problem: 'abc is not a percentage from 0 to 100' });
    expect(parseQuantiles('1 2 3 4 6 7 8 9 10')).toMatchObject({ problem: 'at most 8 further quantiles' });
  });

  it('are columns placed by probability around 5 % and 95 %, labelled, formatted and sorted like the others', () => {
    const rows = [row('a', { q1: -2.3, q25: -0.7, 'q97.5': 1.96 }, { q25: '-0.6745' }), row('b', { q1: -9, q25: 0.1, 'q97.5': 3 })];
    const columns = withQuantiles(SUMMARY_COLUMN_ORDER, quantileColumns(rows));
    expect(columns.slice(0, 8)).toEqual(['parameter', 'mean', 'sd', 'q1', 'q5', 'q25', 'q95', 'q97.5']);
    expect(withQuantiles(SUMMARY_COLUMN_ORDER, quantileColumns([row('a', {})]))).toEqual([...SUMMARY_COLUMN_ORDER]);
    expect(columnLabel('q97.5')).toEqual({ label: '97.5%', title: '97.5% quantile' });
    expect(formatSummaryCell('q1', rows[0]!)).toBe('-2.3');
    expect(formatSummaryCell('q25', rows[0]!)).toBe('-0.6745');
    expect(sortRows(rows, { column: 'q1', descending: false }).map((r) => r.parameter)).toEqual(['b', 'a']);
  });
});
