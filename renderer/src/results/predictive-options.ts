import type { PosteriorPredictive } from '../../../runner/api';
import { frame, type ChartOption, type EmptyChart } from './chart-option';

type Checked = PosteriorPredictive['variables'][number];

/** The data's colour, dark over the light replicates (bayesplot's y and y_rep). */
const DATA_COLOUR = '#08306B';
const REPLICATE_COLOUR = '#9ECAE1';

/**
 * bayesplot's ppc_dens_overlay: the density of the data (y) over the densities of replicates drawn from the
 * posterior predictive (y_rep), on one grid; for integer data, relative frequencies as steps. The replicates
 * share one legend entry.
 */
export function predictiveOption(variable: Checked): ChartOption | EmptyChart {
  const { overlay, name } = variable;
  if (!overlay) return { empty: `The data gives no value of ${name} to compare replicates with` };
  const line = (ys: readonly number[], series: string, colour: string, width: number) => ({
    type: 'line' as const,
    name: series,
    data: overlay.x.map((x, i) => [x, ys[i]!]),
    ...(overlay.discrete ? { step: 'middle' as const } : {}),
    showSymbol: false,
    silent: true,
    lineStyle: { width, opacity: series === 'y' ? 1 : 0.6 },
    color: colour,
  });
  const replicates = overlay.replicates.map((ys) => line(ys, 'y_rep', REPLICATE_COLOUR, 1));
  const title = `Posterior predictive of ${name}: ${overlay.replicates.length} of ${variable.draws} replicates`;
  return {
    ...frame({ title, x: name, y: overlay.discrete ? 'Relative frequency' : 'Density', legend: ['y', 'y_rep'], legendBelowTitle: true }),
    // The data last, so it is drawn over the replicates.
    series: [...replicates, line(overlay.observed, 'y', DATA_COLOUR, 2.5)],
  };
}
