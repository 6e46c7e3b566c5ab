import { useId } from 'react';
import type { ParameterInfo } from '../../../core/lang/index';
import { isSamplerKind, SAMPLER_OPTIONS, samplerProblem, useSettingsStore } from '../document/index';
import { useCheckStore } from '../check/index';
import { SamplerFields } from './SamplerFields';
import { samplerMessage } from './sampler-message';

const NO_PARAMETERS: readonly ParameterInfo[] = [];

/** The sampler, its settings, and what it cannot do with this model's parameters. */
export function SamplerSelector() {
  const id = useId();
  const sampler = useSettingsStore((s) => s.settings.sampler);
  const chooseSampler = useSettingsStore((s) => s.chooseSampler);
  const setSampler = useSettingsStore((s) => s.setSampler);
  const parameters = useCheckStore((s) => s.report?.parameters ?? NO_PARAMETERS);
  const message = samplerMessage(sampler, parameters);
  const problem = samplerProblem(sampler);
  return (
    <div className="settings-group">
      <div className="field">
        <label htmlFor={id}>Sampler</label>
        <select
          id={id}
          data-testid="sampler-select"
          value={sampler.sampler}
          onChange={(e) => {
            if (isSamplerKind(e.target.value)) chooseSampler(e.target.value, parameters);
          }}
        >
          {SAMPLER_OPTIONS.map((o) => (
            <option key={o.kind} value={o.kind}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {message && (
        <div className="sampler-message" data-testid="sampler-message" role="status">
          <p>{message.text}</p>
          {message.offerGibbs && (
            <div className="button-row">
              <button type="button" className="small" data-testid="sampler-use-gibbs" onClick={() => chooseSampler('gibbs', parameters)}>
                {sampler.sampler === 'gibbs' ? 'Blocks from the model' : 'Use Gibbs'}
              </button>
              {sampler.sampler !== 'gibbs' && (
                <button type="button" className="small" data-testid="sampler-use-mh" onClick={() => chooseSampler('mh', parameters)}>
                  Use MH
                </button>
              )}
            </div>
          )}
        </div>
      )}
      <SamplerFields sampler={sampler} parameters={parameters} onChange={setSampler} />
      {problem && <p className="field-problem">{problem}</p>}
    </div>
  );
}
