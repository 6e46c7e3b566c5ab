import { useId } from 'react';
import { isOptimizer, settingsProblems, useSettingsStore } from '../document/index';

/** Where the chains start: constrained values by name, as Stan's init and Turing's initial_params; empty for a random start. */
export function InitialValuesField() {
  const id = useId();
  const settings = useSettingsStore((s) => s.settings);
  const setInit = useSettingsStore((s) => s.setInit);
  if (isOptimizer(settings.sampler)) return null;
  const problem = settingsProblems(settings).init;
  return (
    <div className="settings-group">
      <div className={`field${problem ? ' field-invalid' : ''}`} title="Parameters left out start as in Stan: uniform(−2, 2) on the unconstrained scale, per chain">
        <label htmlFor={id}>Initial values</label>
        <textarea
          id={id}
          className="init-values"
          data-testid="init-input"
          rows={2}
          spellCheck={false}
          placeholder='random, as Stan; or {"σ": 1, "β": [0, 1]}'
          value={settings.init ?? ''}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setInit(e.target.value)}
        />
        {problem && <span className="field-problem" data-testid="init-problem">{problem}</span>}
      </div>
    </div>
  );
}
