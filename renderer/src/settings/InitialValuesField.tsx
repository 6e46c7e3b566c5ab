import { useId } from 'react';
import { isOptimizer, settingsProblems, useSettingsStore } from '../document/index';

/**
 * Where the chains (or the optimiser) start: constrained values by name, as Stan's init and Turing's
 * initial_params; empty for a random start.
 */
export function InitialValuesField() {
  const id = useId();
  const settings = useSettingsStore((s) => s.settings);
  const setInit = useSettingsStore((s) => s.setInit);
  const problem = settingsProblems(settings).init;
  const leftOut = isOptimizer(settings.sampler)
    ? 'The optimiser starts here alone; without values it starts from Stan’s random point and three prior draws and keeps the best. Parameters left out start uniform(−2, 2) on the unconstrained scale'
    : 'Parameters left out start as in Stan: uniform(−2, 2) on the unconstrained scale, per chain';
  return (
    <div className="settings-group">
      <div className={`field${problem ? ' field-invalid' : ''}`} title={leftOut}>
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
