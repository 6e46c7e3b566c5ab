import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { runChain, type ChainBatch, type RunOptions, type SamplerSettings } from './index.js';
import { gaussian, halfNormal } from './test-support.js';

const target = gaussian([1, -1, 3], [0.5, 1, 2]);
const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
const run = (settings: SamplerSettings, options: Partial<RunOptions> & { seed?: number } = {}) =>
  runChain(target, settings, { rng: Rng.seeded(options.seed ?? 1).split(2), init: new Float64Array(3), warmup: 150, draws: 100, ...options });

describe('runChain', () => {
  it.each<{ name: string; settings: SamplerSettings }>([
    { name: 'NUTS', settings: { sampler: 'nuts' } },
    { name: 'NUTS, dense metric', settings: { sampler: 'nuts', metric: 'dense' } },
    { name: 'HMC', settings: { sampler: 'hmc', stepSize: 0.3, nSteps: 5 } },
    { name: 'HMC-DA', settings: { sampler: 'hmcda', trajectoryLength: 1.5 } },
  ])('$name is deterministic: the same seed gives bit-identical draws and statistics', ({ settings }) => {
    const a = run(settings);
    const b = run(settings);
    expect(bits(a.sampling.draws)).toEqual(bits(b.sampling.draws));
    expect(bits(a.sampling.stats)).toEqual(bits(b.sampling.stats));
    expect(a.stepSize).toBe(b.stepSize);
    expect(bits(run(settings, { seed: 2 }).sampling.draws)).not.toEqual(bits(a.sampling.draws));
  });

  it('divergent chains are deterministic too', () => {
    const options = { rng: Rng.seeded(3).split(0), init: Float64Array.of(1, 0), warmup: 100, draws: 100 };
    const a = runChain(halfNormal(2, 'throw'), { sampler: 'nuts' }, options);
    const b = runChain(halfNormal(2, 'throw'), { sampler: 'nuts' }, { ...options, rng: Rng.seeded(3).split(0) });
    expect(bits(a.sampling.draws)).toEqual(bits(b.sampling.draws));
  });

  it('thinning keeps iterations 0, thin, 2·thin … of the same chain', () => {
    const full = run({ sampler: 'nuts' }, { draws: 28 });
    const thinned = run({ sampler: 'nuts' }, { draws: 10, thin: 3 });
    expect(thinned.sampling.count).toBe(10);
    for (let k = 0; k < 10; k++) {
      expect(Array.from(thinned.sampling.draws.subarray(3 * k, 3 * k + 3))).toEqual(Array.from(full.sampling.draws.subarray(9 * k, 9 * k + 3)));
    }
    expect(thinned.state).toEqual(full.state);
  });

  it('closes a batch by time as well as by count when asked, without changing a draw', () => {
    const sizes = (batchMs: number) => {
      const batches: ChainBatch[] = [];
      const result = run({ sampler: 'nuts' }, { warmup: 20, draws: 30, batchSize: 8, batchMs, onBatch: (b) => batches.push(b) });
      return { counts: batches.map((b) => b.count), draws: bits(result.sampling.draws) };
    };
    // Every iteration is at least 0 ms after the last batch; none is a day after it.
    const eachIteration = sizes(0);
    const byCount = sizes(86_400_000);
    expect(eachIteration.counts).toEqual(Array.from({ length: 50 }, () => 1));
    expect(byCount.counts).toEqual([8, 8, 4, 8, 8, 8, 6]);
    expect(eachIteration.draws).toEqual(byCount.draws);
  });

  it('streams warm-up and sampling in batches that add up to the result; warm-up is kept only when asked', () => {
    const batches: ChainBatch[] = [];
    const result = run({ sampler: 'nuts' }, { warmup: 150, draws: 100, batchSize: 40, onBatch: (b) => batches.push(b) });
    expect(batches.map((b) => [b.phase, b.first, b.count])).toEqual([
      ['warmup', 0, 40],
      ['warmup', 40, 40],
      ['warmup', 80, 40],
      ['warmup', 120, 30],
      ['sampling', 0, 40],
      ['sampling', 40, 40],
      ['sampling', 80, 20],
    ]);
    const sampling = batches.filter((b) => b.phase === 'sampling');
    const joined = new Float64Array(sampling.flatMap((b) => Array.from(b.draws)));
    expect(joined).toEqual(result.sampling.draws);
    expect(result.warmup).toBeUndefined();
    expect(sampling[0]!.stats.length).toBe(40 * result.statNames.length);

    const kept = run({ sampler: 'nuts' }, { warmup: 150, draws: 100, saveWarmup: true });
    expect(kept.warmup!.count).toBe(150);
    const warmupBatches = new Float64Array(batches.filter((b) => b.phase === 'warmup').flatMap((b) => Array.from(b.draws)));
    expect(warmupBatches).toEqual(kept.warmup!.draws);
  });

  it("names Turing's statistics, booleans as 0 and 1", () => {
    const result = run({ sampler: 'nuts' });
    expect(result.statNames).toEqual([
      'lp',
      'acceptance_rate',
      'step_size',
      'tree_depth',
      'n_steps',
      'is_divergent',
      'hamiltonian_energy',
      'hamiltonian_energy_error',
      'max_hamiltonian_energy_error',
    ]);
    expect(run({ sampler: 'hmc', stepSize: 0.3, nSteps: 5 }).statNames).toContain('is_accept');
    const divergent = result.sampling.stats.filter((_, k) => k % result.statNames.length === 5);
    expect(divergent.every((x) => x === 0 || x === 1)).toBe(true);
  });

  it('with no warm-up, samples with the given step size and metric', () => {
    const result = run({ sampler: 'nuts', stepSize: 0.4, inverseMass: Float64Array.of(0.25, 1, 4) }, { warmup: 0 });
    expect(result.stepSize).toBe(0.4);
    expect(Array.from(result.metric.inverseMass)).toEqual([0.25, 1, 4]);
    expect(result.sampling.count).toBe(100);
  });

  it('a fixed metric stays fixed through warm-up while the step size adapts', () => {
    const result = run({ sampler: 'nuts', inverseMass: Float64Array.of(0.25, 1, 4), adaptMetric: false });
    expect(Array.from(result.metric.inverseMass)).toEqual([0.25, 1, 4]);
    expect(result.stepSize).not.toBe(1);
    // HMC-DA's default metric is the unit one (as Turing's), never adapted; NUTS's the diagonal one.
    expect(Array.from(run({ sampler: 'hmcda', trajectoryLength: 1 }).metric.inverseMass)).toEqual([1, 1, 1]);
    expect(Array.from(run({ sampler: 'nuts' }).metric.inverseMass)).not.toEqual([1, 1, 1]);
  });

  it('refuses settings it cannot run, before sampling', () => {
    expect(() => run({ sampler: 'nuts' }, { draws: -1 })).toThrow(/draws/);
    expect(() => run({ sampler: 'nuts' }, { thin: 0 })).toThrow(/thin/);
    expect(() => run({ sampler: 'nuts' }, { init: new Float64Array(2) })).toThrow(/dimension/);
    expect(() => run({ sampler: 'hmc', stepSize: 0.1, nSteps: 0 })).toThrow(/nSteps/);
    expect(() => run({ sampler: 'hmcda', trajectoryLength: -1 })).toThrow(/trajectoryLength/);
    expect(() => run({ sampler: 'nuts', stepSize: 0 })).toThrow(/stepSize/);
    expect(() => run({ sampler: 'nuts', metric: 'unit', inverseMass: Float64Array.of(1, 1, 1) })).toThrow(/unit metric/);
    expect(() => run({ sampler: 'nuts', inverseMass: Float64Array.of(1, 1) })).toThrow(/3 values/);
    expect(() => runChain(halfNormal(1, 'throw'), { sampler: 'nuts' }, { rng: Rng.seeded(1), init: Float64Array.of(-1), warmup: 10, draws: 10 })).toThrow(/initial point/);
  });
});
