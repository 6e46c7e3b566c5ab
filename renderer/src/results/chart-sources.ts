import type { PlotStatistics } from '../../../runner/api';
import type { RunDraws, RunState } from '../run/index';
import { autocorrelationOption } from './autocorrelation-options';
import { isEmptyChart, type EmptyChart } from './chart-option';
import { densityOption } from './density-options';
import type { ChartSource } from './EChart';
import { energyOption } from './energy-options';
import { intervalsOption } from './intervals-options';
import { pairOption } from './pair-options';
import { intervalsSubject } from './plot-file-name';
import { parcoordOption } from './parcoord-options';
import { rankOption } from './rank-options';
import { traceOption } from './trace-options';

/** Points per chain: about one per pixel of the trace at the widths the panel has, LTTB's usual budget. */
const TRACE_POINTS = 500;
const PAIR_POINTS = 400;
/** Lines of the parallel-coordinates plot: a few hundred show the draws' spread without a solid block. */
const PARCOORD_LINES = 400;

function columns(draws: RunDraws, name: string): Float64Array[] {
  return Array.from({ length: draws.nChains }, (_, c) => draws.column(c, name));
}

function divergences(draws: RunDraws): (readonly number[])[] {
  return Array.from({ length: draws.nChains }, (_, c) => draws.divergent(c));
}

function noDraws(state: RunState): EmptyChart {
  if (state.status === 'running') return { empty: 'Waiting for the first draws…' };
  return { empty: state.mode === null ? 'Start a run to see draws here' : 'This run has no draws' };
}

/** The engine's statistics of the selected variable, or why there are none yet. */
function statistics(state: RunState): PlotStatistics | EmptyChart {
  if (!state.draws || state.draws.total === 0) return noDraws(state);
  if (state.plots && state.plots.parameter === state.selected) return state.plots;
  return { empty: state.plotsError ? `No statistics: ${state.plotsError}` : 'Computing…' };
}

const statisticsInputs = (s: RunState) => [s.plots, s.plotsError, s.selected, s.status, s.draws, (s.draws?.total ?? 0) > 0];

export const TRACE: ChartSource = {
  title: 'Trace',
  fileParts: (s) => ['trace', s.selected],
  inputs: (s) => [s.draws, s.draws?.total, s.selected, s.status],
  build: (s) => (s.draws && s.selected && s.draws.total > 0 ? traceOption({ parameter: s.selected, chains: columns(s.draws, s.selected), divergent: divergences(s.draws), maxPoints: TRACE_POINTS }) : noDraws(s)),
};

export const PAIR: ChartSource = {
  title: 'Pair plot',
  fileParts: (s) => ['pair', s.selected, s.pairWith],
  inputs: (s) => [s.draws, s.draws?.total, s.selected, s.pairWith, s.status],
  build: (s) => {
    if (!s.draws || !s.selected || !s.pairWith || s.draws.total === 0) return noDraws(s);
    if (s.pairWith === s.selected) return { empty: 'Pick a second parameter to pair with' };
    return pairOption({
      x: { name: s.selected, chains: columns(s.draws, s.selected) },
      y: { name: s.pairWith, chains: columns(s.draws, s.pairWith) },
      divergent: divergences(s.draws),
      maxPoints: PAIR_POINTS,
    });
  },
};

export const PARCOORD: ChartSource = {
  title: 'Parallel coordinates',
  fileParts: () => ['parallel-coordinates'],
  inputs: (s) => [s.draws, s.draws?.total, s.selected, s.status],
  build: (s) => {
    const draws = s.draws;
    if (!draws || draws.total === 0) return noDraws(s);
    return parcoordOption({
      parameters: draws.layout.parameters,
      selected: s.selected,
      chains: (name) => columns(draws, name),
      divergent: divergences(draws),
      maxLines: PARCOORD_LINES,
      maxDivergent: PARCOORD_LINES,
    });
  },
};

export const DENSITY: ChartSource = {
  title: 'Density',
  fileParts: (s) => ['density', s.selected],
  inputs: statisticsInputs,
  build: (s) => {
    const stats = statistics(s);
    return isEmptyChart(stats) ? stats : densityOption(stats.density, stats.parameter, stats.draws);
  },
};

export const AUTOCORRELATION: ChartSource = {
  title: 'Autocorrelation',
  fileParts: (s) => ['autocorrelation', s.selected],
  inputs: statisticsInputs,
  build: (s) => {
    const stats = statistics(s);
    return isEmptyChart(stats) ? stats : autocorrelationOption(stats.autocorrelation, stats.parameter);
  },
};

export const RANK: ChartSource = {
  title: 'Rank plot',
  fileParts: (s) => ['rank', s.selected],
  inputs: statisticsInputs,
  build: (s) => {
    const stats = statistics(s);
    return isEmptyChart(stats) ? stats : rankOption(stats.ranks, stats.parameter);
  },
};

export const ENERGY: ChartSource = {
  title: 'Energy',
  // The sampler's energy, the same whichever parameter is selected.
  fileParts: () => ['energy'],
  inputs: statisticsInputs,
  build: (s) => {
    const stats = statistics(s);
    return isEmptyChart(stats) ? stats : energyOption(stats.energy);
  },
};

export const INTERVALS: ChartSource = {
  title: 'Intervals',
  fileParts: (s) => ['intervals', s.plots && intervalsSubject(s.plots.intervals.rows.map((r) => r.name))],
  inputs: statisticsInputs,
  build: (s) => {
    const stats = statistics(s);
    return isEmptyChart(stats) ? stats : intervalsOption(stats.intervals, stats.parameter);
  },
};
