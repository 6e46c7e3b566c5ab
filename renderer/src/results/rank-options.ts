import type { PlotStatistics } from '../../../runner/api';
import { chainName, frame, MIN_DRAWS_PER_CHAIN, type ChartOption, type ChartSeries, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/**
 * Rank plot (Vehtari et al. 2021): a histogram per chain of the ranks of its draws among all chains',
 * drawn as steps; chains that mix stay near the dashed uniform line.
 */
export function rankOption(ranks: PlotStatistics['ranks'], parameter: string): ChartOption | EmptyChart {
  if (ranks.bins === 0 || ranks.chains.length === 0) return { empty: 'Not enough draws for rank plots yet' };
  const perChain = ranks.chains.map((counts) => counts.reduce((a, b) => a + b, 0));
  if (perChain.every((n) => n < MIN_DRAWS_PER_CHAIN)) return { empty: `Too few draws for rank plots yet: it takes ${MIN_DRAWS_PER_CHAIN} per chain` };
  // Bin b covers [b - 1, b] on the axis, so the axis ends at the last bin's edge and its labels are whole bins.
  const steps = (counts: readonly number[]) => [...counts.map((count, bin) => [bin, count]), [counts.length, counts.at(-1)!]];
  const series: ChartSeries[] = ranks.chains.map((counts, chain) => ({
    type: 'line',
    name: chainName(chain),
    step: 'end',
    // The ranks of a chain with too few draws are noise; it keeps its (empty) series and colour.
    data: perChain[chain]! < MIN_DRAWS_PER_CHAIN ? [] : steps(counts),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  const legend = series.map((s) => String(s.name));
  const expected = perChain.reduce((a, b) => a + b, 0) / perChain.length / ranks.bins;
  series.push({ type: 'line', name: 'Uniform', data: [[0, expected], [ranks.bins, expected]], showSymbol: false, lineStyle: { type: 'dashed', width: 1 }, color: '#777777' });
  const xBounds = { min: 0, max: ranks.bins, minInterval: 1 };
  return { ...frame({ title: `Rank plot of ${parameter}`, x: 'Rank bin', y: 'Draws', legend, xBounds, yBounds: { min: 0 } }), series };
}
