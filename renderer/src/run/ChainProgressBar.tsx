import type { ChainProgress } from './chain-progress';
import { formatDuration } from './duration';

const PHASE_LABEL: Record<ChainProgress['phase'], string> = {
  waiting: 'waiting',
  warmup: 'warm-up',
  sampling: 'sampling',
  done: 'done',
  failed: 'failed',
};

const REASON_LABEL = { crashed: 'crashed', error: 'failed', timeout: 'timed out', cancelled: 'stopped' } as const;

/** One chain's bar; why a chain failed is in the run's message above the bars and on hover here. */
export function ChainProgressBar({ progress }: { progress: ChainProgress }) {
  const { chain, phase, iteration, total, divergences, remainingMs, failure } = progress;
  const fraction = total > 0 ? Math.min(1, iteration / total) : 0;
  const label = failure ? REASON_LABEL[failure.reason] : PHASE_LABEL[phase];
  return (
    <div
      className="chain-progress"
      data-testid={`progress-chain-${chain + 1}`}
      data-phase={phase}
      data-iteration={iteration}
      data-divergences={divergences}
      title={failure ? failure.message : undefined}
    >
      <span className="chain-progress-name">Chain {chain + 1}</span>
      <div className="chain-progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={iteration}>
        <div className={`chain-progress-fill phase-${failure?.reason === 'cancelled' ? 'stopped' : phase}`} style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <span className="chain-progress-text">
        <span className={failure && failure.reason !== 'cancelled' ? 'chain-progress-phase chain-progress-failed' : 'chain-progress-phase'}>{label}</span> {iteration} / {total}
        {divergences > 0 && <span className="chain-progress-divergences"> · {divergences} divergent</span>}
        {remainingMs !== null && remainingMs > 0 && (phase === 'warmup' || phase === 'sampling') && <span> · {formatDuration(remainingMs)} left</span>}
      </span>
    </div>
  );
}
