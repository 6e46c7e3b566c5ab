import type { ChainOutcome, FailureReason, ProgressMessage, RunRequest } from '../../../runner/protocol';

export type ChainPhase = 'waiting' | 'warmup' | 'sampling' | 'done' | 'failed';

/** What a chain's progress bar shows. */
export interface ChainProgress {
  /** 0-based, as the engine counts chains. */
  chain: number;
  phase: ChainPhase;
  /** Iterations done, warm-up and sampling together. */
  iteration: number;
  /** Warm-up plus sampling iterations. */
  total: number;
  divergences: number;
  remainingMs: number | null;
  failure?: { reason: FailureReason; message: string };
}

export function waitingChains(request: RunRequest): ChainProgress[] {
  return Array.from({ length: request.chains }, (_, chain) => ({
    chain,
    phase: 'waiting',
    iteration: 0,
    total: request.warmup + request.draws,
    divergences: 0,
    remainingMs: null,
  }));
}

/** The engine counts iterations within a phase; the bar counts them across both. */
export function applyProgress(previous: ChainProgress, message: ProgressMessage, request: RunRequest): ChainProgress {
  const iteration = message.phase === 'warmup' ? message.iteration : request.warmup + message.iteration;
  return { ...previous, phase: message.phase, iteration, divergences: message.divergences, remainingMs: message.remainingMs };
}

export function applyOutcome(previous: ChainProgress, outcome: ChainOutcome): ChainProgress {
  if (outcome.status === 'done') return { ...previous, phase: 'done', iteration: previous.total, remainingMs: 0 };
  return { ...previous, phase: 'failed', remainingMs: null, failure: { reason: outcome.reason, message: outcome.error.message } };
}
