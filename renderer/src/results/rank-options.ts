import type { PlotStatistics } from '../../../runner/api';
import { chainName, frame, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/**
 * Rank plot (Vehtari et al. 2021): a histogram per chain of the ranks of its draws among all chains',
 * drawn as steps; chains that mix stay near the dashed uniform line.
 */
export function rankOption(ranks: PlotStatistics['ranks'], parameter: string): ChartOption | EmptyChart {
  if (ranks.bins === 0 || ranks.chains.length === 0) return { empty: 'Not enough draws for rank plots yet' };
  const series: ChartSeries[] = ranks.chains.map((counts, chain) => ({
    type: 'line',
    name: chainName(chain),
    step: 'middle',
    data: counts.map((count, bin) => [bin + 1, count]),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  const legend = series.map((s) => String(s.name));
  const perChain = ranks.chains.map((counts) => counts.reduce((a, b) => a + b, 0));
  const expected = perChain.reduce((a, b) => a + b, 0) / perChain.length / ranks.bins;
  series.push({ type: 'line', name: 'Uniform', data: [[1, expected], [ranks.bins, expected]], showSymbol: false, lineStyle: { type: 'dashed', width: 1 }, color: '#777777' });
  const xBounds = { min: 0, minInterval: 1 };
  return { ...frame({ title: `Rank plot of ${parameter}`, x: 'Rank bin', y: 'Draws', legend, xBounds, yBounds: { min: 0 } }), series };
}
