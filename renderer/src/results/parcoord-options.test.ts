import { describe, expect, it } from 'vitest';
import { flatLines, isEmptyChart, MAX_PARCOORD_AXES, parcoordOption, pointsIn, type ChartOption, type EmptyChart, type ParcoordInput } from './index';

function drawn(option: ChartOption | EmptyChart): ChartOption {
  if (isEmptyChart(option)) throw new Error(`expected a chart, got the empty state '${option.empty}'`);
  return option;
}

/**
 * Draws of parameter `p` in chain `c`: the first parameter names its draw (chain · 10⁴ + index), so that a
 * line tells which draw it is; the others are a different wave each, so that every axis has its own scale.
 */
const wave = (p: number, c: number, n: number) => Float64Array.from({ length: n }, (_, i) => (p === 0 ? c * 1e4 + i : 10 * p + (p + 1) * Math.sin(i + c * 7 + p)));

function input(parameters: string[], nChains: number, n: number, extra: Partial<ParcoordInput> = {}): ParcoordInput {
  return {
    parameters,
    selected: parameters[0] ?? null,
    chains: (name) => Array.from({ length: nChains }, (_, c) => wave(parameters.indexOf(name), c, n)),
    divergent: Array.from({ length: nChains }, () => []),
    maxLines: 400,
    maxDivergent: 400,
    ...extra,
  };
}

function meanSd(values: ArrayLike<number>): [number, number] {
  const all = Array.from(values);
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  return [mean, Math.sqrt(all.reduce((a, x) => a + (x - mean) ** 2, 0) / (all.length - 1))];
}

interface Line {
  chain: number;
  index: number;
  points: [number, number][];
}

/** The lines of the series called `name`, each with the draw it is (read back from its first axis' z-score). */
function lines(option: ChartOption, name: string, from: ParcoordInput): Line[] {
  const [mean, sd] = meanSd(from.chains(from.parameters[0]!).flatMap((c) => Array.from(c)));
  return option.series
    .filter((s) => s.name === name)
    .flatMap((s) => flatLines(s.data as Float32Array))
    .map((points) => {
      const id = Math.round(points[0]![1] * sd + mean);
      return { chain: Math.floor(id / 1e4), index: id % 1e4, points };
    });
}

