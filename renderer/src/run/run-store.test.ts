import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunRequest } from '../../../runner/protocol';
import { createRunStore, GrowableFloat64Array, RunDraws, ranWith, statusText, formatDuration, phaseLabel, divergenceNote, type ChainProgress } from './index';
import { batch, FakeTilde, LAYOUT } from './testing/fake-tilde';

const request: RunRequest = { source: 'model', sampler: { sampler: 'nuts' } as RunRequest['sampler'], draws: 100, warmup: 50, chains: 2, seed: 1 };

function setup() {
  const fake = new FakeTilde();
  const frames: (() => void)[] = [];
  const store = createRunStore({ api: () => fake.api, frame: (f) => frames.push(f), refreshMs: 1000, flushMs: 100 });
  const paint = () => frames.splice(0).forEach((f) => f());
  return { fake, store, paint };
}

async function started() {
  const s = setup();
  await s.store.getState().start(request);
  s.fake.emit(1, { type: 'layout', layout: LAYOUT });
  return s;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the run store', () => {
  it('collects batches per chain in order, whatever the interleaving, and selects the first parameter', async () => {
    const { fake, store } = await started();
    fake.emit(1, batch(0, 3, (r, c) => 10 * r + c));
    fake.emit(1, batch(1, 2, (r, c) => -(10 * r + c)));
    fake.emit(1, batch(0, 2, (r, c) => 100 + 10 * r + c));
    const draws = store.getState().draws!;
    expect(draws.count(0)).toBe(5);
    expect(draws.count(1)).toBe(2);
    expect([...draws.column(0, 'θ[1]')]).toEqual([1, 11, 21, 101, 111]);
    expect([...draws.column(1, 'μ')]).toEqual([-0, -10]);
    expect([...draws.column(0, 'y_rep')]).toEqual([3, 13, 23, 103, 113]);
    expect([...draws.column(1, 'lp')]).toEqual([-0, -1]);
    expect(store.getState().selected).toBe('μ');
    expect(store.getState().pairWith).toBe('θ[1]');
    expect(fake.started).toEqual([request]);
  });

  it('keeps the divergent draws of each chain by their index in the chain', async () => {
    const { fake, store } = await started();
    fake.emit(1, batch(0, 4, () => 0, [1]));
    fake.emit(1, batch(0, 4, () => 0, [0, 3]));
    fake.emit(1, batch(1, 4, () => 0));
    expect(store.getState().draws!.divergent(0)).toEqual([1, 4, 7]);
    expect(store.getState().draws!.divergent(1)).toEqual([]);
  });

  it('maps progress to iterations across warm-up and sampling, one state update per frame', async () => {
    const { fake, store, paint } = await started();
    const updates = vi.fn();
    store.subscribe(updates);
    const progress = (chain: number, phase: 'warmup' | 'sampling', iteration: number) =>
      fake.emit(1, { type: 'progress', progress: { type: 'progress', chain, phase, iteration, total: phase === 'warmup' ? 50 : 100, divergences: 2, elapsedMs: 1000, remainingMs: 3000 } });
    progress(0, 'warmup', 20);
    progress(1, 'warmup', 50);
    progress(1, 'sampling', 30);
    expect(updates).not.toHaveBeenCalled();
    paint();
    expect(updates).toHaveBeenCalledTimes(1);
    const [first, second] = store.getState().chains;
    expect(first).toMatchObject({ phase: 'warmup', iteration: 20, total: 150, warmupDivergences: 2, divergences: 0, remainingMs: 3000 });
    expect(second).toMatchObject({ phase: 'sampling', iteration: 80, total: 150 });
  });

  it("counts a chain's divergences from its kept draws: the engine's count spans warm-up too", async () => {
    const { fake, store, paint } = await started();
    const progress = (phase: 'warmup' | 'sampling', iteration: number, divergences: number) =>
      fake.emit(1, { type: 'progress', progress: { type: 'progress', chain: 0, phase, iteration, total: 50, divergences, elapsedMs: 0, remainingMs: null } });
    progress('warmup', 40, 8);
    paint();
    expect(store.getState().chains[0]).toMatchObject({ divergences: 0, warmupDivergences: 8 });
    progress('sampling', 5, 9);
    fake.emit(1, batch(0, 5, () => 0, [3]));
    vi.advanceTimersByTime(100);
    paint();
    expect(store.getState().chains[0]).toMatchObject({ phase: 'sampling', divergences: 1, warmupDivergences: 8 });
  });

  it("says a chain is starting once its worker has, before its first progress", async () => {
    const { fake, store, paint } = await started();
    fake.emit(1, { type: 'started', chain: 1 });
    paint();
    const [first, second] = store.getState().chains;
    expect([phaseLabel(first!), phaseLabel(second!)]).toEqual(['waiting', 'starting']);
    expect(second!.phase).toBe('waiting');
  });

  it('updates the views at most every flushMs, however often progress comes', async () => {
    const { fake, store, paint } = await started();
    const updates = vi.fn();
    store.subscribe(updates);
    const progress = (iteration: number) => fake.emit(1, { type: 'progress', progress: { type: 'progress', chain: 0, phase: 'warmup', iteration, total: 50, divergences: 0, elapsedMs: 0, remainingMs: null } });
    progress(1);
    paint();
    progress(2);
    paint();
    expect(updates).toHaveBeenCalledTimes(1);
    expect(store.getState().chains[0]!.iteration).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    paint();
    expect(updates).toHaveBeenCalledTimes(2);
    expect(store.getState().chains[0]!.iteration).toBe(2);
  });

  it('marks chain outcomes and a failed run with the engine message once', async () => {
    const { fake, store } = await started();
    const error = { name: 'ModelError', message: 'NUTS cannot sample the discrete parameter k; use MH or Gibbs', diagnostics: [{ from: 0, to: 1, line: 3, column: 1, severity: 'error' as const, message: 'x' }] };
    fake.emit(1, { type: 'chain-end', outcome: { chain: 0, status: 'failed', reason: 'error', error, draws: 0 } });
    fake.emit(1, { type: 'chain-end', outcome: { chain: 1, status: 'failed', reason: 'error', error, draws: 0 } });
    fake.emit(1, { type: 'end', summary: { outcomes: [{ chain: 0, status: 'failed', reason: 'error', error, draws: 0 }, { chain: 1, status: 'failed', reason: 'error', error, draws: 0 }], partial: true, cancelled: false } });
    const state = store.getState();
    expect(state.status).toBe('failed');
    expect(state.message).toBe('line 3: NUTS cannot sample the discrete parameter k; use MH or Gibbs');
    expect(state.chains.map((c) => c.phase)).toEqual(['failed', 'failed']);
    expect(state.chains[0]!.failure).toEqual({ reason: 'error', message: error.message });
  });

  it('names the chains that failed when the others finished', async () => {
    const { fake, store } = await started();
    const error = { name: 'Error', message: 'worker exited with code 1' };
    fake.emit(1, { type: 'end', summary: { outcomes: [{ chain: 0, status: 'done', info: { sampler: 'NUTS' } }, { chain: 1, status: 'failed', reason: 'crashed', error, draws: 4 }], partial: true, cancelled: false } });
    expect(store.getState().status).toBe('failed');
    expect(store.getState().message).toBe('chain 2: crashed: worker exited with code 1');
  });

  it('shows why a run could not start', async () => {
    const { fake, store } = setup();
    fake.startError = new Error("'chains' must be an integer ≥ 1, got 0");
    await store.getState().start(request);
    expect(store.getState().status).toBe('failed');
    expect(store.getState().message).toBe("'chains' must be an integer ≥ 1, got 0");
  });

  it('stop cancels the run and keeps the partial draws, which stay diagnosable', async () => {
    const { fake, store, paint } = await started();
    fake.emit(1, batch(0, 5, (r) => r));
    fake.emit(1, batch(1, 3, (r) => r));
    await store.getState().stop();
    expect(fake.cancelled).toEqual([1]);
    const cancelled = { name: 'Cancelled', message: 'the run was stopped' };
    fake.emit(1, { type: 'chain-end', outcome: { chain: 0, status: 'failed', reason: 'cancelled', error: cancelled, draws: 5 } });
    fake.emit(1, { type: 'chain-end', outcome: { chain: 1, status: 'failed', reason: 'cancelled', error: cancelled, draws: 3 } });
    fake.emit(1, { type: 'end', summary: { outcomes: [], partial: true, cancelled: true } });
    paint();
    const state = store.getState();
    expect(state.status).toBe('cancelled');
    expect(state.message).toBeNull();
    expect(state.draws!.count(0)).toBe(5);
    expect(state.draws!.count(1)).toBe(3);
    expect(state.runId).toBe(1);
    await vi.runAllTimersAsync();
    expect(fake.diagnosed.length).toBeGreaterThan(0);
  });

  it('stop before the run has an id cancels it as soon as it has one', async () => {
    const { fake, store } = setup();
    const starting = store.getState().start(request);
    await store.getState().stop();
    await starting;
    expect(fake.cancelled).toEqual([1]);
  });

  it('diagnoses at most once a second while running, and once more at the end', async () => {
    const { fake, store } = await started();
    store.getState().watchDiagnosis(true);
    fake.diagnosis = { draws: [1, 1], summary: [], stats: [], sampler: [], warnings: [] };
    for (let i = 0; i < 9; i++) {
      fake.emit(1, batch(i % 2, 1, () => i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(fake.diagnosed).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.diagnosed).toHaveLength(2);
    fake.emit(1, { type: 'end', summary: { outcomes: [{ chain: 0, status: 'done', info: { sampler: 'NUTS', adBackend: 'reversediff (compiled)' } }, { chain: 1, status: 'done', info: { sampler: 'NUTS', adBackend: 'reversediff (compiled)' } }], partial: false, cancelled: false } });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.diagnosed).toHaveLength(3);
    expect(store.getState().diagnosis).toBe(fake.diagnosis);
    expect(store.getState().status).toBe('done');
    expect(ranWith(store.getState().summary)).toBe('NUTS with reversediff (compiled)');
  });

  it('diagnoses while draws stream only when the summary is watched: at once when it comes into view, always at the end', async () => {
    const { fake, store } = await started();
    fake.diagnosis = { draws: [1, 1], summary: [], stats: [], sampler: [], warnings: [] };
    for (let i = 0; i < 30; i++) {
      fake.emit(1, batch(i % 2, 1, () => i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(fake.diagnosed).toHaveLength(0);
    store.getState().watchDiagnosis(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.diagnosed).toHaveLength(1);
    store.getState().watchDiagnosis(false);
    for (let i = 0; i < 30; i++) {
      fake.emit(1, batch(i % 2, 1, () => i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(fake.diagnosed).toHaveLength(1);
    fake.emit(1, { type: 'end', summary: { outcomes: [], partial: false, cancelled: false } });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.diagnosed).toHaveLength(2);
  });

  it('diagnoses again at once with further summary quantiles, and asks for them at every later diagnosis', async () => {
    const { fake, store } = await started();
    fake.diagnosis = { draws: [1, 1], summary: [], stats: [], sampler: [], warnings: [] };
    fake.emit(1, batch(0, 1, () => 0));
    fake.emit(1, { type: 'end', summary: { outcomes: [], partial: false, cancelled: false } });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.diagnosedProbs).toEqual([[]]);
    store.getState().setSummaryProbs([0.025, 0.975]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.diagnosedProbs).toEqual([[], [0.025, 0.975]]);
    // The same quantiles again ask nothing.
    store.getState().setSummaryProbs([0.025, 0.975]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.diagnosedProbs).toHaveLength(2);
  });

  it('checks the posterior predictive of the run, keeps the engine’s message when it fails, and drops an answer a new run overtook', async () => {
    const { fake, store } = await started();
    const result = { variables: [{ name: 'y', elements: 1, observedElements: 1, draws: 2, overlay: null, tests: [] }] };
    fake.predictive = { ok: true, value: result, warnings: [] };
    await store.getState().checkPredictive(['y']);
    expect(fake.predicted).toEqual([{ id: 1, replicate: ['y'] }]);
    expect(store.getState().predictive).toEqual({ status: 'done', replicate: ['y'], result });
    fake.predictive = { ok: false, diagnostics: [{ from: 0, to: 1, line: 1, column: 1, severity: 'error', message: '`x` stands left of no `~`' }] };
    await store.getState().checkPredictive(['x']);
    expect(store.getState().predictive).toMatchObject({ status: 'failed', message: expect.stringContaining('`x` stands left of no `~`') });
    fake.predictive = { ok: true, value: result, warnings: [] };
    const late = store.getState().checkPredictive(['y']);
    await store.getState().start(request);
    await late;
    expect(store.getState().predictive).toBeNull();
  });

  it('computes the run’s PSIS-LOO in the engine, keeps its message when it fails, and drops an answer a new run overtook', async () => {
    const { fake, store } = await started();
    const result = { names: ['y[1]'], notes: [], draws: 4, observations: 1 } as never;
    fake.looResult = { ok: true, value: result, warnings: [] };
    await store.getState().computeLoo();
    expect(fake.looAsked).toEqual([1]);
    expect(store.getState().loo).toEqual({ status: 'done', result });
    await store.getState().computeLoo({ momentMatch: true });
    expect(fake.looOptions).toEqual([{ momentMatch: true }]);
    fake.looResult = { ok: false, diagnostics: [{ from: 0, to: 1, line: 1, column: 1, severity: 'error', message: 'the draws have no values for `τ`' }] };
    await store.getState().computeLoo();
    expect(store.getState().loo).toMatchObject({ status: 'failed', message: expect.stringContaining('the draws have no values for `τ`') });
    fake.looResult = { ok: true, value: result, warnings: [] };
    const late = store.getState().computeLoo();
    await store.getState().start(request);
    await late;
    expect(store.getState().loo).toBeNull();
  });

  it('compares a run’s leave-one-out with earlier runs of the same observed values, and forgets them when asked', async () => {
    const { fake, store } = await started();
    const of = (observed: number[], model = 'm', more: object = {}) => ({ ok: true as const, value: { model, names: [], notes: [], draws: 4, observations: observed.length, observed, ...more } as never, warnings: [] });
    const eight = [28, 8, -3, 7, -1, 1, 18, 12];
    fake.looResult = of(eight, 'a');
    await store.getState().computeLoo();
    expect(fake.compared).toEqual([]);
    fake.looResult = of(eight, 'b');
    fake.comparison = [{ name: '2', elpdDiff: 0, seDiff: 0 } as never, { name: '1', elpdDiff: -2, seDiff: 1 } as never];
    await store.getState().start({ ...request, seed: 2 });
    await store.getState().computeLoo();
    expect(fake.compared).toEqual([[1, 2]]);
    expect(store.getState().looComparison).toEqual({ status: 'done', rows: fake.comparison });
    expect(store.getState().looHistory.map((h) => h.label)).toEqual(['a (run 1)', 'b (run 2)']);
    // Moment matching replaces the run's plain leave-one-out in the comparison, and its label says so.
    fake.looResult = of(eight, 'b', { momentMatched: [{ name: 'y[1]', kBefore: 0.9, transformations: 2, reachedLimit: false }] });
    await store.getState().computeLoo({ momentMatch: true });
    expect(store.getState().looHistory.map((h) => h.label)).toEqual(['a (run 1)', 'b (run 2, moment-matched)']);
    expect(fake.compared).toEqual([[1, 2], [1, 2]]);
    // Other data, of another size or of the same size, compares with nothing; a new run clears the comparison shown but keeps the history.
    await store.getState().start({ ...request, seed: 3 });
    expect(store.getState().looComparison).toBeNull();
    fake.looResult = of([1, 2, 3, 4, 5]);
    await store.getState().computeLoo();
    await store.getState().start({ ...request, seed: 4 });
    fake.looResult = of(eight.map((y) => y + 1));
    await store.getState().computeLoo();
    expect(fake.compared).toHaveLength(2);
    store.getState().forgetLooHistory();
    expect(store.getState().looHistory).toEqual([]);
  });

  it('fetches plot statistics of the selected variable, at once when the selection changes', async () => {
    const { fake, store } = await started();
    fake.emit(1, batch(0, 2, () => 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.plotted).toEqual([{ id: 1, parameter: 'μ' }]);
    store.getState().select('θ[2]');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.plotted.at(-1)).toEqual({ id: 1, parameter: 'θ[2]' });
    expect(store.getState().plots?.parameter).toBe('θ[2]');
  });

  it('ignores the events of a run replaced by a new one', async () => {
    const { fake, store } = await started();
    await store.getState().start({ ...request, seed: 2 });
    expect(fake.cancelled).toEqual([1]);
    fake.emit(1, { type: 'layout', layout: LAYOUT });
    expect(store.getState().draws).toBeNull();
    expect(store.getState().runId).toBe(2);
  });

  it('shows a MAP result, or the engine diagnostics when it fails', async () => {
    const { fake, store } = setup();
    const value = { model: 'm', kind: 'map' as const, mode: { μ: 1.5 }, se: { μ: 0.25 }, value: -3, converged: true, message: 'converged', iterations: 12 };
    fake.api.engine.optimize = async () => ({ ok: true, value, warnings: [] });
    await store.getState().optimize({ source: 'm', kind: 'map' });
    expect(store.getState()).toMatchObject({ status: 'done', mode: 'optimize', optimization: value, message: null });
    fake.api.engine.optimize = async () => ({ ok: false, diagnostics: [{ from: 3, to: 5, line: 2, column: 4, severity: 'error', message: 'k is discrete' }] });
    await store.getState().optimize({ source: 'm', kind: 'mle' });
    expect(store.getState()).toMatchObject({ status: 'failed', optimization: null, message: 'line 2: k is discrete' });
  });

  it('stops an optimisation that does not end (a model that loops), and drops its late answer', async () => {
    const { fake, store } = setup();
    let reject!: (e: Error) => void;
    fake.api.engine.optimize = () => new Promise((_, no) => (reject = no));
    const optimizing = store.getState().optimize({ source: 'm', kind: 'map' });
    expect(store.getState().status).toBe('running');
    await store.getState().stop();
    expect(fake.engineCancelled).toEqual(['optimize']);
    expect(store.getState()).toMatchObject({ status: 'cancelled', mode: 'optimize', message: null });
    reject(new Error('the optimisation was stopped'));
    await optimizing;
    expect(store.getState()).toMatchObject({ status: 'cancelled', message: null });
  });
});

describe('run draws storage', () => {
  it('grows by doubling and keeps every value', () => {
    const array = new GrowableFloat64Array(2);
    for (let i = 0; i < 10; i++) array.append(new Float64Array([i, i + 0.5]));
    expect(array.length).toBe(20);
    expect(array.capacity).toBe(32);
    expect(array.view()[19]).toBe(9.5);
  });

  it('returns an empty column for an unknown name', () => {
    const draws = new RunDraws(LAYOUT, 1);
    expect(draws.column(0, 'nope')).toHaveLength(0);
    const event = batch(3, 1, () => 0);
    expect(event.type).toBe('draws');
    if (event.type === 'draws') expect(() => draws.append(3, event.batch)).toThrow(/chain 4/);
  });
});

describe('run status text', () => {
  it('says how many chains are active and when a run stopped', () => {
    const chains = [
      { chain: 0, phase: 'sampling' as const, started: true, iteration: 1, total: 2, divergences: 0, warmupDivergences: 0, remainingMs: null },
      { chain: 1, phase: 'done' as const, started: true, iteration: 2, total: 2, divergences: 0, warmupDivergences: 0, remainingMs: 0 },
    ];
    expect(statusText('running', chains, 'sample')).toBe('Running: 1 of 2 chains active, 1 finished');
    expect(statusText('cancelled', chains, 'sample')).toBe('Stopped: the draws so far are kept');
    expect(statusText('running', chains, 'optimize')).toBe('Optimising…');
    expect(statusText('done', chains, 'sample', 'NUTS with reversediff (compiled)')).toBe('Done: 2 chains · NUTS with reversediff (compiled)');
    expect(statusText('done', chains, 'sample')).toBe('Done: 2 chains');
    expect(ranWith({ outcomes: [{ chain: 0, status: 'done', info: { sampler: 'MH' } }], partial: false, cancelled: false })).toBe('MH');
    expect(ranWith(null)).toBeNull();
  });

  it('formats time left', () => {
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});

describe("a chain bar's words", () => {
  const chain = (over: Partial<ChainProgress>): ChainProgress => ({ chain: 0, phase: 'sampling', started: true, iteration: 10, total: 20, divergences: 0, warmupDivergences: 0, remainingMs: null, ...over });

  it('alerts only to divergences of kept draws; warm-up ones are muted, and only during warm-up', () => {
    expect(divergenceNote(chain({ phase: 'warmup', warmupDivergences: 8 }))).toEqual({ text: '8 in warm-up', alert: false });
    expect(divergenceNote(chain({ phase: 'sampling', warmupDivergences: 8 }))).toBeNull();
    expect(divergenceNote(chain({ phase: 'done', warmupDivergences: 8, divergences: 2 }))).toEqual({ text: '2 divergent', alert: true });
    expect(divergenceNote(chain({ phase: 'warmup' }))).toBeNull();
  });

  it('names the phase, starting before the first progress, and how a failed chain ended', () => {
    expect(phaseLabel(chain({ phase: 'waiting', started: false }))).toBe('waiting');
    expect(phaseLabel(chain({ phase: 'waiting', started: true }))).toBe('starting');
    expect(phaseLabel(chain({ phase: 'warmup' }))).toBe('warm-up');
    expect(phaseLabel(chain({ phase: 'warmup' }), true)).toBe('optimising');
    expect(phaseLabel(chain({ phase: 'sampling' }), true)).toBe('sampling');
    expect(phaseLabel(chain({ phase: 'failed', failure: { reason: 'timeout', message: 'too slow' } }))).toBe('timed out');
  });
});
