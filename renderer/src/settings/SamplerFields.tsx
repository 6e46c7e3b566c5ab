import { useId } from 'react';
import type { ParameterInfo } from '../../../core/lang/index';
import { ADVI_SAMPLES, MAX_TREE_DEPTH, TARGET_ACCEPTANCE, type SamplerChoice } from '../document/index';
import { NumberField } from '../shared/index';
import { GibbsBlocksEditor } from './GibbsBlocksEditor';

interface SamplerFieldsProps {
  sampler: SamplerChoice;
  parameters: readonly ParameterInfo[];
  onChange(sampler: SamplerChoice): void;
}

const HINTS: Partial<Record<SamplerChoice['sampler'], string>> = {
  prior: 'Draws from the prior alone; the data are not used.',
  ess: 'Elliptical slice sampling needs every parameter to have a fixed Gaussian prior.',
  map: 'Finds the posterior mode (maximum a posteriori) with standard errors; it starts from the initial values if given, else from random starts the seed picks.',
  mle: 'Finds the maximum-likelihood estimate with standard errors; it starts from the initial values if given, else from random starts the seed picks.',
};

/** The chosen sampler's own settings (Turing's constructor arguments). */
export function SamplerFields({ sampler, parameters, onChange }: SamplerFieldsProps) {
  const proposalId = useId();
  switch (sampler.sampler) {
    case 'nuts':
      return (
        <div className="field-row">
          <NumberField label="Target acceptance δ" step={0.05} min={0} max={1} value={sampler.adaptation?.targetAcceptance ?? TARGET_ACCEPTANCE} onValue={(v) => onChange({ ...sampler, adaptation: { ...sampler.adaptation, targetAcceptance: v } })} />
          <NumberField label="Max tree depth" step={1} min={1} value={sampler.maxTreeDepth ?? MAX_TREE_DEPTH} onValue={(v) => onChange({ ...sampler, maxTreeDepth: v })} />
        </div>
      );
    case 'hmc':
      return (
        <div className="field-row">
          <NumberField label="Step size ε" step="any" min={0} value={sampler.stepSize} onValue={(v) => onChange({ ...sampler, stepSize: v })} />
          <NumberField label="Leapfrog steps L" step={1} min={1} value={sampler.nSteps} onValue={(v) => onChange({ ...sampler, nSteps: v })} />
        </div>
      );
    case 'hmcda':
      return (
        <div className="field-row">
          <NumberField label="Target acceptance δ" step={0.05} min={0} max={1} value={sampler.adaptation?.targetAcceptance ?? TARGET_ACCEPTANCE} onValue={(v) => onChange({ ...sampler, adaptation: { ...sampler.adaptation, targetAcceptance: v } })} />
          <NumberField label="Trajectory length λ" step="any" min={0} value={sampler.trajectoryLength} onValue={(v) => onChange({ ...sampler, trajectoryLength: v })} />
        </div>
      );
    case 'mh':
      return (
        <div className="field-row">
          <div className="field">
            <label htmlFor={proposalId}>Proposal</label>
            <select id={proposalId} value={sampler.proposal ?? 'prior'} onChange={(e) => onChange(e.target.value === 'random-walk' ? { sampler: 'mh', proposal: 'random-walk', scale: sampler.scale ?? 1 } : { sampler: 'mh', proposal: 'prior' })}>
              <option value="prior">from the prior</option>
              <option value="random-walk">random walk</option>
            </select>
          </div>
          {sampler.proposal === 'random-walk' && <NumberField label="Scale σ" step="any" min={0} value={sampler.scale ?? 1} onValue={(v) => onChange({ ...sampler, scale: v })} />}
        </div>
      );
    case 'pg':
      return (
        <div className="field-row">
          <NumberField label="Particles" step={1} min={2} value={sampler.particles} onValue={(v) => onChange({ sampler: 'pg', particles: v })} />
        </div>
      );
    case 'advi':
      return (
        <>
          <div className="field-row">
            <div className="field">
              <label htmlFor={proposalId}>Family</label>
              <select id={proposalId} value={sampler.family ?? 'meanfield'} onChange={(e) => onChange({ ...sampler, family: e.target.value === 'fullrank' ? 'fullrank' : 'meanfield' })}>
                <option value="meanfield">meanfield Gaussian</option>
                <option value="fullrank">full-rank Gaussian</option>
              </select>
            </div>
            <NumberField label="Samples per step" step={1} min={1} value={sampler.samplesPerStep ?? ADVI_SAMPLES} onValue={(v) => onChange({ ...sampler, samplesPerStep: v })} />
          </div>
          <p className="hint">Fits a Gaussian in the unconstrained space over the optimisation steps; the draws are independent draws of it. Pareto k̂ above 0.7 says the fit is unreliable.</p>
        </>
      );
    case 'gibbs':
      return <GibbsBlocksEditor blocks={sampler.blocks} parameters={parameters} onChange={(blocks) => onChange({ sampler: 'gibbs', blocks })} />;
    default: {
      const hint = HINTS[sampler.sampler];
      return hint ? <p className="hint">{hint}</p> : null;
    }
  }
}
