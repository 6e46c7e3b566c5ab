import type { PlotStatistics } from '../../../runner/api';
import { chainName, frame, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/** Kernel density of each chain on the engine's common grid. */
export function densityOption(density: PlotStatistics['density'], parameter: string): ChartOption | EmptyChart {
  if (density.x.length === 0 || density.chains.length === 0) return { empty: 'Not enough draws for a density yet' };
  const series = density.chains.map((ys, chain) => ({
    type: 'line' as const,
    name: chainName(chain),
    data: density.x.map((x, i) => [x, ys[i] ?? NaN]),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  return { ...frame({ title: `Density of ${parameter}`, x: parameter, y: 'Density', legend: series.map((s) => s.name) }), series };
}
