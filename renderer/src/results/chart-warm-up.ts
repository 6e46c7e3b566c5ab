import { isEmptyChart } from './chart-option';
import { init } from './echarts-setup';
import { parcoordOption } from './parcoord-options';
import { traceOption } from './trace-options';

/** Draws of the stand-in trace: enough for lines, a divergent mark and labelled axes. */
const SAMPLE = [0.3, -1.2, 0.8, 1.9, -0.4];

let warmed = false;

/**
 * Draws a trace and a parallel-coordinates plot like a run's off screen and throws them away, once per
 * page. The first chart drawn with data pays for what every later one reuses: ECharts' code for lines, legends and axis labels compiled,
 * and the browser's first measuring of text in each font and size the charts use (ECharts also measures
 * a CJK character in each, which comes from a fallback font). Measured in the first run's first trace:
 * 50 to 150 ms in one task, 10 to 110 of them in measureText, where later traces take 5 to 25 ms.
 */
export function warmUpCharts(): void {
  if (warmed) return;
  warmed = true;
  const host = document.createElement('div');
  host.style.cssText = 'position: fixed; left: -10000px; top: 0; width: 480px; height: 240px; visibility: hidden';
  document.body.append(host);
  const chart = init(host, undefined, { renderer: 'canvas' });
  const chains = [0, 1, 2, 3].map((chain) => Float64Array.from(SAMPLE, (x) => x + chain));
  const divergent = [[2], [], [], []];
  const option = traceOption({ parameter: 'θ[1]', chains, divergent, maxPoints: 500 });
  // Never empty: every chain has draws.
  if (!isEmptyChart(option)) chart.setOption(option);
  // The parallel coordinates' lines series and category axis are code the trace leaves cold.
  const parcoord = parcoordOption({ parameters: ['μ', 'θ[1]'], selected: null, chains: () => chains, divergent, maxLines: 400, maxDivergent: 400 });
  if (!isEmptyChart(parcoord)) chart.setOption(parcoord, { notMerge: true });
  chart.dispose();
  host.remove();
}
