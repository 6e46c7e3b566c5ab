import type { RunLoo } from '../../../core/run/index';
import { frame, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { formatK } from './number-format';
import { chainColour, DIVERGENT_COLOUR } from './palette';

/** What the k plot reads of a result. */
type KResult = Pick<RunLoo, 'pointwise' | 'names' | 'kTable'>;

/** Where loo's "bad" class begins: above it the importance weights cannot be trusted. */
export function badK(result: KResult): number {
  return result.kTable.find((c) => c.label === 'bad')!.lower;
}

/**
 * loo's `plot(loo)` and ArviZ's plot_khat: each observation's Pareto k in data order, dashed lines at the
 * class boundaries (0.5, 0.7, 1); the points above 0.7 are the observations leave-one-out cannot estimate.
 */
export function khatOption(result: KResult): ChartOption | EmptyChart {
  if (result.pointwise.length === 0) return { empty: 'No observations' };
  const bad = badK(result);
  const finite = result.pointwise.map((p) => p.paretoK).filter(Number.isFinite);
  const top = Math.max(1.1, ...finite);
  // An infinite k (a tail too flat to fit) sits at the top of the axis: a chart leaves out what it cannot place.
  const point = (i: number) => [i + 1, Math.min(result.pointwise[i]!.paretoK, top)];
  const tooltip = (rows: number[]) => ({ formatter: (p: { dataIndex: number }) => `${result.names[rows[p.dataIndex]!]}: k = ${formatK(result.pointwise[rows[p.dataIndex]!]!.paretoK)}` });
  const indices = result.pointwise.map((_, i) => i);
  const fine = indices.filter((i) => !(result.pointwise[i]!.paretoK > bad));
  const high = indices.filter((i) => result.pointwise[i]!.paretoK > bad);
  const series: ChartSeries[] = [
    { type: 'scatter', name: 'k', data: fine.map(point), symbolSize: 6, color: chainColour(0), tooltip: tooltip(fine) },
    { type: 'scatter', name: `k > ${bad}`, data: high.map(point), symbol: 'triangle', symbolSize: 9, color: DIVERGENT_COLOUR, tooltip: tooltip(high) },
  ];
  const n = result.pointwise.length;
  for (const c of result.kTable.slice(1)) {
    series.push({ type: 'line', name: `k = ${c.lower}`, data: [[0, c.lower], [n + 1, c.lower]], showSymbol: false, lineStyle: { type: 'dashed', width: 1 }, color: '#999999', silent: true, tooltip: { show: false } });
  }
  return {
    ...frame({ title: 'Pareto k of each observation', x: 'Observation', y: 'k', legend: [], xBounds: { min: 0, max: n + 1, minInterval: 1 }, yBounds: { min: Math.min(0, ...finite), max: top } }),
    series,
  };
}
