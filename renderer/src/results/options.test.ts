import { describe, expect, it } from 'vitest';
import { isEmptyChart, MIN_DRAWS_PER_CHAIN, autocorrelationOption, densityOption, energyOption, intervalsOption, khatOption, pairOption, pointsIn, rankOption, traceOption, type ChartOption, type EmptyChart } from './index';

function drawn(option: ChartOption | EmptyChart): ChartOption {
  if (isEmptyChart(option)) throw new Error(`expected a chart, got the empty state '${option.empty}'`);
  return option;
}

const ramp = (n: number, offset = 0) => Float64Array.from({ length: n }, (_, i) => offset + Math.sin(i));

describe('trace options', () => {
  it('draws one line per chain, 1-based draw numbers, and the divergent draws as markers', () => {
    const option = drawn(traceOption({ parameter: 'μ', chains: [ramp(5), ramp(5, 10)], divergent: [[2], []], maxPoints: 100 }));
    expect(option.series.map((s) => [s.type, s.name])).toEqual([
      ['line', 'Chain 1'],
      ['line', 'Chain 2'],
      ['scatter', 'Divergent'],
    ]);
    expect(option.series[1]!.data![0]).toEqual([1, 10]);
    expect(option.series[2]!.data).toEqual([[3, Math.sin(2)]]);
    expect(pointsIn(option)).toBe(11);
    expect(option.title).toMatchObject({ text: 'Trace of μ' });
  });

  it('down-samples long chains to the point budget, keeping the last draw', () => {
    const option = drawn(traceOption({ parameter: 'μ', chains: [ramp(20_000), ramp(20_000)], divergent: [[], []], maxPoints: 800 }));
    expect(option.series).toHaveLength(2);
    expect(option.series[0]!.data).toHaveLength(800);
    expect((option.series[0]!.data as number[][]).at(-1)![0]).toBe(20_000);
    expect(pointsIn(option)).toBe(1600);
  });

  it('has no divergence series without divergences, and an empty state without draws', () => {
    expect(drawn(traceOption({ parameter: 'μ', chains: [ramp(3)], divergent: [[]], maxPoints: 10 })).series.map((s) => s.name)).toEqual(['Chain 1']);
    expect(traceOption({ parameter: 'μ', chains: [new Float64Array(0)], divergent: [[]], maxPoints: 10 })).toEqual({ empty: 'Start a run to see draws here' });
  });
});

describe('axes', () => {
  it('sit at the edges of every chart, never through zero inside the plot', () => {
    const options = [
      drawn(traceOption({ parameter: 'μ', chains: [ramp(30)], divergent: [[]], maxPoints: 100 })),
      drawn(pairOption({ x: { name: 'a', chains: [ramp(30)] }, y: { name: 'b', chains: [ramp(30)] }, divergent: [[]], maxPoints: 100 })),
      drawn(densityOption({ x: [-1, 1], chains: [[0.5, 0.5]] }, 'μ', [30])),
      drawn(autocorrelationOption([Array.from({ length: 30 }, (_, lag) => (-0.2) ** lag)], 'μ')),
      drawn(rankOption({ bins: 2, chains: [[15, 15]] }, 'μ')),
      drawn(energyOption({ marginal: { edges: [-2, 0, 2], counts: [4, 6] }, transition: { edges: [-2, 0, 2], counts: [7, 3] }, ebfmi: [1] })),
    ];
    for (const option of options) {
      expect(option.xAxis).toMatchObject({ axisLine: { onZero: false } });
      expect(option.yAxis).toMatchObject({ axisLine: { onZero: false } });
    }
  });

  it('number draws in whole steps and show a lone draw as a dot', () => {
    const option = drawn(traceOption({ parameter: 'μ', chains: [ramp(1)], divergent: [[]], maxPoints: 100 }));
    expect(option.xAxis).toMatchObject({ minInterval: 1, scale: true });
    expect(option.series[0]).toMatchObject({ showSymbol: true, data: [[1, 0]] });
  });
});

