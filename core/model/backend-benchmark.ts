import type { BackendName, BackendOptions } from '../ad/index.js';
import { Rng } from '../rng/index.js';
import { autoChoice, COMPILED_LABEL } from './auto-backend.js';
import type { BoundModel } from './logdensity.js';

export interface BackendCandidate {
  label: string;
  name: BackendName;
  options: BackendOptions;
}

/** What the workbench offers and measures; finite differences are for checks only. */
export const CANDIDATES: readonly BackendCandidate[] = [
  { label: 'forwarddiff', name: 'forwarddiff', options: {} },
  { label: 'reversediff', name: 'reversediff', options: {} },
  { label: COMPILED_LABEL, name: 'reversediff', options: { compile: true } },
  { label: 'tracker', name: 'tracker', options: {} },
];

export interface BackendTiming {
  label: string;
  name: BackendName;
  options: BackendOptions;
  /** Median µs per gradient, or undefined when the backend refused the model. */
  microseconds?: number;
  /** Gradient time over log-density time. */
  ratio?: number;
  refused?: string;
  fastest: boolean;
}

export interface BackendBenchmark {
  dimension: number;
  /** Median µs of one log-density evaluation (no gradient). */
  primalMicroseconds: number;
  rows: BackendTiming[];
  auto: { label: string; name: BackendName; options: BackendOptions; reason: string };
}

export interface BenchmarkOptions {
  /** A clock in milliseconds; `performance.now` where it exists. */
  now?: () => number;
  /** Wall-clock budget per backend, in milliseconds. */
  budgetMs?: number;
}

/** Median per-call time in µs: warm up, then repeat in batches until the budget is spent. */
function medianMicroseconds(f: () => void, now: () => number, budgetMs: number): number {
  const warmEnd = now() + budgetMs * 0.2;
  let batch = 1;
  do {
    const t0 = now();
    for (let i = 0; i < batch; i++) f();
    if (now() - t0 < 1) batch *= 2;
  } while (now() < warmEnd);
  const samples: number[] = [];
  const end = now() + budgetMs * 0.8;
  do {
    const t0 = now();
    for (let i = 0; i < batch; i++) f();
    samples.push(((now() - t0) * 1000) / batch);
  } while (now() < end || samples.length < 5);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/**
 * `auto`'s choice (which a run makes without timing anything), and how it fared here: the measurement
 * never changes it, so that a seed gives the same draws on any machine, but says where another was faster.
 */
function autoMeasured(bound: BoundModel, rows: readonly BackendTiming[]): BackendBenchmark['auto'] {
  const { label, name, options, reason } = autoChoice(bound);
  const fastest = rows.find((r) => r.fastest);
  const mine = rows.find((r) => r.label === label);
  let measured = '';
  if (fastest && fastest === mine) measured = '; measured fastest on this model too';
  else if (fastest && mine?.microseconds !== undefined) measured = `; measured on this model, ${fastest.label} was ${(mine.microseconds / fastest.microseconds!).toFixed(1)}× faster`;
  return { label, name, options, reason: reason + measured };
}

const POINTS = 8;
const NEARBY = 0.05;

/**
 * θ and up to seven points a small random step from it (as a trajectory's are) where the log density is
 * finite. Timing one point over and over flattered any cache keyed by values: a covariance factored once
 * was never factored again, which hid most of a real run's cost on posteriordb's mvn_lkj.
 */
function nearbyPoints(bound: BoundModel, theta: Float64Array): Float64Array[] {
  const rng = Rng.seeded(1);
  const points = [theta];
  for (let k = 1; k < POINTS; k++) {
    const near = theta.map((t) => t + NEARBY * rng.normal());
    try {
      if (Number.isFinite(bound.logdensity(Array.from(near)))) points.push(near);
    } catch {
      // A step that leaves what the model accepts is not a point to time at; θ itself always is.
    }
  }
  return points;
}

/** A call of `f` at the next point each time, round the points. */
function cycling<T>(points: readonly T[], f: (point: T) => unknown): () => void {
  let k = 0;
  return () => void f(points[k++ % points.length]!);
}

/**
 * Times the log density alone and its gradient with every offered backend, at points around one
 * unconstrained point (see `nearbyPoints`), and says which backend `auto` picks and how it fared.
 */
export function benchmarkBackends(bound: BoundModel, theta: Float64Array, opts: BenchmarkOptions = {}): BackendBenchmark {
  const now = opts.now ?? (() => performance.now());
  const budget = opts.budgetMs ?? 400;
  bound.assertContinuous();
  const points = nearbyPoints(bound, theta);
  const plain = points.map((p) => Array.from(p));
  const timePrimal = (): number => medianMicroseconds(cycling(plain, (p) => bound.logdensity(p)), now, budget);
  const before = timePrimal();
  const rows: BackendTiming[] = CANDIDATES.map((c) => {
    try {
      const g = bound.gradient(c.name, c.options);
      g(theta);
      const us = medianMicroseconds(cycling(points, g), now, budget);
      return { ...c, microseconds: us, fastest: false };
    } catch (e) {
      return { ...c, refused: (e as Error).message, fastest: false };
    }
  });
  // Timed first, the log density also pays for warming up the JIT (eight schools: 171 µs first, 21 µs after the backends).
  const primal = Math.min(before, timePrimal());
  for (const r of rows) if (r.microseconds !== undefined) r.ratio = r.microseconds / primal;
  let best: BackendTiming | undefined;
  for (const r of rows) if (r.microseconds !== undefined && (!best || r.microseconds < best.microseconds!)) best = r;
  if (best) best.fastest = true;
  return { dimension: bound.dimension, primalMicroseconds: primal, rows, auto: autoMeasured(bound, rows) };
}
