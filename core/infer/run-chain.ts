import type { Rng } from '../rng/index.js';
import { WindowedAdaptation, type AdaptationSettings } from './adaptation.js';
import { hmc } from './hmc.js';
import { hmcda } from './hmcda.js';
import { velocityVerlet, type Integrator } from './integrator.js';
import type { HmcState, Kernel } from './kernel.js';
import { denseMetric, diagonalMetric, unitMetric, type Metric } from './metric.js';
import { nuts } from './nuts.js';
import { initialStepSize } from './step-size-search.js';
import type { Target } from './target.js';

/** `unit`: the identity, never adapted. `diagonal`, `dense`: estimated in warm-up unless `adaptMetric` is false. */
export type MetricKind = 'unit' | 'diagonal' | 'dense';

/** The metric a sampler runs with: the one asked for, else Turing's default (diagonal for NUTS, unit for HMC and HMC-DA). */
export function metricKindOf(settings: SamplerSettings): MetricKind {
  return settings.metric ?? (settings.sampler === 'nuts' ? 'diagonal' : 'unit');
}

interface CommonSettings {
  /** Default: diagonal for NUTS, unit for HMC and HMC-DA (Turing's defaults). */
  readonly metric?: MetricKind;
  /** The inverse mass matrix to start from (d variances, or d×d column-major); default the identity. */
  readonly inverseMass?: Float64Array;
  /** Default true. */
  readonly adaptMetric?: boolean;
  /** Default: leapfrog. */
  readonly integrator?: Integrator;
  /** Default: 1000. */
  readonly maxEnergyError?: number;
  readonly adaptation?: AdaptationSettings;
}

export interface NutsSettings extends CommonSettings {
  readonly sampler: 'nuts';
  /** Where warm-up's step-size search starts (and dual averaging first shrinks towards 10ε); default 1. */
  readonly stepSize?: number;
  readonly maxTreeDepth?: number;
}

/** Static HMC adapts nothing (as Turing's HMC): warm-up iterations only move the chain. */
export interface HmcSettings extends CommonSettings {
  readonly sampler: 'hmc';
  readonly stepSize: number;
  readonly nSteps: number;
}

export interface HmcdaSettings extends CommonSettings {
  readonly sampler: 'hmcda';
  /** As for NUTS; default 1. */
  readonly stepSize?: number;
  readonly trajectoryLength: number;
}

export type SamplerSettings = NutsSettings | HmcSettings | HmcdaSettings;

export interface RunOptions {
  /** Consumed by the chain; chain k of seed s is `Rng.seeded(s).split(k)`. */
  readonly rng: Rng;
  /** The unconstrained starting point; the target must be finite there. */
  readonly init: Float64Array;
  readonly warmup: number;
  /** Draws returned (after thinning). */
  readonly draws: number;
  /** Keep every thin-th sampling iteration, starting with the first: (draws − 1)·thin + 1 iterations run. Default 1. */
  readonly thin?: number;
  /** Return the warm-up iterations too (all of them, unthinned). Default false: they are dropped. */
  readonly saveWarmup?: boolean;
  /** Draws per batch handed to `onBatch`. Default 100. */
  readonly batchSize?: number;
  /**
   * A batch also leaves at the first iteration this long after the last one left: live progress for a
   * slow model without handing a fast one over iteration by iteration. Default: by count only.
   */
  readonly batchMs?: number;
  /** Receives warm-up and sampling iterations as they come, whether or not warm-up is saved. */
  readonly onBatch?: (batch: ChainBatch) => void;
}

export interface DrawsBlock {
  readonly count: number;
  /** count × dimension, row-major. */
  readonly draws: Float64Array;
  /** count × statNames.length, row-major; booleans as 0 and 1. */
  readonly stats: Float64Array;
}

export interface ChainBatch extends DrawsBlock {
  readonly phase: 'warmup' | 'sampling';
  /** Index of the batch's first draw within its phase. */
  readonly first: number;
}

