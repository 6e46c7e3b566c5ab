import type { ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { useRunStore, type RunState } from '../run/index';
import { emptyFrame, isEmptyChart, pointsIn, type ChartOption, type EmptyChart } from './chart-option';
import { cancelDraw, requestDraw } from './chart-frames';
import { init } from './echarts-setup';
import { saveChart } from './exports';
import type { ImageFormat } from './plot-file-name';
import { RedrawPacer, redrawInterval } from './redraw-pacer';

/** A chart's view of the run: what it depends on (compared item by item) and how it is drawn from that state. */
export interface ChartSource {
  /** The title of the empty frame. */
  title: string;
  inputs: (state: RunState) => readonly unknown[];
  build: (state: RunState) => ChartOption | EmptyChart;
  /** The name of the plot saved as an image: the plot, then what it shows (`['trace', 'μ']` → `trace-μ.png`). */
  fileParts: (state: RunState) => readonly (string | null | undefined)[];
}

/** What a chart shows, for saving it: its plot (null for the empty frame) and the legend entries switched off and on since it was set. */
interface Drawn {
  chart: ECharts;
  plot: { option: ChartOption; parts: readonly (string | null | undefined)[] } | null;
  legendSelected?: Record<string, boolean>;
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * An ECharts canvas fed straight from the run store: React renders the container once; new draws reach
 * the chart through `setOption` in an animation frame (shared with the other charts under a time
 * budget), paced while draws stream (see `redrawInterval`) and only when the chart's inputs changed.
 * `data-points` tells how many points are drawn. A plot can be saved as PNG or SVG (the buttons show
 * over the chart's corner only while it has a plot).
 */
export function EChart({ source, testId }: { source: ChartSource; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const drawnPlot = useRef<Drawn | null>(null);
  useEffect(() => {
    const box = host.current!;
    const chart = init(canvas.current!, undefined, { renderer: 'canvas' });
    const drawnNow: Drawn = { chart, plot: null };
    drawnPlot.current = drawnNow;
    chart.on('legendselectchanged', (event) => {
      drawnNow.legendSelected = (event as { selected: Record<string, boolean> }).selected;
    });
    let drawn: readonly unknown[] | null = null;
    /** Series count of the option on screen, or null for the empty frame. */
    let shown: number | null = null;
    const draw = () => {
      const state = useRunStore.getState();
      const inputs = source.inputs(state);
      if (drawn && same(drawn, inputs)) return pacer.skipped();
      pacer.drawing();
      drawn = inputs;
      const option = source.build(state);
      if (isEmptyChart(option)) {
        chart.setOption(emptyFrame(source.title), { notMerge: true });
        shown = null;
        drawnNow.plot = null;
        box.dataset.empty = option.empty;
        box.dataset.points = '0';
        return;
      }
      // A new layout is set whole, so nothing of the empty frame (its fixed axes) stays; while draws stream
      // the same chart only changes its series, which are replaced while axes and legend are kept.
      const sameLayout = shown === option.series.length;
      chart.setOption(option, sameLayout ? { replaceMerge: ['series'] } : { notMerge: true });
      shown = option.series.length;
      drawnNow.plot = { option, parts: source.fileParts(state) };
      // A new layout starts with every legend entry on; streamed series keep what the user switched off.
      if (!sameLayout) delete drawnNow.legendSelected;
      delete box.dataset.empty;
      box.dataset.points = String(pointsIn(option));
    };
    const pacer = new RedrawPacer(() => requestDraw(draw));
    // Out of view a chart redraws rarely while draws stream, and soon when it comes back or at once when the
    // run ends, so its `data-points` never stay stale for long.
    let inView = false;
    const schedule = () => pacer.schedule(redrawInterval(useRunStore.getState().status === 'running', inView));
    schedule();
    const unsubscribe = useRunStore.subscribe(schedule);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(canvas.current!);
    const view = new IntersectionObserver((entries) => {
      inView = entries.at(-1)!.isIntersecting;
      // Coming into view brings a slow redraw forward (and costs little when the chart is up to date).
      if (inView) schedule();
    });
    view.observe(box);
    return () => {
      unsubscribe();
      view.disconnect();
      pacer.dispose();
      cancelDraw(draw);
      resize.disconnect();
      chart.dispose();
      drawnPlot.current = null;
    };
  }, [source]);
  const save = (format: ImageFormat) => {
    const drawn = drawnPlot.current;
    if (!drawn?.plot) return;
    const { chart, plot, legendSelected } = drawn;
    void saveChart({ ...plot, ...(legendSelected && { legendSelected }), width: chart.getWidth(), height: chart.getHeight() }, format);
  };
  return (
    <div className="chart" ref={host} data-testid={testId} data-points="0">
      <div className="chart-canvas" ref={canvas} />
      <div className="chart-save" role="group" aria-label="Save the plot">
        <button type="button" data-testid={`${testId}-save-png`} title="Save the plot as a PNG image, at twice the screen's resolution" onClick={() => save('png')}>
          PNG
        </button>
        <button type="button" data-testid={`${testId}-save-svg`} title="Save the plot as an SVG image (vector graphics)" onClick={() => save('svg')}>
          SVG
        </button>
      </div>
    </div>
  );
}
