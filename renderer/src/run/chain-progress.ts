import type { ChainOutcome, FailureReason, ProgressMessage, RunRequest } from '../../../runner/protocol';

export type ChainPhase = 'waiting' | 'warmup' | 'sampling' | 'done' | 'failed';

/** What a chain's progress bar shows. */
export interface ChainProgress {
  /** 0-based, as the engine counts chains. */
  chain: number;
  phase: ChainPhase;
  /** The worker has begun (compiling, finding a start) but sent no progress yet. */
  started: boolean;
  /** Iterations done, warm-up and sampling together. */
  iteration: number;
  /** Warm-up plus sampling iterations. */
  total: number;
  /**
   * Divergent transitions among the kept draws, as Stan and ArviZ count them: warm-up diverges while
   * the step size is still being tuned and says nothing about the posterior.
   */
  divergences: number;
  /** Divergences so far in warm-up (the engine counts each phase's apart). */
  warmupDivergences: number;
  remainingMs: number | null;
  failure?: { reason: FailureReason; message: string };
}

export function waitingChains(request: RunRequest): ChainProgress[] {
  return Array.from({ length: request.chains }, (_, chain) => ({
    chain,
    phase: 'waiting',
    started: false,
    iteration: 0,
    total: request.warmup + request.draws,
    divergences: 0,
    warmupDivergences: 0,
    remainingMs: null,
  }));
}

export function applyStarted(previous: ChainProgress): ChainProgress {
  return { ...previous, started: true };
}

/** The engine counts iterations within a phase; the bar counts them across both. */
export function applyProgress(previous: ChainProgress, message: ProgressMessage, request: RunRequest): ChainProgress {
  const iteration = message.phase === 'warmup' ? message.iteration : request.warmup + message.iteration;
  const warmupDivergences = message.phase === 'warmup' ? message.divergences : previous.warmupDivergences;
  return { ...previous, phase: message.phase, started: true, iteration, warmupDivergences, remainingMs: message.remainingMs };
}

/** The kept draws' divergences, counted from the `is_divergent` statistic of the draws the store holds. */
export function applyDivergences(previous: ChainProgress, divergences: number): ChainProgress {
  return previous.divergences === divergences ? previous : { ...previous, divergences };
}

export function applyOutcome(previous: ChainProgress, outcome: ChainOutcome): ChainProgress {
  if (outcome.status === 'done') return { ...previous, phase: 'done', iteration: previous.total, remainingMs: 0 };
  return { ...previous, phase: 'failed', remainingMs: null, failure: { reason: outcome.reason, message: outcome.error.message } };
}

const PHASE_LABEL: Record<ChainPhase, string> = {
  waiting: 'waiting',
  warmup: 'warm-up',
  sampling: 'sampling',
  done: 'done',
  failed: 'failed',
};

const REASON_LABEL: Record<FailureReason, string> = { crashed: 'crashed', error: 'failed', timeout: 'timed out', cancelled: 'stopped' };

/** The word beside a bar: how a chain ended, or its phase (`starting` once its worker began). */
/** `optimising`: ADVI's warm-up is its optimisation, which the bar names as such. */
export function phaseLabel({ phase, started, failure }: ChainProgress, optimising = false): string {
  if (failure) return REASON_LABEL[failure.reason];
  if (phase === 'waiting' && started) return 'starting';
  if (phase === 'warmup' && optimising) return 'optimising';
  return PHASE_LABEL[phase];
}

/** Divergences as a bar reports them: an alert for kept draws only, warm-up's muted and only during warm-up. */
export function divergenceNote({ phase, divergences, warmupDivergences }: ChainProgress): { text: string; alert: boolean } | null {
  if (divergences > 0) return { text: `${divergences} divergent`, alert: true };
  if (phase === 'warmup' && warmupDivergences > 0) return { text: `${warmupDivergences} in warm-up`, alert: false };
  return null;
}