export interface ChainResult {
  readonly dimension: number;
  readonly statNames: readonly string[];
  readonly sampling: DrawsBlock;
  /** Present when `saveWarmup`. */
  readonly warmup?: DrawsBlock;
  /** What sampling used: the adapted step size and metric, or the given ones. */
  readonly stepSize: number;
  readonly metric: Metric;
  /** The last state, to continue the chain from. */
  readonly state: HmcState;
}

/** One chain: warm-up (with Stan's adaptation for NUTS and HMC-DA), then sampling with the tuning fixed. */
export function runChain(target: Target, settings: SamplerSettings, options: RunOptions): ChainResult {
  checkOptions(target, settings, options);
  const shared = { target, integrator: settings.integrator ?? velocityVerlet, maxEnergyError: settings.maxEnergyError };
  switch (settings.sampler) {
    case 'nuts':
      return run(nuts(), (stepSize, metric) => ({ ...shared, stepSize, metric, maxTreeDepth: settings.maxTreeDepth }), target, settings, options);
    case 'hmc':
      return run(hmc(), (stepSize, metric) => ({ ...shared, stepSize, metric, nSteps: settings.nSteps }), target, settings, options);
    case 'hmcda':
      return run(hmcda(), (stepSize, metric) => ({ ...shared, stepSize, metric, trajectoryLength: settings.trajectoryLength }), target, settings, options);
  }
}

function run<P, I extends { readonly acceptance_rate: number }>(
  kernel: Kernel<P, I>,
  paramsFor: (stepSize: number, metric: Metric) => P,
  target: Target,
  settings: SamplerSettings,
  options: RunOptions,
): ChainResult {
  const { rng, warmup, draws } = options;
  const thin = options.thin ?? 1;
  const d = target.dimension;
  const integrator = settings.integrator ?? velocityVerlet;
  const statNames = kernel.statNames;
  const batchSize = options.batchSize ?? 100;
  const metricKind = metricKindOf(settings);
  let metric = startingMetric(metricKind, settings.inverseMass, d);
  let stepSize = settings.stepSize ?? 1;
  let state = kernel.init(options.init, target);

  const batching = { size: batchSize, ms: options.batchMs };
  const warm = new Recorder<I>('warmup', d, statNames, warmup, options.saveWarmup ?? false, batching, options.onBatch);
  const adaptation =
    settings.sampler !== 'hmc' && warmup > 0
      ? new WindowedAdaptation(
          warmup,
          metric,
          metricKind !== 'unit' && (settings.adaptMetric ?? true),
          initialStepSize(rng, target, state, metric, integrator, stepSize),
          stepSize,
          settings.adaptation,
        )
      : undefined;
  for (let i = 0; i < warmup; i++) {
    const transition = kernel.step(rng, state, paramsFor(adaptation?.stepSize ?? stepSize, adaptation?.metric ?? metric));
    state = transition.state;
    warm.record(state.position, transition.info);
    if (adaptation?.update(state.position, transition.info.acceptance_rate)) {
      adaptation.restart(initialStepSize(rng, target, state, adaptation.metric, integrator, adaptation.stepSize));
    }
  }
  warm.flush();
  if (adaptation) {
    stepSize = adaptation.finalStepSize();
    metric = adaptation.metric;
  }

  const sampling = new Recorder<I>('sampling', d, statNames, draws, true, batching, options.onBatch);
  const params = paramsFor(stepSize, metric);
  const iterations = draws === 0 ? 0 : (draws - 1) * thin + 1;
  for (let i = 0; i < iterations; i++) {
    const transition = kernel.step(rng, state, params);
    state = transition.state;
    if (i % thin === 0) sampling.record(state.position, transition.info);
  }
  sampling.flush();

  return {
    dimension: d,
    statNames,
    sampling: sampling.block(),
    ...(options.saveWarmup ? { warmup: warm.block() } : {}),
    stepSize,
    metric,
    state,
  };
}

