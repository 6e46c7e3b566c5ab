import { ChainProgressBar } from './ChainProgressBar';
import { ranWith, statusText } from './run-outcome';
import { useRunStore } from './use-run-store';
import './run.css';

/**
 * Start and stop, the run's state and a progress bar per chain. The workspace builds the request (the
 * model, data and selector settings are its own), so starting is its callback.
 */
export function RunPanel({ onStart }: { onStart: () => void }) {
  const status = useRunStore((s) => s.status);
  const mode = useRunStore((s) => s.mode);
  const chains = useRunStore((s) => s.chains);
  const message = useRunStore((s) => s.message);
  const ran = useRunStore((s) => ranWith(s.summary));
  const stop = useRunStore((s) => s.stop);
  const optimising = useRunStore((s) => s.request?.sampler.sampler === 'advi');
  const running = status === 'running';
  return (
    <section className="run-panel" aria-label="Run">
      <div className="run-controls">
        <button type="button" className="run-start" data-testid="run-start" onClick={onStart} disabled={running} title="Start (Ctrl+Enter)">
          ▶ Run
        </button>
        <button type="button" className="run-stop" data-testid="run-stop" onClick={() => void stop()} disabled={!running}>
          ■ Stop
        </button>
        <span className={`run-status state-${status}`} data-testid="run-status" data-state={status}>
          {statusText(status, chains, mode, ran)}
        </span>
      </div>
      {message && (
        <p className={status === 'failed' ? 'run-message run-error' : 'run-message'} role={status === 'failed' ? 'alert' : undefined}>
          {message}
        </p>
      )}
      {mode === 'sample' && chains.length > 0 && (
        <div className="run-chains">
          {chains.map((c) => (
            <ChainProgressBar key={c.chain} progress={c} optimising={optimising} />
          ))}
        </div>
      )}
    </section>
  );
}
