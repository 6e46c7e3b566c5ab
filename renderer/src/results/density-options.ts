import type { PlotStatistics } from '../../../runner/api';
import { chainName, frame, MIN_DRAWS_PER_CHAIN, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/**
 * Kernel density of each chain on the engine's common grid, or for a discrete parameter its
 * probability of each value. A chain with fewer than MIN_DRAWS_PER_CHAIN
 * draws (`draws`, per chain) is left out: a kernel density of a few draws is a confident-looking bell
 * that says nothing yet.
 */
export function densityOption(density: PlotStatistics['density'], parameter: string, draws: readonly number[]): ChartOption | EmptyChart {
  if (density.x.length === 0 || density.chains.length === 0) return { empty: 'Not enough draws for a density yet' };
  const enough = (chain: number) => (draws[chain] ?? 0) >= MIN_DRAWS_PER_CHAIN;
  if (!density.chains.some((_, chain) => enough(chain))) return { empty: `Too few draws for a density yet: it takes ${MIN_DRAWS_PER_CHAIN} per chain` };
  const series = density.chains.map((ys, chain) => ({
    type: 'line' as const,
    name: chainName(chain),
    // A chain still waiting for a core, or with too few draws, has an empty series: colours stay in place.
    data: ys.length === 0 || !enough(chain) ? [] : density.x.map((x, i) => [x, ys[i]!]),
    // A discrete parameter's mass at each value, drawn as steps centred on the values.
    ...(density.discrete ? { step: 'middle' as const } : {}),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  const what = density.discrete ? { title: `Distribution of ${parameter}`, y: 'Probability' } : { title: `Density of ${parameter}`, y: 'Density' };
  return { ...frame({ title: what.title, x: parameter, y: what.y, legend: series.map((s) => s.name) }), series };
}