describe('pair options', () => {
  it('plots x against y per chain with divergent points on top, thinned to the budget', () => {
    const x = { name: 'τ', chains: [ramp(1000), ramp(1000)] };
    const y = { name: 'θ[1]', chains: [ramp(1000, 5), ramp(1000, 6)] };
    const option = drawn(pairOption({ x, y, divergent: [[10, 20], []], maxPoints: 100 }));
    expect(option.series.map((s) => s.name)).toEqual(['Chain 1', 'Chain 2', 'Divergent']);
    expect(option.series[0]!.data).toHaveLength(100);
    expect(option.series[2]!.data).toEqual([
      [Math.sin(10), 5 + Math.sin(10)],
      [Math.sin(20), 5 + Math.sin(20)],
    ]);
    expect(pointsIn(option)).toBe(202);
  });

  it('leaves a chain without draws out of large mode, which fails on an empty series', () => {
    const option = drawn(pairOption({ x: { name: 'a', chains: [ramp(5), ramp(0)] }, y: { name: 'b', chains: [ramp(5), ramp(0)] }, divergent: [[], []], maxPoints: 100 }));
    const [withDraws, waiting] = option.series as { large?: boolean; largeThreshold?: number; data: unknown[] }[];
    expect(withDraws!.large && withDraws!.data.length >= withDraws!.largeThreshold!).toBe(true);
    expect(waiting!.large && waiting!.data.length >= waiting!.largeThreshold!).toBe(false);
  });
});

