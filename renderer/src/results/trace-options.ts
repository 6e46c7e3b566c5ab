import { chainName, frame, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { lttb } from './lttb';
import { chainColour, DIVERGENT_COLOUR } from './palette';
import { strided } from './strided';

export interface TraceInput {
  parameter: string;
  /** Every draw of the parameter, one array per chain. */
  chains: readonly Float64Array[];
  /** 0-based indices of each chain's divergent draws. */
  divergent: readonly (readonly number[])[];
  /** Most points drawn per chain (and of divergent markers per chain). */
  maxPoints: number;
}

/** Draw number (1-based) against value, one line per chain, down-sampled by LTTB; divergent draws marked. */
export function traceOption({ parameter, chains, divergent, maxPoints }: TraceInput): ChartOption | EmptyChart {
  if (chains.every((c) => c.length === 0)) return { empty: 'Start a run to see draws here' };
  const series: ChartSeries[] = chains.map((values, chain) => ({
    type: 'line',
    name: chainName(chain),
    data: lttb(values, maxPoints).map((i) => [i + 1, values[i]!]),
    // A line needs two points: a chain's only draw is drawn as a dot.
    showSymbol: values.length === 1,
    lineStyle: { width: 1 },
    color: chainColour(chain),
  }));
  const marks = divergent.flatMap((indices, chain) => strided(indices, maxPoints).map((i) => [i + 1, chains[chain]![i]!]));
  const legend = series.map((s) => String(s.name));
  if (marks.length > 0) {
    series.push({ type: 'scatter', name: 'Divergent', data: marks, symbol: 'triangle', symbolSize: 7, color: DIVERGENT_COLOUR, z: 3 });
    legend.push('Divergent');
  }
  // Draw numbers are whole: with one or two draws ECharts would otherwise label 0.4, 0.6, …
  return { ...frame({ title: `Trace of ${parameter}`, x: 'Draw', y: parameter, legend, xBounds: { minInterval: 1 } }), series };
}
