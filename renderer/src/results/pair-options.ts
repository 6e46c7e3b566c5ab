import { chainName, frame, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { chainColour, DIVERGENT_COLOUR } from './palette';
import { strided } from './strided';

export interface PairInput {
  x: { name: string; chains: readonly Float64Array[] };
  y: { name: string; chains: readonly Float64Array[] };
  divergent: readonly (readonly number[])[];
  /** Most points drawn per chain; divergent draws are drawn on top, thinned the same way. */
  maxPoints: number;
}

/** One parameter against another, per chain, with divergent transitions highlighted where they happened. */
export function pairOption({ x, y, divergent, maxPoints }: PairInput): ChartOption | EmptyChart {
  if (x.chains.every((c) => c.length === 0)) return { empty: 'Start a run to see draws here' };
  const point = (chain: number, i: number) => [x.chains[chain]![i]!, y.chains[chain]![i]!];
  const series: ChartSeries[] = x.chains.map((values, chain) => ({
    type: 'scatter',
    name: chainName(chain),
    data: strided(Array.from(values.keys()), maxPoints).map((i) => point(chain, i)),
    symbolSize: 3,
    itemStyle: { opacity: 0.5 },
    // ECharts' large mode draws the points as one path instead of one element each: many times faster.
    // Not for a chain without draws yet (waiting for a core): large mode fails on an empty series.
    large: true,
    largeThreshold: 1,
    color: chainColour(chain),
  }));
  const legend = series.map((s) => String(s.name));
  const marks = divergent.flatMap((indices, chain) => strided(indices, maxPoints).map((i) => point(chain, i)));
  if (marks.length > 0) {
    series.push({ type: 'scatter', name: 'Divergent', data: marks, symbol: 'triangle', symbolSize: 8, color: DIVERGENT_COLOUR, z: 3 });
    legend.push('Divergent');
  }
  return { ...frame({ title: `${y.name} against ${x.name}`, x: x.name, y: y.name, legend }), series };
}
