import type { HighestDensityInterval, PlotStatistics } from '../../../runner/api';
import { chainName, frame, MIN_DRAWS_PER_CHAIN, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/**
 * Kernel density of each chain on the engine's common grid, or for a discrete parameter its
 * probability of each value. A chain with fewer than MIN_DRAWS_PER_CHAIN
 * draws (`draws`, per chain) is left out: a kernel density of a few draws is a confident-looking bell
 * that says nothing yet. The pooled draws' 94 % HDI and mean lie along the axis, as ArviZ's plot_posterior
 * marks them.
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
  const all: ChartSeries[] = [...series, ...(density.hdi ? hdiSeries(density.hdi) : [])];
  const what = density.discrete ? { title: `Distribution of ${parameter}`, y: 'Probability' } : { title: `Density of ${parameter}`, y: 'Density' };
  return { ...frame({ title: what.title, x: parameter, y: what.y, legend: all.map((s) => String(s.name)) }), series: all };
}

const MARK_COLOUR = '#222';

/** ArviZ's `plot_posterior` marks along the axis: the pooled draws' HDI as a bar, their mean as a diamond. */
function hdiSeries(hdi: HighestDensityInterval): ChartSeries[] {
  return [
    { type: 'line', name: `${Math.round(100 * hdi.prob)}% HDI`, data: [[hdi.lower, 0], [hdi.upper, 0]], showSymbol: false, lineStyle: { width: 5 }, color: MARK_COLOUR, z: 3 },
    { type: 'scatter', name: 'Mean', data: [[hdi.mean, 0]], symbol: 'diamond', symbolSize: 11, color: MARK_COLOUR, itemStyle: { borderColor: '#fff', borderWidth: 1 }, z: 4 },
  ];
}
