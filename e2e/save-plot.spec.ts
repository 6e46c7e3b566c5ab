import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, type RunChoice } from './support/index.js';

const CHOICE: RunChoice = { ad: 'forwarddiff', sampler: 'nuts', chains: 2, draws: 150, warmup: 150, seed: 11 };

/** A PNG's width and height, from its IHDR chunk (which every PNG has first, right after the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(12, 16).toString('latin1'), 'the first chunk').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What an SVG draws, parsed by the browser: its size, texts, each unfilled path's vertex count and where each text starts. */
function svgDrawn(page: Page, text: string) {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = document.documentElement;
    const texts = Array.from(root.querySelectorAll('text'));
    const start = (t: Element) => {
      const [, dx = '0', dy = '0'] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(t.getAttribute('transform') ?? '') ?? [];
      return { x: Number(dx) + Number(t.getAttribute('x') ?? 0), y: Number(dy) + Number(t.getAttribute('y') ?? 0) };
    };
    return {
      root: root.nodeName,
      errors: document.getElementsByTagName('parsererror').length,
      size: [root.getAttribute('width'), root.getAttribute('height')],
      texts: texts.map((t) => t.textContent),
      legend: Object.fromEntries(texts.map((t) => [t.textContent, start(t)])),
      // Each line's vertices: a chain's trace is a path of one vertex per draw; the parallel coordinates draw many lines in a path.
      lines: Array.from(root.querySelectorAll('path[fill="none"]'), (p) => (p.getAttribute('d') ?? '').split('M').slice(1).map((line) => 1 + (line.match(/L/g)?.length ?? 0))).flat(),
    };
  }, text);
}

test('a trace plot saves as a sharp PNG and as an SVG of the same chains', async ({ workbench }, testInfo) => {
  await workbench.openExample('eight_schools');
  await workbench.choose(CHOICE);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const trace = workbench.byTestId('chart-trace');
  await expect(trace).not.toHaveAttribute('data-empty');
  const parameter = await workbench.byTestId('parameter-select').inputValue();
  await trace.hover();
  await workbench.shot('save-control');

  const png = await workbench.downloadBytes('chart-trace-save-png');
  expect(png.name).toBe(`trace-${parameter}.png`);
  // Kept beside the test's other artifacts, to be looked at.
  writeFileSync(testInfo.outputPath(png.name), png.bytes);
  await expect(workbench.page.getByRole('region', { name: 'Results' }).locator('.export-outcome')).toHaveText(`Saved the plot: ${png.name}`);
  expect([...png.bytes.subarray(0, 8)], 'the PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const { width, height, ratio } = await trace.locator('.chart-canvas').evaluate((e) => ({ width: e.clientWidth, height: e.clientHeight, ratio: window.devicePixelRatio }));
  expect(pngSize(png.bytes), 'twice the pixels the chart has on screen').toEqual({ width: 2 * ratio * width, height: 2 * ratio * height });
  // Decoded by the browser: a white ground, not a transparent one, with the chains drawn on it.
  const pixels = await workbench.page.evaluate(async (base64) => {
    const image = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60) coloured++;
    return { corner: [...data.subarray(0, 4)], coloured: coloured / (data.length / 4) };
  }, png.bytes.toString('base64'));
  expect(pixels.corner, 'the top-left pixel').toEqual([255, 255, 255, 255]);
  expect(pixels.coloured, 'the share of pixels in a chain’s colour').toBeGreaterThan(0.01);

  const svg = await workbench.download('chart-trace-save-svg');
  expect(svg.name).toBe(`trace-${parameter}.svg`);
  writeFileSync(testInfo.outputPath(svg.name), svg.text);
  const drawn = await svgDrawn(workbench.page, svg.text);
  expect(drawn.root).toBe('svg');
  expect(drawn.errors).toBe(0);
  expect(drawn.size).toEqual([String(width), String(height)]);
  expect(drawn.texts).toEqual(expect.arrayContaining([`Trace of ${parameter}`, 'Chain 1', 'Chain 2']));
  expect(drawn.lines.filter((n) => n === CHOICE.draws), 'the chains’ traces').toHaveLength(CHOICE.chains);

  // Chain 2 switched off in the legend (clicked where the SVG drew its entry): the saved plot leaves it out too.
  const entry = drawn.legend['Chain 2']!;
  await trace.locator('.chart-canvas').click({ position: { x: entry.x + 10, y: entry.y } });
  const oneChain = await svgDrawn(workbench.page, (await workbench.download('chart-trace-save-svg')).text);
  expect(oneChain.lines.filter((n) => n === CHOICE.draws), 'the traces left').toHaveLength(1);
});

test('the parallel coordinates, whose lines ECharts keeps apart from its option, save with every line', async ({ workbench }) => {
  await workbench.openExample('eight_schools');
  await workbench.choose(CHOICE);
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  const lines = await workbench.chartPoints('parcoord');
  expect(lines).toBeGreaterThan(0);
  const svg = await workbench.download('chart-parcoord-save-svg');
  expect(svg.name).toBe('parallel-coordinates.svg');
  const drawn = await svgDrawn(workbench.page, svg.text);
  expect(drawn.texts).toContain('Parallel coordinates');
  // Axis, grid and tick lines have two vertices; a draw's line crosses every parameter's axis.
  expect(drawn.lines.filter((n) => n > 2), 'the draws’ lines').toHaveLength(lines);
  const png = await workbench.downloadBytes('chart-parcoord-save-png');
  const canvas = await workbench.byTestId('chart-parcoord').locator('.chart-canvas').evaluate((e) => ({ width: 2 * devicePixelRatio * e.clientWidth, height: 2 * devicePixelRatio * e.clientHeight }));
  expect(pngSize(png.bytes)).toEqual(canvas);
});
