import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption, LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';

export type ChartSeries = LineSeriesOption | LinesSeriesOption | ScatterSeriesOption;

export type ChartOption = ComposeOption<ChartSeries | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption> & {
  series: ChartSeries[];
};

/** A chart with nothing to draw: its empty frame carries this message instead. */
export interface EmptyChart {
  empty: string;
}

export function isEmptyChart<T extends object>(option: T | EmptyChart): option is EmptyChart {
  return typeof (option as Partial<EmptyChart>).empty === 'string';
}

/** Data points drawn, summed over series (a line of a lines series is one): what `data-points` reports to the end-to-end tests. */
export function pointsIn(option: ChartOption): number {
  return option.series.reduce((n, s) => n + (Array.isArray(s.data) ? s.data.length : s.data instanceof Float32Array ? flatLines(s.data).length : 0), 0);
}

/** The lines of a lines series' flat format (each line its point count, then its x, y pairs), as [x, y] points. */
export function flatLines(data: Float32Array): [number, number][][] {
  const lines: [number, number][][] = [];
  for (let at = 0; at < data.length; at += 1 + 2 * data[at]!) lines.push(Array.from({ length: data[at]! }, (_, k) => [data[at + 1 + 2 * k]!, data[at + 2 + 2 * k]!]));
  return lines;
}

export interface Frame {
  title: string;
  x: string;
  y: string;
  /** Legend entries; the legend is left out when there is only one. */
  legend: string[];
  /** Fixed axis bounds; without them the axis fits the data. */
  xBounds?: Bounds;
  yBounds?: Bounds;
  /** A long title gets the whole top line and the legend goes below it. */
  legendBelowTitle?: boolean;
  /** Room left of the plot, for a y axis labelled with names instead of numbers. */
  left?: number;
}

export interface Bounds {
  min?: number;
  max?: number;
  minInterval?: number;
  /** Fixed step between ticks: bounds that are not ticks would get labels of their own crowding the next. */
  interval?: number;
}

/** Title, labelled axes, legend and a tooltip, laid out so that nothing overlaps in a small chart. */
const TITLE_STYLE = { left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 600 } } as const;
// Fixed margins sized for the labels: ECharts' own fitting of labels into outer bounds is the largest
// part of a redraw, repeated at every batch.
const GRID = { left: 56, right: 16, top: 36, bottom: 40, outerBoundsMode: 'none' } as const;
// Axes at the plot's edges: ECharts draws them through the other axis' zero by default, a line across
// the middle of a plot whose values straddle zero.
const AXIS_LINE = { onZero: false } as const;

/** Fewer draws than this in a chain make its density, autocorrelation or ranks noise that looks like a result. */
export const MIN_DRAWS_PER_CHAIN = 20;

/**
 * The frame of a chart with no data: title and bare axes where the plot will be. Drawn before any run,
 * it also has ECharts compile its drawing code then rather than in the middle of the first run.
 */
export function emptyFrame(title: string): ChartOption {
  const axis = { type: 'value', min: 0, max: 1, axisLine: AXIS_LINE, axisLabel: { show: false }, axisTick: { show: false }, splitLine: { show: false } } as const;
  return { animation: false, title: { text: title, ...TITLE_STYLE }, grid: GRID, xAxis: axis, yAxis: axis, series: [] };
}

export function frame({ title, x, y, legend, xBounds, yBounds, legendBelowTitle = false, left = GRID.left }: Frame): Omit<ChartOption, 'series'> {
  const withLegend = legend.length > 1;
  const legendTop = legendBelowTitle ? 24 : 4;
  return {
    animation: false,
    title: { text: title, ...TITLE_STYLE },
    legend: withLegend ? { data: legend, top: legendTop, right: 8, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } } : { show: false },
    tooltip: { trigger: 'item', confine: true },
    grid: { ...GRID, left, top: legendBelowTitle && withLegend ? 52 : GRID.top },
    xAxis: { type: 'value', name: x, nameLocation: 'middle', nameGap: 26, ...axisBounds(xBounds), axisLine: AXIS_LINE, axisLabel: { fontSize: 10, hideOverlap: true } },
    yAxis: { type: 'value', name: y, nameLocation: 'middle', nameGap: 42, ...axisBounds(yBounds), axisLine: AXIS_LINE, axisLabel: { fontSize: 10, hideOverlap: true } },
  };
}

/** An axis fits the data (not stretched to include zero) except where a bound is fixed. */
function axisBounds(bounds: Bounds = {}): Bounds & { scale: boolean } {
  return { scale: bounds.min === undefined && bounds.max === undefined, ...bounds };
}

export function chainName(chain: number): string {
  return `Chain ${chain + 1}`;
}
