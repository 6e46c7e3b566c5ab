// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SummaryRow } from '../../../core/diagnostics/index';
import { SUMMARY_COLUMN_ORDER, summaryFlags, SummaryTable } from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function row(parameter: string, mean: number, rhat: number): SummaryRow {
  return { parameter, mean, sd: 1, median: mean, mad: 1, q5: -1, q95: 1, mcse_mean: 0.01, mcse_sd: 0.01, ess_bulk: 1234.4, ess_tail: 99.6, rhat, ess_per_sec: 10, bulkEssCapped: false, quantiles: {}, locationText: {} };
}

let container: HTMLDivElement;
afterEach(() => {
  container.remove();
  vi.unstubAllGlobals();
});

function render(rows: SummaryRow[]) {
  container = document.createElement('div');
  document.body.append(container);
  const flags = summaryFlags([{ kind: 'rhat', parameter: 'b', value: 1.2, threshold: 1.01, message: 'b: R-hat 1.200 > 1.01; the chains have not mixed' }]);
  const root = createRoot(container);
  const rerender = (rows: SummaryRow[]) => act(() => root.render(<SummaryTable rows={rows} columns={SUMMARY_COLUMN_ORDER} flags={flags} testId="summary-table" rowTestId="summary-row" />));
  rerender(rows);
  const order = () => [...container.querySelectorAll('[data-testid="summary-row"]')].map((r) => r.getAttribute('data-parameter'));
  return { order, rerender };
}

describe('the summary table', () => {
  it("has core's columns, rounded text and the exact value in data-value", () => {
    render([row('a', 3.14159265, 1.0004)]);
    expect([...container.querySelectorAll('th')].map((th) => th.dataset.column)).toEqual([...SUMMARY_COLUMN_ORDER]);
    const cell = (column: string) => container.querySelector<HTMLElement>(`[data-parameter="a"] td[data-column="${column}"]`)!;
    expect(cell('mean').textContent).toBe('3.142');
    expect(cell('mean').dataset.value).toBe('3.14159265');
    expect(cell('ess_bulk').textContent).toBe('1234');
    expect(cell('rhat').textContent).toBe('1.000');
  });

  it("shows a location in the engine's text where four significant digits would show 1e8 + N(0, 1e-4) as 1.000e+8", () => {
    const locationText = { mean: '100000000.00000', median: '99999999.99999', q5: '99999999.99983', q95: '100000000.00016' };
    render([{ ...row('a', 1e8, 1), median: 1e8, q5: 1e8 - 1.7e-4, q95: 1e8 + 1.6e-4, sd: 1.005e-4, locationText }]);
    const cell = (column: string) => container.querySelector<HTMLElement>(`[data-parameter="a"] td[data-column="${column}"]`)!;
    for (const [column, text] of Object.entries(locationText)) expect(cell(column).textContent).toBe(text);
    expect(cell('sd').textContent).toBe('1.005e-4');
  });

  it('sorts when a header is clicked, and flags cells with the reason on hover', () => {
    const { order } = render([row('a', 2, 1.0), row('b', -1, 1.2), row('c', 5, 1.001)]);
    const header = (column: string) => container.querySelector<HTMLElement>(`th[data-column="${column}"]`)!;
    act(() => header('mean').click());
    expect(order()).toEqual(['b', 'a', 'c']);
    act(() => header('mean').click());
    expect(order()).toEqual(['c', 'a', 'b']);
    act(() => header('rhat').click());
    expect(order()).toEqual(['a', 'c', 'b']);
    const flagged = container.querySelectorAll<HTMLElement>('td[data-flag]');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.dataset.column).toBe('rhat');
    expect(flagged[0]!.title).toMatch(/not mixed/);
    expect(flagged[0]!.closest('tr')!.dataset.parameter).toBe('b');
  });

  it("marks a bulk ESS at posterior's cap as a bound, not a problem", () => {
    render([{ ...row('a', 0, 1), ess_bulk: 14408.24, bulkEssCapped: true }, row('c', 0, 1)]);
    const capped = container.querySelectorAll<HTMLElement>('td[data-capped]');
    expect([...capped].map((td) => [td.closest('tr')!.dataset.parameter, td.dataset.column])).toEqual([['a', 'ess_bulk']]);
    expect(capped[0]!.dataset.flag).toBeUndefined();
    expect(capped[0]!.title).toMatch(/^Capped at S·log10\(S\)/);
  });

  it('puts a long table in the page 25 rows an animation frame, and updates it 25 rows a frame, sorted by what it shows', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const mean = (version: number, i: number) => version + i / 100;
    const rows = (version: number) => Array.from({ length: 60 }, (_, i) => row(`θ[${i + 1}]`, mean(version, i), 1));
    const { order, rerender } = render(rows(1));
    const frame = () => act(() => frames.splice(0).forEach((f) => f(0)));
    const means = () => new Map([...container.querySelectorAll<HTMLElement>('td[data-column="mean"]')].map((td) => [td.closest('tr')!.dataset.parameter, Number(td.dataset.value)]));
    expect(order()).toHaveLength(25);
    frame();
    expect(order()).toHaveLength(50);
    frame();
    expect(order()).toEqual(rows(1).map((r) => r.parameter));
    expect(frames).toHaveLength(0);

    // Sorted by mean, descending: θ[60] first.
    act(() => container.querySelector<HTMLElement>('th[data-column="mean"]')!.click());
    act(() => container.querySelector<HTMLElement>('th[data-column="mean"]')!.click());
    expect(order()[0]).toBe('θ[60]');
    rerender(rows(2));
    // The first 25 rows (θ[1] … θ[25]) take their new values at once, the rest keep theirs for now.
    expect(means().get('θ[1]')).toBe(mean(2, 0));
    expect(means().get('θ[25]')).toBe(mean(2, 24));
    expect(means().get('θ[26]')).toBe(mean(1, 25));
    expect(means().get('θ[60]')).toBe(mean(1, 59));
    expect(order()[0]).toBe('θ[25]');
    frame();
    expect(means().get('θ[50]')).toBe(mean(2, 49));
    expect(means().get('θ[51]')).toBe(mean(1, 50));
    frame();
    expect([...means()].every(([p, m]) => m === rows(2).find((r) => r.parameter === p)!.mean)).toBe(true);
    expect(order()[0]).toBe('θ[60]');
    expect(frames).toHaveLength(0);

    // A parameter new to the table shows at once.
    rerender([...rows(3), row('σ', 7, 1)]);
    expect(means().get('σ')).toBe(7);
    expect(order()[0]).toBe('σ');
  });
});
