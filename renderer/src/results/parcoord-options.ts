import type { LinesSeriesOption } from 'echarts/charts';
import { frame, type ChartOption, type EmptyChart } from './chart-option';
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
  const axes = names.map((name) => standardising(chains(name)));
  const draws = axes[0]!.chains;
  if (draws.every((c) => c.length === 0)) return { empty: 'Start a run to see draws here' };
  const perChain = Math.ceil(maxLines / draws.length);
  const usual = draws.flatMap((values, chain) => strided(withoutDivergent(values.length, divergent[chain] ?? []), perChain).map((index) => ({ chain, index })));
  const marked = strided(
    divergent.flatMap((indices, chain) => indices.map((index) => ({ chain, index }))),
    maxDivergent,
  );
  const series: LinesSeriesOption[] = Array.from({ length: LAYERS }, (_, layer) => ({
    ...LINES,
    name: 'Draws',
    data: polylines(
      axes,
      usual.filter((_, k) => k % LAYERS === layer),
    ),
    lineStyle: { color: chainColour(0), width: 1, opacity: LAYER_OPACITY },
  }));
  const legend = ['Draws'];
  if (marked.length > 0) {
    series.push({ ...LINES, name: 'Divergent', data: polylines(axes, marked), z: 3, lineStyle: { color: DIVERGENT_COLOUR, width: 1.5, opacity: 0.8 } });
    legend.push('Divergent');
  }
  const count = leftOut === '' ? '' : ` · ${names.length} of ${parameters.length} parameters`;
  const base = frame({ title: `Parallel coordinates${count}`, x: '', y: 'Standardised value', legend, yBounds: bounds(series.map((s) => s.data as Float32Array)) });
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
const LINES = { type: 'lines', coordinateSystem: 'cartesian2d', polyline: true, large: true, largeThreshold: 1, silent: true } as const;
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

interface Axis {
  chains: readonly Float64Array[];
  mean: number;
  scale: number;
}

/** The mean and standard deviation of every chain's draws; a constant parameter's scale is 1, so its draws all sit at 0. */
function standardising(chains: readonly Float64Array[]): Axis {
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
  return { chains, mean, scale: sd > 0 && Number.isFinite(sd) ? sd : 1 };
}

/**
 * The draws' lines in ECharts' flat format for lines (each line its point count, then its x, y pairs):
 * no array per point for the option to build and ECharts to walk, the most of a redraw's cost otherwise.
 */
function polylines(axes: readonly Axis[], draws: readonly Draw[]): Float32Array {
  const width = 1 + 2 * axes.length;
  const out = new Float32Array(draws.length * width);
  draws.forEach(({ chain, index }, j) => {
    let at = j * width;
    out[at++] = axes.length;
    axes.forEach(({ chains, mean, scale }, k) => {
      out[at++] = k;
      out[at++] = (chains[chain]![index]! - mean) / scale;
    });
  });
  return out;
}

/**
 * Ticks of whole z-scores around the drawn lines, every second one on a wide axis: the lines series leaves
 * the axes' extent to the option (ECharts fits an axis only to series whose data it stores as values).
 */
function bounds(layers: readonly Float32Array[]): { min: number; max: number; interval: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const flat of layers)
    for (let at = 0; at < flat.length; at += 1 + 2 * flat[at]!)
      for (let y = at + 2; y < at + 1 + 2 * flat[at]!; y += 2) {
        if (flat[y]! < min) min = flat[y]!;
        if (flat[y]! > max) max = flat[y]!;
      }
  // No finite value (a parameter's draws all NaN), or every line flat at one value (constant parameters).
  if (!(min <= max)) return { min: -1, max: 1, interval: 1 };
  const interval = Math.ceil(max) - Math.floor(min) > 6 ? 2 : 1;
  const lo = Math.floor(min / interval) * interval;
  const hi = Math.ceil(max / interval) * interval;
  return lo < hi ? { min: lo, max: hi, interval } : { min: lo - interval, max: hi + interval, interval };
}
