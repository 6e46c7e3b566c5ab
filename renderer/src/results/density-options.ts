import type { PlotStatistics } from '../../../runner/api';
import { chainName, frame, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/** Kernel density of each chain on the engine's common grid. */
export function densityOption(density: PlotStatistics['density'], parameter: string): ChartOption | EmptyChart {
  if (density.x.length === 0 || density.chains.length === 0) return { empty: 'Not enough draws for a density yet' };
  const series = density.chains.map((ys, chain) => ({
    type: 'line' as const,
    name: chainName(chain),
    // A chain still waiting for a core has no density yet: an empty series keeps the colours in place.
    data: ys.length === 0 ? [] : density.x.map((x, i) => [x, ys[i]!]),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  return { ...frame({ title: `Density of ${parameter}`, x: parameter, y: 'Density', legend: series.map((s) => s.name) }), series };
}
