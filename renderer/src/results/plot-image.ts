import type { ECharts, EChartsCoreOption } from 'echarts/core';
import type { BinaryFile, ExportFile } from '../../../runner/api';
import { init } from './echarts-setup';
import { plotFileName, type ImageFormat } from './plot-file-name';

/** Print resolution: twice the pixels the screen gives the plot, so a figure stays sharp in a paper. */
export const PNG_SCALE = 2;
/** The panel's chart background: a saved figure is never transparent (dark slides, PDF viewers). */
const BACKGROUND = '#fff';

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The option an image is drawn from: what the chart on screen shows (`getOption()`, which keeps the
 * legend's hidden chains), drawn at once on a white ground, without the tooltip, which a file cannot show.
 */
export function imageOption(shown: EChartsCoreOption): EChartsCoreOption {
  const { tooltip: _tooltip, axisPointer: _axisPointer, ...rest } = shown;
  return { ...rest, animation: false, backgroundColor: BACKGROUND };
}

/** The plot as an SVG document, drawn by ECharts' SVG renderer without a DOM. */
export function svgImage(option: EChartsCoreOption, { width, height }: ImageSize): string {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(imageOption(option));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The plot as a PNG's base64, `pixelRatio` pixels per CSS pixel, drawn on a canvas of its own off the page. */
export function pngImage(option: EChartsCoreOption, { width, height }: ImageSize, pixelRatio: number): string {
  const chart = init(document.createElement('div'), undefined, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  try {
    chart.setOption(imageOption(option));
    const url = chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: BACKGROUND });
    return url.slice(url.indexOf(',') + 1);
  } finally {
    chart.dispose();
  }
}

/**
 * The file of what `chart` shows now, named after its plot and parameter: an SVG, or a PNG at twice the
 * screen's pixel ratio. Both are drawn by charts of their own at the on-screen size, so neither catches the
 * chart mid-way through a redraw nor with a hovered series highlighted.
 */
export function plotImage(chart: ECharts, parts: readonly (string | null | undefined)[], format: ImageFormat): ExportFile | BinaryFile {
  const option = chart.getOption();
  const size = { width: chart.getWidth(), height: chart.getHeight() };
  const name = plotFileName(parts, format);
  if (format === 'svg') return { name, text: svgImage(option, size) };
  return { name, base64: pngImage(option, size, PNG_SCALE * (window.devicePixelRatio || 1)) };
}