function startingMetric(kind: MetricKind, given: Float64Array | undefined, d: number): Metric {
  if (kind === 'unit') {
    if (given) throw new RangeError('a unit metric takes no inverse mass matrix; use a diagonal or dense one');
    return unitMetric(d);
  }
  if (kind === 'dense') {
    if (given) return denseMetric(given, d);
    const identity = new Float64Array(d * d);
    for (let i = 0; i < d; i++) identity[i + i * d] = 1;
    return denseMetric(identity, d);
  }
  if (given && given.length !== d) throw new RangeError(`a diagonal inverse mass matrix needs ${d} values, got ${given.length}`);
  return given ? diagonalMetric(given) : unitMetric(d);
}

/**
 * Rows of draws and statistics as a phase produces them: all of them when kept, otherwise only the
 * current batch; full batches go to `onBatch` as copies the receiver may keep or transfer.
 */
class Recorder<I> {
  private readonly draws: Float64Array;
  private readonly stats: Float64Array;
  private readonly width: number;
  private count = 0;
  private sent = 0;
  private flushedAt = performance.now();

  constructor(
    private readonly phase: ChainBatch['phase'],
    private readonly dimension: number,
    private readonly statNames: readonly (keyof I & string)[],
    capacity: number,
    private readonly keep: boolean,
    private readonly batching: { readonly size: number; readonly ms: number | undefined },
    private readonly onBatch: ((batch: ChainBatch) => void) | undefined,
  ) {
    this.width = statNames.length;
    const rows = keep ? capacity : onBatch ? Math.min(capacity, batching.size) : 0;
    this.draws = new Float64Array(rows * dimension);
    this.stats = new Float64Array(rows * this.width);
  }

  record(position: Float64Array, info: I): void {
    if (this.keep || this.onBatch) {
      const row = this.count - (this.keep ? 0 : this.sent);
      this.draws.set(position, row * this.dimension);
      const at = row * this.width;
      for (let j = 0; j < this.width; j++) this.stats[at + j] = Number(info[this.statNames[j]!]);
    }
    this.count++;
    const { size, ms } = this.batching;
    if (this.count - this.sent === size || (ms !== undefined && performance.now() - this.flushedAt >= ms)) this.flush();
  }

  flush(): void {
    if (this.count === this.sent) return;
    if (this.onBatch) {
      const from = this.keep ? this.sent : 0;
      const to = from + this.count - this.sent;
      this.onBatch({
        phase: this.phase,
        first: this.sent,
        count: this.count - this.sent,
        draws: this.draws.slice(from * this.dimension, to * this.dimension),
        stats: this.stats.slice(from * this.width, to * this.width),
      });
    }
    this.sent = this.count;
    this.flushedAt = performance.now();
  }

  block(): DrawsBlock {
    return { count: this.count, draws: this.draws, stats: this.stats };
  }
}

function checkOptions(target: Target, settings: SamplerSettings, options: RunOptions): void {
  const count = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be an integer of at least ${min}, got ${v}`);
  };
  const positive = (name: string, v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be positive and finite, got ${v}`);
  };
  count('warmup', options.warmup, 0);
  count('draws', options.draws, 0);
  count('thin', options.thin ?? 1, 1);
  count('batchSize', options.batchSize ?? 100, 1);
  if (options.batchMs !== undefined && !(options.batchMs >= 0)) throw new RangeError(`batchMs must be a non-negative number, got ${options.batchMs}`);
  if (options.init.length !== target.dimension) throw new RangeError(`init has ${options.init.length} values, the target's dimension is ${target.dimension}`);
  if (settings.stepSize !== undefined) positive('stepSize', settings.stepSize);
  if (settings.sampler === 'hmc') count('nSteps', settings.nSteps, 1);
  if (settings.sampler === 'hmcda') positive('trajectoryLength', settings.trajectoryLength);
  if (settings.sampler === 'nuts' && settings.maxTreeDepth !== undefined) count('maxTreeDepth', settings.maxTreeDepth, 1);
}
