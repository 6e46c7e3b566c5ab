import type { PlotStatistics } from '../../../runner/api';
import { frame, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

function significant(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : '–';
}

/**
 * ArviZ's plot_energy: the marginal energy distribution (centred) against that of the energy changes
 * between draws; when the transitions are much narrower the sampler cannot explore the tails.
 * E-BFMI per chain in the title (below 0.3 is a problem).
 */
export function energyOption(energy: PlotStatistics['energy']): ChartOption | EmptyChart {
  if (!energy) return { empty: 'No energy plot: this sampler does not report the Hamiltonian energy' };
  const { edges } = energy.marginal;
  if (edges.length < 2) return { empty: 'Not enough draws for the energy plot yet' };
  const histogram = (name: string, counts: readonly number[], colour: string) => ({
    type: 'line' as const,
    name,
    step: 'middle' as const,
    data: counts.map((count, i) => [(edges[i]! + edges[i + 1]!) / 2, count]),
    showSymbol: false,
    lineStyle: { width: 1.5 },
    areaStyle: { opacity: 0.35 },
    color: colour,
  });
  const series = [histogram('Marginal energy', energy.marginal.counts, chainColour(0)), histogram('Energy transition', energy.transition.counts, chainColour(1))];
  const title = energy.ebfmi.length > 0 ? `Energy · E-BFMI ${energy.ebfmi.map(significant).join(', ')}` : 'Energy';
  return { ...frame({ title, x: 'Energy (centred)', y: 'Draws', legend: series.map((s) => s.name), yBounds: { min: 0 }, legendBelowTitle: true }), series };
}
