import { divergenceNote, phaseLabel, type ChainProgress } from './chain-progress';
import { formatDuration } from './duration';

/** One chain's bar; why a chain failed is in the run's message above the bars and on hover here. */
export function ChainProgressBar({ progress, optimising = false }: { progress: ChainProgress; optimising?: boolean }) {
  const { chain, phase, iteration, total, divergences, remainingMs, failure } = progress;
  const fraction = total > 0 ? Math.min(1, iteration / total) : 0;
  const note = divergenceNote(progress);
  const left = remainingMs !== null && remainingMs > 0 && (phase === 'warmup' || phase === 'sampling') ? `${formatDuration(remainingMs)} left` : null;
  const notes = [note?.text, left].filter(Boolean).join(' · ');
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
      <span className={failure && failure.reason !== 'cancelled' ? 'chain-progress-phase chain-progress-failed' : 'chain-progress-phase'}>{phaseLabel(progress, optimising)}</span>
      <span className="chain-progress-count">
        {iteration} / {total}
      </span>
      <span className="chain-progress-notes" title={notes || undefined}>
        {note && <span className={note.alert ? 'chain-progress-divergences' : 'chain-progress-muted'}>{note.text}</span>}
        {note && left && ' · '}
        {left}
      </span>
    </div>
  );
}
