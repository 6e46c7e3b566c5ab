// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ChartOption } from './chart-option';
import { warmUpCharts } from './index';

const charts = vi.hoisted(() => [] as { host: HTMLElement; options: unknown[]; disposed: boolean }[]);
vi.mock('./echarts-setup', () => ({
  init: (host: HTMLElement) => {
    const chart = { host, options: [] as unknown[], disposed: false };
    charts.push(chart);
    return { setOption: (option: unknown) => chart.options.push(option), dispose: () => (chart.disposed = true) };
  },
}));

describe('warming up the charts', () => {
  it("draws one trace and one parallel-coordinates plot like a run's off screen, once per page, and leaves nothing behind", () => {
    const before = document.body.childElementCount;
    warmUpCharts();
    warmUpCharts();
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    const option = chart!.options[0] as ChartOption;
    expect(chart!.options).toHaveLength(2);
    // What a run's first trace draws: a line per chain, the divergent marks, a legend and labelled axes.
    expect(option.series.map((s) => s.type)).toEqual(['line', 'line', 'line', 'line', 'scatter']);
    expect(option.legend).toMatchObject({ data: ['Chain 1', 'Chain 2', 'Chain 3', 'Chain 4', 'Divergent'] });
    // What its parallel coordinates draw: lines, the divergent ones among them.
    const parcoord = chart!.options[1] as ChartOption;
    expect(new Set(parcoord.series.map((s) => s.type))).toEqual(new Set(['lines']));
    expect(parcoord.series.some((s) => s.name === 'Divergent' && s.data!.length > 0)).toBe(true);
    expect(chart!.host.style.visibility).toBe('hidden');
    expect(chart!.disposed).toBe(true);
    expect(chart!.host.isConnected).toBe(false);
    expect(document.body.childElementCount).toBe(before);
  });
});
