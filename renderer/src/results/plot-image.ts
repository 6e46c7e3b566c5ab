import type { BinaryFile, ExportFile } from '../../../runner/api';
import type { ChartOption } from './chart-option';
import { init } from './echarts-setup';
import { plotFileName, type ImageFormat } from './plot-file-name';

/** Print resolution: twice the pixels the screen gives the plot, so a figure stays sharp in a paper. */
export const PNG_SCALE = 2;
/** The panel's chart background: a saved figure is never transparent (dark slides, PDF viewers). */
const BACKGROUND = '#fff';

/** A plot as the panel shows it, to be saved. */
export interface ShownPlot {
  /** The option last set on the chart: every draw sets the whole plot. */
  option: ChartOption;
  /** The legend's entries switched on and off on screen (hidden chains), which the option does not hold. */
  legendSelected?: Readonly<Record<string, boolean>>;
  /** The file name's parts: the plot, then what it shows. */
  parts: readonly (string | null | undefined)[];
  width: number;
  height: number;
}

/**
 * The option an image is drawn from: the plot on screen, its hidden chains hidden, drawn at once on a white
 * ground, without the tooltip, which a file cannot show. Not the chart's `getOption()`: a lines series (the
 * parallel coordinates) keeps its flat data apart from its option, which comes back as zeros.
 */
export function imageOption(option: ChartOption, legendSelected?: Readonly<Record<string, boolean>>): ChartOption {
  const { tooltip: _tooltip, ...rest } = option;
  const legend = legendSelected && rest.legend && !Array.isArray(rest.legend) ? { ...rest.legend, selected: { ...legendSelected } } : rest.legend;
  return { ...rest, legend, animation: false, backgroundColor: BACKGROUND };
}

/** The plot as an SVG document, drawn by ECharts' SVG renderer without a DOM. */
export function svgImage({ option, legendSelected, width, height }: ShownPlot): string {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(imageOption(option, legendSelected));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The plot as a PNG's base64, `pixelRatio` pixels per CSS pixel, drawn on a canvas of its own off the page. */
export function pngImage({ option, legendSelected, width, height }: ShownPlot, pixelRatio: number): string {
  const chart = init(document.createElement('div'), undefined, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  try {
    chart.setOption(imageOption(option, legendSelected));
    const url = chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: BACKGROUND });
    return url.slice(url.indexOf(',') + 1);
  } finally {
    chart.dispose();
  }
}

/**
 * The file of a plot as shown, named after its plot and parameter: an SVG, or a PNG at twice the screen's
 * pixel ratio. Both are drawn by charts of their own at the on-screen size, so neither catches the chart
 * mid-way through a redraw nor with a hovered series highlighted.
 */
export function plotImage(shown: ShownPlot, format: ImageFormat): ExportFile | BinaryFile {
  const name = plotFileName(shown.parts, format);
  if (format === 'svg') return { name, text: svgImage(shown) };
  return { name, base64: pngImage(shown, PNG_SCALE * (window.devicePixelRatio || 1)) };
}
