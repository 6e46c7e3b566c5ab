import { useId } from 'react';
import { useCheckStore } from '../check/index';
import { useDocumentStore, useSettingsStore } from '../document/index';
import { BACKEND_CHOICES } from './backend-choices';
import { BenchmarkTable } from './BenchmarkTable';
import { useBenchmarkStore } from './benchmark-store';

/** The AD backend, what `auto` picks for this model and why, and a benchmark to choose by measurement. */
export function BackendSelector() {
  const id = useId();
  const ad = useSettingsStore((s) => s.settings.ad);
  const setAd = useSettingsStore((s) => s.setAd);
  const auto = useCheckStore((s) => s.auto);
  const running = useBenchmarkStore((s) => s.running);
  const result = useBenchmarkStore((s) => s.result);
  const problem = useBenchmarkStore((s) => s.problem);
  const run = useBenchmarkStore((s) => s.run);
  const stop = useBenchmarkStore((s) => s.stop);
  const stale = useBenchmarkIsStale();
  const fastest = result?.rows.find((r) => r.fastest);
  return (
    <div className="settings-group">
      <div className="field">
        <label htmlFor={id}>AD backend</label>
        <select id={id} data-testid="ad-select" value={ad} onChange={(e) => setAd(e.target.value)}>
          {BACKEND_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <p className="hint" data-testid="auto-choice">
        {auto ? `auto chooses ${auto.backend}: ${auto.reason}` : 'auto chooses a backend once the model compiles.'}
      </p>
      {running ? (
        <button type="button" data-testid="benchmark-stop" onClick={() => void stop()} title="A model that loops would hold the benchmark, and the checks behind it, for two minutes">
          ■ Stop benchmarking
        </button>
      ) : (
        <button type="button" data-testid="benchmark-run" onClick={() => void run()}>
          Benchmark backends
        </button>
      )}
      {problem && <p className="panel-error">{problem}</p>}
      {result && stale && <p className="hint">The model or its data changed since: benchmark again for current timings.</p>}
      {result && !stale && fastest && fastest.label !== result.auto.label && (
        <p className="hint" data-testid="benchmark-advice">
          The benchmark measured {fastest.label} fastest on this model; auto keeps {result.auto.label}, a choice that depends on the model alone so that a seed gives the same draws on any machine. Press Use to run with {fastest.label}.
        </p>
      )}
      {result && <BenchmarkTable benchmark={result} onUse={setAd} />}
    </div>
  );
}

/** Whether the benchmark's timings are of an earlier version of the model or its data. */
function useBenchmarkIsStale(): boolean {
  const measured = useBenchmarkStore((s) => s.measured);
  const source = useDocumentStore((s) => s.source);
  const data = useDocumentStore((s) => s.data);
  return measured !== null && (measured.source !== source || measured.data !== data);
}
