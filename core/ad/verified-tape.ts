import { Rng } from '../rng/index.js';
import { makeGradient, type GradientFunction } from './backends.js';
import type { GradientResult } from './forward.js';
import type { Real } from './real.js';
import { CompiledTapeError, reverseGradient } from './reverse.js';

/**
 * The points a compiled tape is checked at come from one fixed stream, so that whether a function gets
 * one depends on the function alone: never on the run's seed, the machine or a timing.
 */
const CHECK_SEED = 0x7a9e;
/** The recording's own point and two others where the log density is finite. */
const WANTED = 3;
const TRIES = 20;

export type VerifiedTape = { ok: true; gradient: GradientFunction; points: number } | { ok: false; reason: string; span?: { from: number; to: number } };

/** A replayed number agrees with a fresh one to 1e-8, relative to its size (or absolutely below 1). */
export function replayAgrees(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Two gradients agree when every number does (`replayAgrees`). */
function disagreement(replayed: GradientResult, fresh: GradientResult): string | undefined {
  if (!replayAgrees(replayed.value, fresh.value)) return `the value: ${replayed.value} replayed, ${fresh.value} recorded afresh`;
  for (let i = 0; i < fresh.grad.length; i++) {
    if (!replayAgrees(replayed.grad[i]!, fresh.grad[i]!)) return `coordinate ${i + 1} of the gradient: ${replayed.grad[i]} replayed, ${fresh.grad[i]} recorded afresh`;
  }
  return undefined;
}

function finite(r: GradientResult): boolean {
  return Number.isFinite(r.value) && r.grad.every(Number.isFinite);
}

/**
 * reversediff on a compiled tape, offered only where the tape stands for `f`: its recording is accepted
 * (no value dependence was noted, every node has a recompute rule) and its replays agree with fresh
 * recordings at points from Stan's initial region, uniform(−2, 2) per coordinate. The second check guards
 * against a dependence nobody noted: the tape would then silently follow one path everywhere. Points where
 * `f` throws or is not finite say nothing and are passed over.
 */
export function verifiedCompiledGradient(f: (theta: readonly Real[]) => Real, dimension: number): VerifiedTape {
  const compiled = makeGradient(f, dimension, 'reversediff', { compile: true });
  const rng = Rng.seeded(CHECK_SEED);
  let agreed = 0;
  for (let i = 0; i < TRIES && agreed < WANTED; i++) {
    const theta = Float64Array.from({ length: dimension }, () => 4 * rng.uniform() - 2);
    let fresh: GradientResult;
    try {
      fresh = reverseGradient(f, theta);
    } catch {
      continue;
    }
    if (!finite(fresh)) continue;
    let replayed: GradientResult;
    try {
      replayed = compiled(theta);
    } catch (e) {
      if (e instanceof CompiledTapeError) return { ok: false, reason: e.reason, ...(e.span ? { span: e.span } : {}) };
      return { ok: false, reason: `its recording failed where plain evaluation did not (${(e as Error).message})` };
    }
    const differs = disagreement(replayed, fresh);
    if (differs !== undefined) return { ok: false, reason: `its replay disagreed with a fresh recording at a check point, in ${differs}` };
    agreed++;
  }
  if (agreed < 2) return { ok: false, reason: `the log density was finite at ${agreed === 0 ? 'none' : 'only one'} of ${TRIES} points drawn from uniform(−2, 2), too few to check a tape against` };
  return { ok: true, gradient: compiled, points: agreed };
}
