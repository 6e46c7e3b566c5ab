import type { LinesSeriesOption } from 'echarts/charts';
import { chainName, frame, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour, DIVERGENT_COLOUR } from './palette';
import { parcoordAxes } from './parcoord-axes';
import { strided } from './strided';

export interface ParcoordInput {
  /** The run's parameters in model order (no generated quantities or sampler statistics). */
  parameters: readonly string[];
  /** Picks which parameters are drawn when they are too many for one plot. */
  selected: string | null;
  /** One parameter's draws, one array per chain. */
  chains: (name: string) => readonly Float64Array[];
  /** 0-based indices of each chain's divergent draws, ascending. */
  divergent: readonly (readonly number[])[];
  /** Most non-divergent draws drawn, shared evenly among the chains. */
  maxLines: number;
  /** Most divergent draws drawn, over all chains. */
  maxDivergent: number;
}

interface Draw {
  chain: number;
  index: number;
}

/**
 * bayesplot's mcmc_parcoord with its divergences (Gabry et al. 2019, fig. 5): a line per draw across the
 * parameters, each axis a z-score over every chain's draws so that mixed scales share one axis; a thinned
 * share of the draws faint underneath, the divergent ones dark on top, showing where they gather.
 */
export function parcoordOption({ parameters, selected, chains, divergent, maxLines, maxDivergent }: ParcoordInput): ChartOption | EmptyChart {
  if (parameters.length < 2) return { empty: 'A parallel-coordinates plot needs two parameters or more' };
  const { names, leftOut } = parcoordAxes(parameters, selected);
  const axes = names.map((name) => standardised(chains(name)));
  if (axes[0]!.every((c) => c.length === 0)) return { empty: 'Start a run to see draws here' };
  const line = ({ chain, index }: Draw) => ({ name: `${chainName(chain)}, draw ${index + 1}`, coords: axes.map((axis, k) => [k, axis[chain]![index]!]) });
  const perChain = Math.ceil(maxLines / axes[0]!.length);
  const usual = axes[0]!.flatMap((draws, chain) => strided(withoutDivergent(draws.length, divergent[chain] ?? []), perChain).map((index) => ({ chain, index })));
  const marked = strided(
    divergent.flatMap((indices, chain) => indices.map((index) => ({ chain, index }))),
    maxDivergent,
  );
  const series: LinesSeriesOption[] = Array.from({ length: LAYERS }, (_, layer) => ({
    ...LINES,
    name: 'Draws',
    data: usual.filter((_, k) => k % LAYERS === layer).map(line),
    silent: true,
    lineStyle: { color: chainColour(0), width: 1, opacity: LAYER_OPACITY },
  }));
  const legend = ['Draws'];
  if (marked.length > 0) {
    series.push({ ...LINES, name: 'Divergent', data: marked.map(line), z: 3, lineStyle: { color: DIVERGENT_COLOUR, width: 1.5, opacity: 0.8 } });
    legend.push('Divergent');
  }
  const count = leftOut === '' ? '' : ` · ${names.length} of ${parameters.length} parameters`;
  const base = frame({ title: `Parallel coordinates${count}`, x: '', y: 'Standardised value', legend, yBounds: bounds(series) });
  return {
    ...base,
    // What was left out goes on a line of its own below the title, which shares its line with the legend.
    ...(leftOut !== '' && { title: { ...(base.title as object), subtext: `Left out: ${leftOut}`, itemGap: 4, subtextStyle: { fontSize: 11, color: '#555' } }, grid: { ...(base.grid as object), top: 52 } }),
    xAxis: {
      type: 'category',
      data: names,
      boundaryGap: false,
      axisLine: { onZero: false },
      axisTick: { show: false },
      // The vertical line at each parameter is the plot's axis for it.
      splitLine: { show: true, lineStyle: { color: '#c8ccd0' } },
      axisLabel: { fontSize: 10, interval: 0, hideOverlap: true },
    },
    series,
  };
}

/**
 * Lines in data coordinates, each series drawn as one path (ECharts' large mode): a path of its own per
 * line would let faint lines darken where many cross, but cost three times the pair plot's redraw. Not
 * for a layer without lines yet (the first draws): large mode fails on an empty series, as the pair plot found.
 */
const LINES = { type: 'lines', coordinateSystem: 'cartesian2d', polyline: true, large: true, largeThreshold: 1 } as const;
/**
 * One path's lines never darken each other, so the usual draws are dealt into layers, each faint: where
 * lines crowd, every layer has some and the layers add up; a stray line is one layer's faint colour.
 */
const LAYERS = 8;
const LAYER_OPACITY = 0.1;

function withoutDivergent(count: number, divergent: readonly number[]): number[] {
  const skip = new Set(divergent);
  return Array.from({ length: count }, (_, i) => i).filter((i) => !skip.has(i));
}

/** Each draw's z-score over every chain's draws; a constant parameter's draws all sit at 0. */
function standardised(chains: readonly Float64Array[]): Float64Array[] {
  let n = 0;
  let mean = 0;
  let squares = 0;
  // Welford's update: one pass, no cancellation between a large mean and a small spread.
  for (const draws of chains)
    for (const x of draws) {
      n += 1;
      const delta = x - mean;
      mean += delta / n;
      squares += delta * (x - mean);
    }
  const sd = Math.sqrt(squares / (n - 1));
  const scale = sd > 0 && Number.isFinite(sd) ? sd : 1;
  return chains.map((draws) => draws.map((x) => (x - mean) / scale));
}

/**
 * Ticks of whole z-scores around the drawn lines, every second one on a wide axis: the lines series leaves
 * the axes' extent to the option (ECharts fits an axis only to series whose data it stores as values).
 */
function bounds(series: readonly LinesSeriesOption[]): { min: number; max: number; interval: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series)
    for (const item of s.data as { coords: number[][] }[])
      for (const [, y] of item.coords) {
        if (y! < min) min = y!;
        if (y! > max) max = y!;
      }
  // No finite value (a parameter's draws all NaN), or every line flat at one value (constant parameters).
  if (!(min <= max)) return { min: -1, max: 1, interval: 1 };
  const interval = Math.ceil(max) - Math.floor(min) > 6 ? 2 : 1;
  const lo = Math.floor(min / interval) * interval;
  const hi = Math.ceil(max / interval) * interval;
  return lo < hi ? { min: lo, max: hi, interval } : { min: lo - interval, max: hi + interval, interval };
}