describe('parallel coordinates options', () => {
  it('has an axis per parameter in model order, labelled with its name, each a z-score over every chain’s draws', () => {
    const parameters = ['μ', 'τ', 'θ[1]', 'θ[2]'];
    const given = input(parameters, 2, 50);
    const option = drawn(parcoordOption(given));
    expect(option.xAxis).toMatchObject({ type: 'category', data: parameters });
    expect(option.title).toEqual(expect.not.objectContaining({ subtext: expect.anything() }));
    const all = lines(option, 'Draws', given);
    expect(new Set(all.map((l) => `${l.chain} ${l.index}`)).size).toBe(100);
    parameters.forEach((_, p) => {
      const [mean, sd] = meanSd([...wave(p, 0, 50), ...wave(p, 1, 50)]);
      for (const line of all) {
        expect(line.points[p]![0]).toBe(p);
        // Single precision: ECharts' flat format for lines.
        expect(line.points[p]![1]).toBeCloseTo((wave(p, line.chain, 50)[line.index]! - mean) / sd, 5);
      }
    });
  });

  it('puts a constant parameter’s draws at zero instead of dividing by a zero spread', () => {
    const given = input(['a', 'b'], 2, 10);
    const option = drawn(parcoordOption({ ...given, chains: (name) => (name === 'b' ? [0, 1].map(() => new Float64Array(10).fill(3)) : given.chains(name)) }));
    const zs = lines(option, 'Draws', given).map((l) => l.points[1]![1]);
    expect(zs).toHaveLength(20);
    expect(zs.every((z) => z === 0)).toBe(true);
  });

  it('thins the usual draws evenly over the chains, leaves the divergent ones out of them and draws every divergent one on top', () => {
    const divergent = [[3, 500], [], [999], [0, 1, 2]];
    const given = input(['μ', 'τ', 'θ'], 4, 1000, { divergent, maxLines: 400 });
    const option = drawn(parcoordOption(given));
    const usual = lines(option, 'Draws', given);
    expect(new Set(usual.map((l) => `${l.chain} ${l.index}`)).size).toBe(400);
    for (const chain of [0, 1, 2, 3]) expect(usual.filter((l) => l.chain === chain)).toHaveLength(100);
    const marked = lines(option, 'Divergent', given);
    expect(marked.map((l) => [l.chain, l.index])).toEqual(divergent.flatMap((indices, chain) => indices.map((index) => [chain, index])));
    expect(usual.some((l) => divergent[l.chain]!.includes(l.index))).toBe(false);
    const z = (name: string) => option.series.filter((s) => s.name === name).map((s) => (s as { z?: number }).z ?? 2);
    expect(Math.min(...z('Divergent'))).toBeGreaterThan(Math.max(...z('Draws')));
    expect(option.legend).toMatchObject({ data: ['Draws', 'Divergent'] });
    expect(pointsIn(option)).toBe(406);
  });

  it('thins very many divergent draws to their budget, and has neither their series nor a legend without any', () => {
    const everyOther = Array.from({ length: 500 }, (_, i) => 2 * i);
    const given = input(['μ', 'τ'], 2, 1000, { divergent: [everyOther, everyOther], maxDivergent: 300 });
    expect(lines(drawn(parcoordOption(given)), 'Divergent', given)).toHaveLength(300);
    const calm = drawn(parcoordOption(input(['μ', 'τ'], 2, 1000)));
    expect(new Set(calm.series.map((s) => s.name))).toEqual(new Set(['Draws']));
    expect(calm.legend).toEqual({ show: false });
  });

  it('deals the usual draws into several faint series, so that where lines crowd their colours add up', () => {
    const given = input(['μ', 'τ'], 4, 1000);
    const option = drawn(parcoordOption(given));
    const layers = option.series.filter((s) => s.name === 'Draws') as { data: Float32Array; lineStyle: { opacity: number } }[];
    expect(layers.length).toBeGreaterThan(1);
    for (const layer of layers) expect(flatLines(layer.data).length).toBeGreaterThanOrEqual(Math.floor(400 / layers.length));
    expect(1 - (1 - layers[0]!.lineStyle.opacity) ** layers.length).toBeGreaterThan(0.5);
  });

  it('leaves a layer without lines yet out of large mode, which fails on an empty series', () => {
    const option = drawn(parcoordOption(input(['μ', 'τ'], 1, 3)));
    const layers = option.series.map((s) => ({ ...(s as { large?: boolean; largeThreshold?: number }), count: flatLines(s.data as Float32Array).length }));
    expect(layers.some((s) => s.count === 0)).toBe(true);
    for (const s of layers) expect(s.large === true && s.count >= s.largeThreshold!).toBe(s.count > 0);
  });

  it('fixes the value axis around every drawn line (a lines series does not fit the axis itself)', () => {
    const option = drawn(parcoordOption(input(['μ', 'τ', 'σ'], 3, 200, { divergent: [[5], [], []] })));
    const { min, max, interval } = option.yAxis as { min: number; max: number; interval: number };
    const ys = option.series.flatMap((s) => flatLines(s.data as Float32Array).flatMap((points) => points.map(([, y]) => y)));
    expect(min).toBeLessThanOrEqual(Math.min(...ys));
    expect(max).toBeGreaterThanOrEqual(Math.max(...ys));
    expect(max - min).toBeLessThan(Math.max(...ys) - Math.min(...ys) + 2 * interval);
    // Both bounds are ticks, so neither gets a label of its own beside the nearest tick.
    expect([min % interval, max % interval].map(Math.abs)).toEqual([0, 0]);
  });

  it('keeps at most the cap of axes, the scalars and a window of the selected element’s array, and says what it left out', () => {
    const parameters = ['μ', 'τ', ...Array.from({ length: 28 }, (_, j) => `θ[${j + 1}]`)];
    const option = drawn(parcoordOption(input(parameters, 1, 20, { selected: 'θ[20]' })));
    const axes = (option.xAxis as { data: string[] }).data;
    expect(axes).toHaveLength(MAX_PARCOORD_AXES);
    expect(axes.slice(0, 2)).toEqual(['μ', 'τ']);
    expect(axes).toContain('θ[20]');
    expect(axes.at(-1)).toBe('θ[28]');
    expect(flatLines(option.series[0]!.data as Float32Array)[0]).toHaveLength(MAX_PARCOORD_AXES);
    expect(option.title).toMatchObject({ text: `Parallel coordinates · ${MAX_PARCOORD_AXES} of 30 parameters`, subtext: 'Left out: θ[1]–θ[10]' });
  });

  it('gives the room a short array leaves to more scalars, and at least half the axes to a long array', () => {
    const scalars = Array.from({ length: 25 }, (_, k) => `s${k + 1}`);
    const short = [...scalars, 'β[1]', 'β[2]', 'β[3]'];
    const axes = (parameters: string[], selected: string) => (drawn(parcoordOption(input(parameters, 1, 20, { selected }))).xAxis as { data: string[] }).data;
    expect(axes(short, 'β[2]')).toEqual([...scalars.slice(0, MAX_PARCOORD_AXES - 3), 'β[1]', 'β[2]', 'β[3]']);
    const long = [...scalars, ...Array.from({ length: 30 }, (_, j) => `β[${j + 1}]`)];
    expect(axes(long, 'β[30]').filter((a) => a.startsWith('β'))).toHaveLength(MAX_PARCOORD_AXES / 2);
    expect(axes(long, 'β[30]').at(-1)).toBe('β[30]');
  });

  it('keeps the first parameters when the selection is a scalar or not a parameter, and names only the first gaps', () => {
    const parameters = ['μ', ...Array.from({ length: 24 }, (_, j) => `θ[${j + 1}]`), 'σ', 'ρ', 'ν', 'ω'];
    for (const selected of ['μ', 'y_rep[1]', null]) {
      const option = drawn(parcoordOption(input(parameters, 1, 20, { selected })));
      expect((option.xAxis as { data: string[] }).data).toEqual(parameters.slice(0, MAX_PARCOORD_AXES));
      expect(option.title).toMatchObject({ text: `Parallel coordinates · ${MAX_PARCOORD_AXES} of 29 parameters`, subtext: 'Left out: θ[20]–θ[24], σ, ρ and 2 more' });
    }
  });

  it('has empty states for fewer than two parameters and before any draw', () => {
    expect(parcoordOption(input(['μ'], 2, 10))).toMatchObject({ empty: expect.stringMatching(/two parameters/) });
    expect(parcoordOption(input(['μ', 'τ'], 2, 0))).toEqual({ empty: 'Start a run to see draws here' });
  });
});
