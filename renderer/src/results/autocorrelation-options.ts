import { chainName, frame, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/** Autocorrelation against lag, one line per chain, on a fixed [-1, 1] scale so chains and parameters compare. */
export function autocorrelationOption(chains: readonly (readonly number[])[], parameter: string): ChartOption | EmptyChart {
  if (chains.every((c) => c.length === 0)) return { empty: 'Not enough draws for autocorrelation yet' };
  const series = chains.map((rho, chain) => ({
    type: 'line' as const,
    name: chainName(chain),
    data: rho.map((r, lag) => [lag, r]),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  return { ...frame({ title: `Autocorrelation of ${parameter}`, x: 'Lag', y: 'Autocorrelation', legend: series.map((s) => s.name), yBounds: { min: -1, max: 1 } }), series };
}