describe('statistics plots', () => {
  it('draws a density per chain on the common grid', () => {
    const option = drawn(densityOption({ x: [0, 1, 2], chains: [[0.1, 0.3, 0.1], [0.2, 0.2, 0.2]] }, 'μ', [100, 100]));
    expect(option.series.map((s) => s.name)).toEqual(['Chain 1', 'Chain 2']);
    expect(option.series[1]!.data).toEqual([[0, 0.2], [1, 0.2], [2, 0.2]]);
    expect(pointsIn(option)).toBe(6);
  });

  it('marks the pooled draws’ HDI as a bar along the axis and their mean as a diamond, each in the legend', () => {
    const option = drawn(densityOption({ x: [0, 1, 2], chains: [[0.1, 0.3, 0.1]], hdi: { prob: 0.94, lower: 0.2, upper: 1.7, mean: 0.9 } }, 'μ', [100]));
    expect(option.series.map((s) => s.name)).toEqual(['Chain 1', '94% HDI', 'Mean']);
    expect(option.series[1]).toMatchObject({ type: 'line', data: [[0.2, 0], [1.7, 0]] });
    expect(option.series[2]).toMatchObject({ type: 'scatter', data: [[0.9, 0]], symbol: 'diamond' });
    expect(JSON.stringify(option.legend)).toContain('94% HDI');
  });

  it('draws a discrete parameter’s probability of each value as steps, not a density', () => {
    const option = drawn(densityOption({ x: [40, 41, 42], discrete: true, chains: [[0.25, 0.5, 0.25]] }, 's', [100]));
    expect(option.series[0]).toMatchObject({ step: 'middle', data: [[40, 0.25], [41, 0.5], [42, 0.25]] });
    expect(JSON.stringify(option.title)).toContain('Distribution of s');
    expect(JSON.stringify(option.yAxis)).toContain('Probability');
    expect(drawn(densityOption({ x: [0, 1], chains: [[0.5, 0.5]] }, 'μ', [100])).series[0]).not.toHaveProperty('step');
  });

  it('keeps a chain without draws as an empty series, so colours stay with their chains', () => {
    const option = drawn(densityOption({ x: [0, 1], chains: [[], [0.5, 0.5]] }, 'μ', [0, 100]));
    expect(option.series.map((s) => [s.name, s.data?.length])).toEqual([
      ['Chain 1', 0],
      ['Chain 2', 2],
    ]);
  });

  it('draws autocorrelation by lag per chain', () => {
    const option = drawn(autocorrelationOption([[1, 0.4, 0.1, ...new Array<number>(20).fill(0)]], 'μ'));
    expect((option.series[0]!.data as number[][]).slice(0, 3)).toEqual([[0, 1], [1, 0.4], [2, 0.1]]);
  });

  it('draws rank histograms per chain as steps over whole bins, the axis ending at the last bin, and the uniform line', () => {
    const option = drawn(rankOption({ bins: 4, chains: [[5, 5, 5, 5], [2, 8, 6, 4]] }, 'μ'));
    expect(option.series.map((s) => s.name)).toEqual(['Chain 1', 'Chain 2', 'Uniform']);
    expect(option.series[1]!.data).toEqual([[0, 2], [1, 8], [2, 6], [3, 4], [4, 4]]);
    expect(option.series[2]!.data).toEqual([[0, 5], [4, 5]]);
    expect(option.xAxis).toMatchObject({ min: 0, max: 4, minInterval: 1 });
    expect(pointsIn(option)).toBe(12);
  });

  it('shows no density, autocorrelation or ranks from too few draws, and leaves out a chain that has too few', () => {
    const density = { x: [0, 1], chains: [[0.5, 0.5], [0.4, 0.6]] };
    expect(densityOption(density, 'μ', [5, 19])).toEqual({ empty: `Too few draws for a density yet: it takes ${MIN_DRAWS_PER_CHAIN} per chain` });
    expect(drawn(densityOption(density, 'μ', [5, MIN_DRAWS_PER_CHAIN])).series.map((s) => s.data!.length)).toEqual([0, 2]);
    const lags = (n: number) => Array.from({ length: n }, (_, lag) => 0.5 ** lag);
    expect(autocorrelationOption([lags(3), lags(19)], 'μ')).toMatchObject({ empty: expect.stringMatching(/^Too few draws/) });
    expect(drawn(autocorrelationOption([lags(30), lags(3)], 'μ')).series.map((s) => s.data!.length)).toEqual([30, 0]);
    expect(rankOption({ bins: 2, chains: [[3, 2], [1, 4]] }, 'μ')).toMatchObject({ empty: expect.stringMatching(/^Too few draws/) });
    expect(drawn(rankOption({ bins: 2, chains: [[10, 10], [1, 4]] }, 'μ')).series.map((s) => s.data!.length)).toEqual([3, 0, 2]);
  });

  it('overlays the marginal energy and energy transition histograms, E-BFMI per chain in the title', () => {
    const energy = { marginal: { edges: [-2, 0, 2], counts: [4, 6] }, transition: { edges: [-2, 0, 2], counts: [7, 3] }, ebfmi: [1.023, 0.25] };
    const option = drawn(energyOption(energy));
    expect(option.title).toMatchObject({ text: 'Energy · E-BFMI 1.02, 0.25' });
    expect(option.series.map((s) => s.name)).toEqual(['Marginal energy', 'Energy transition']);
    expect(option.series[1]!.data).toEqual([[-1, 7], [1, 3]]);
  });

  it('draws intervals as a row per element: the outer and inner intervals as segments, the median as a point, the selected one marked', () => {
    const intervals = {
      probabilities: [0.05, 0.25, 0.5, 0.75, 0.95],
      rows: [
        { name: 'θ[1]', quantiles: [-3, -1, 0, 1, 3] },
        { name: 'θ[2]', quantiles: [2, 4, 5, 6, 8] },
      ],
      first: 0,
      total: 2,
    };
    const option = drawn(intervalsOption(intervals, 'θ[2]'));
    expect(option.series.map((s) => s.name)).toEqual(['90 %', '50 %', 'Median']);
    expect(option.series[0]!.data).toEqual([[-3, 0], [3, 0], null, [2, 1], [8, 1], null]);
    expect(option.series[1]!.data).toEqual([[-1, 0], [1, 0], null, [4, 1], [6, 1], null]);
    const widths = option.series.slice(0, 2).map((s) => (s as { lineStyle: { width: number } }).lineStyle.width);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    const medians = option.series[2]!.data as { value: number[]; itemStyle?: object }[];
    expect(medians.map((m) => m.value)).toEqual([[0, 0], [5, 1]]);
    expect([medians[0]!.itemStyle, medians[1]!.itemStyle !== undefined]).toEqual([undefined, true]);
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['θ[1]', 'θ[2]'], inverse: true });
    expect(option.title).toMatchObject({ text: 'Intervals: median, 50 % and 90 %' });
    const tooltip = (option.series[2] as { tooltip: { formatter: (p: { dataIndex: number }) => string } }).tooltip.formatter({ dataIndex: 1 });
    expect(tooltip).toBe('<b>θ[2]</b><br>median 5<br>90 %: 2 to 8<br>50 %: 4 to 6');
  });

  it('says which window of a long array the intervals show, and shortens long names on the axis only', () => {
    const long = 'a_very_long_generated_quantity_name';
    const rows = Array.from({ length: 24 }, (_, i) => ({ name: i === 0 ? long : `β[${i + 38}]`, quantiles: [0, 1, 2, 3, 4] }));
    const option = drawn(intervalsOption({ probabilities: [0.05, 0.25, 0.5, 0.75, 0.95], rows, first: 37, total: 100 }, 'β[50]'));
    expect(option.title).toMatchObject({ text: 'Intervals: median, 50 % and 90 % · 38–61 of 100' });
    const labels = (option.yAxis as { data: string[] }).data;
    expect(labels[0]).toBe('a_very_long_gen…');
    expect(labels[1]).toBe('β[39]');
    expect(intervalsOption({ probabilities: [0.05, 0.5, 0.95], rows: [{ name: 'μ', quantiles: [NaN, NaN, NaN] }], first: 0, total: 1 }, 'μ')).toMatchObject({ empty: expect.stringMatching(/^No draws/) });
  });

  it('plots each observation’s Pareto k in data order, the untrustworthy ones apart, with the class boundaries dashed', () => {
    const k = [0.1, 0.8, 0.45, 1.4];
    const classes = [
      { label: 'good' as const, lower: -Infinity, upper: 0.5, count: 2, minNEff: 500 },
      { label: 'ok' as const, lower: 0.5, upper: 0.7, count: 0, minNEff: NaN },
      { label: 'bad' as const, lower: 0.7, upper: 1, count: 1, minNEff: 30 },
      { label: 'very bad' as const, lower: 1, upper: Infinity, count: 1, minNEff: 2 },
    ];
    const pointwise = k.map((paretoK) => ({ elpdLoo: -1, mcseElpdLoo: 0.1, pLoo: 0.1, looic: 2, paretoK, nEff: 100, relativeEff: 1 }));
    const loo = { model: 'm', draws: 100, observations: 4, elpdLoo: { estimate: -4, se: 1 }, pLoo: { estimate: 0.4, se: 0.1 }, looic: { estimate: 8, se: 2 }, mcseElpdLoo: NaN, pointwise, kTable: classes, names: ['y[1]', 'y[2]', 'y[3]', 'y[4]'], notes: [], observed: [1, 2, 3, 4] };
    const option = drawn(khatOption(loo));
    expect(option.series.map((s) => s.name)).toEqual(['k', 'k > 0.7', 'k = 0.5', 'k = 0.7', 'k = 1']);
    expect(option.series[0]!.data).toEqual([[1, 0.1], [3, 0.45]]);
    expect(option.series[1]!.data).toEqual([[2, 0.8], [4, 1.4]]);
    expect(option.series[3]!.data).toEqual([[0, 0.7], [5, 0.7]]);
    const tooltip = (option.series[1] as { tooltip: { formatter: (p: { dataIndex: number }) => string } }).tooltip.formatter({ dataIndex: 1 });
    expect(tooltip).toBe('y[4]: k = 1.40');
    expect(option.yAxis).toMatchObject({ min: 0, max: 1.4 });
  });

  it('puts an infinite k (a tail too flat to fit) at the top of the axis, and writes it ∞', () => {
    const pointwise = [0.2, Infinity].map((paretoK) => ({ elpdLoo: -1, mcseElpdLoo: 0.1, pLoo: 0.1, looic: 2, paretoK, nEff: 100, relativeEff: 1 }));
    const kTable = [
      { label: 'good' as const, lower: -Infinity, upper: 0.5, count: 1, minNEff: 100 },
      { label: 'ok' as const, lower: 0.5, upper: 0.7, count: 0, minNEff: NaN },
      { label: 'bad' as const, lower: 0.7, upper: 1, count: 0, minNEff: NaN },
      { label: 'very bad' as const, lower: 1, upper: Infinity, count: 1, minNEff: 100 },
    ];
    const loo = { model: 'm', draws: 100, observations: 2, elpdLoo: { estimate: -2, se: 1 }, pLoo: { estimate: 0.2, se: 0.1 }, looic: { estimate: 4, se: 2 }, mcseElpdLoo: NaN, pointwise, kTable, names: ['y[1]', 'y[2]'], notes: [], observed: [1, 2] };
    const option = drawn(khatOption(loo));
    expect(option.series[1]!.data).toEqual([[2, 1.1]]);
    expect(option.yAxis).toMatchObject({ max: 1.1 });
    const tooltip = (option.series[1] as { tooltip: { formatter: (p: { dataIndex: number }) => string } }).tooltip.formatter({ dataIndex: 0 });
    expect(tooltip).toBe('y[2]: k = ∞');
  });

  it('says why there is no energy plot for samplers without energy', () => {
    expect(energyOption(null)).toMatchObject({ empty: expect.stringMatching(/does not report/) });
    expect(densityOption({ x: [], chains: [] }, 'μ', [])).toMatchObject({ empty: expect.any(String) });
  });
});
