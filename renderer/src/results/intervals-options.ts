import type { LineSeriesOption } from 'echarts/charts';
import type { IntervalStatistics } from '../../../runner/api';
import { frame, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { formatNumber } from './number-format';
import { chainColour } from './palette';

const INTERVAL_COLOUR = chainColour(0);
const SELECTED_COLOUR = chainColour(5);
/** Characters of a row's name shown beside it (the tooltip has it whole). */
const MAX_LABEL = 16;

/** “90 %” for the interval between the quantiles at `lo` and 1 − `lo`. */
function percent(lo: number): string {
  return `${Math.round(100 * (1 - 2 * lo))} %`;
}

/**
 * bayesplot's mcmc_intervals and ArviZ's plot_forest: one row per element of the selected parameter's
 * array (or per scalar), a thin line for the outer interval, a thick one for the inner, a point at the
 * median; the selected row's point stands out. Rows run down from the first element, as a table does.
 */
export function intervalsOption(intervals: IntervalStatistics, selected: string): ChartOption | EmptyChart {
  const { probabilities, rows, first, total } = intervals;
  if (rows.length === 0 || rows.every((r) => r.quantiles.every(Number.isNaN))) return { empty: 'No draws for intervals yet' };
  const middle = (probabilities.length - 1) / 2;
  const names = rows.map((r) => r.name);
  // One line series per interval width, each row a segment [lo, hi] at its height; null between rows breaks the line.
  const segments = (k: number) => rows.flatMap((r, y) => [[r.quantiles[k]!, y], [r.quantiles[probabilities.length - 1 - k]!, y], null]);
  const widths = Array.from({ length: middle }, (_, k) => k);
  const series: ChartSeries[] = widths.map((k) => ({
    type: 'line',
    name: percent(probabilities[k]!),
    data: segments(k) as LineSeriesOption['data'],
    showSymbol: false,
    lineStyle: { width: 1.5 + (3 * k) / Math.max(1, middle - 1) },
    color: INTERVAL_COLOUR,
    tooltip: { show: false },
  }));
  series.push({
    type: 'scatter',
    name: 'Median',
    data: rows.map((r, y) => ({ value: [r.quantiles[middle]!, y], itemStyle: r.name === selected ? { color: SELECTED_COLOUR, borderColor: '#000000' } : undefined })),
    symbolSize: (_: unknown, p: { dataIndex: number }) => (names[p.dataIndex] === selected ? 10 : 7),
    color: INTERVAL_COLOUR,
    z: 3,
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const r = rows[p.dataIndex]!;
        const bands = widths.map((k) => `${percent(probabilities[k]!)}: ${formatNumber(r.quantiles[k]!)} to ${formatNumber(r.quantiles[probabilities.length - 1 - k]!)}`);
        return [`<b>${r.name}</b>`, `median ${formatNumber(r.quantiles[middle]!)}`, ...bands].join('<br>');
      },
    },
  });
  const shown = total > rows.length ? ` · ${first + 1}–${first + rows.length} of ${total}` : '';
  const left = 14 + 6 * Math.min(MAX_LABEL, Math.max(...names.map((n) => n.length)));
  return {
    ...frame({ title: `Intervals: median, ${widths.map((k) => percent(probabilities[k]!)).reverse().join(' and ')}${shown}`, x: 'Value', y: '', legend: [], left }),
    yAxis: {
      type: 'category',
      data: names.map((n) => (n.length > MAX_LABEL ? `${n.slice(0, MAX_LABEL - 1)}…` : n)),
      inverse: true,
      axisLine: { onZero: false },
      axisTick: { show: false },
      axisLabel: { fontSize: 10, hideOverlap: true },
    },
    series,
  };
}
