import type { ParameterInfo } from '../../../core/lang/index';
import type { GibbsBlockSettings } from '../../../core/run/index';
import { defaultGibbsBlocks, LEAPFROG_STEPS, PARTICLES } from '../document/index';
import { NumberField } from '../shared/index';
import { BACKEND_CHOICES } from './backend-choices';

interface GibbsBlocksEditorProps {
  blocks: readonly GibbsBlockSettings[];
  parameters: readonly ParameterInfo[];
  onChange(blocks: GibbsBlockSettings[]): void;
}

const BLOCK_SAMPLERS: readonly GibbsBlockSettings['sampler'][] = ['mh', 'pg', 'ess', 'nuts', 'hmc', 'conditional'];

const blockLabel = (sampler: GibbsBlockSettings['sampler']): string => (sampler === 'conditional' ? 'GibbsConditional' : sampler.toUpperCase());

const isGradientBlock = (sampler: GibbsBlockSettings['sampler']): boolean => sampler === 'nuts' || sampler === 'hmc';

/**
 * MH and PG blocks differentiate nothing, so a backend chosen for a gradient block goes when it becomes one
 * of them; a PG block's particles and an HMC block's steps go when it becomes another.
 */
function withSampler(block: GibbsBlockSettings, sampler: GibbsBlockSettings['sampler']): GibbsBlockSettings {
  const { ad, particles, stepSize, nSteps, conditional, ...rest } = block;
  const hmcSettings = sampler === 'hmc' ? { ...(stepSize !== undefined ? { stepSize } : {}), ...(nSteps !== undefined ? { nSteps } : {}) } : {};
  const next = sampler === 'pg' ? { ...rest, sampler, particles: particles ?? PARTICLES } : sampler === 'conditional' ? { ...rest, sampler, conditional: conditional ?? '' } : { ...rest, sampler, ...hmcSettings };
  return !isGradientBlock(sampler) || ad === undefined ? next : { ...next, ad };
}

/** An empty step size (NaN) leaves the block to find one at the starting point. */
function withStepSize(block: GibbsBlockSettings, stepSize: number): GibbsBlockSettings {
  const { stepSize: _previous, ...rest } = block;
  return Number.isNaN(stepSize) ? rest : { ...rest, stepSize };
}

/** '' is the run's backend: the block then has none of its own. */
function withBackend(block: GibbsBlockSettings, ad: string): GibbsBlockSettings {
  const { ad: _previous, ...rest } = block;
  return ad === '' ? rest : { ...rest, ad };
}

/** Gibbs' blocks: which variables each updates and with what (a gradient block may differentiate with its own backend, as in Turing); a variable belongs to one block. */
export function GibbsBlocksEditor({ blocks, parameters, onChange }: GibbsBlocksEditorProps) {
  // Variables the blocks name that the model (as last checked) lacks still show, so nothing vanishes silently.
  const names = [...new Set([...parameters.map((p) => p.name), ...blocks.flatMap((b) => b.variables)])];
  const discrete = new Set(parameters.filter((p) => p.discrete).map((p) => p.name));
  const update = (index: number, block: GibbsBlockSettings) => onChange(blocks.map((b, i) => (i === index ? block : b)));
  const toggle = (index: number, name: string, on: boolean) =>
    onChange(
      blocks.map((b, i) => {
        const without = b.variables.filter((v) => v !== name);
        return { ...b, variables: i === index && on ? [...without, name] : without };
      }),
    );
  return (
    <div className="gibbs" data-testid="gibbs-blocks">
      {blocks.map((block, index) => (
        <fieldset key={index} className="gibbs-block">
          <legend>Block {index + 1}</legend>
          <select aria-label={`Block ${index + 1} sampler`} value={block.sampler} onChange={(e) => update(index, withSampler(block, e.target.value as GibbsBlockSettings['sampler']))}>
            {BLOCK_SAMPLERS.map((s) => (
              <option key={s} value={s}>
                {blockLabel(s)}
              </option>
            ))}
          </select>
          {block.sampler === 'conditional' && (
            <div className="field" title="The file's function that takes the other variables' values (c.m, or vnt[@varname(m)]) and returns this block's conditional distribution (Turing's GibbsConditional)">
              <label htmlFor={`gibbs-conditional-${index}`}>Function</label>
              <input id={`gibbs-conditional-${index}`} type="text" className="mono" value={block.conditional ?? ''} placeholder="cond_m" onChange={(e) => update(index, { ...block, conditional: e.target.value.trim() })} />
            </div>
          )}
          {block.sampler === 'pg' && <NumberField label="Particles" step={1} min={2} value={block.particles ?? PARTICLES} onValue={(v) => update(index, { ...block, particles: v })} />}
          {block.sampler === 'hmc' && (
            <div className="field-row">
              <NumberField label="Leapfrog steps" step={1} min={1} value={block.nSteps ?? LEAPFROG_STEPS} onValue={(v) => update(index, { ...block, nSteps: v })} />
              <NumberField label="Step size ε" step="any" min={0} value={block.stepSize ?? Number.NaN} title="Where the step size starts; empty: found at the starting point. Adapted over the warm-up." onValue={(v) => update(index, withStepSize(block, v))} />
            </div>
          )}
          {isGradientBlock(block.sampler) && (
            <select aria-label={`Block ${index + 1} AD backend`} data-testid="gibbs-block-ad" value={block.ad ?? ''} onChange={(e) => update(index, withBackend(block, e.target.value))}>
              <option value="">the run's AD backend</option>
              {BACKEND_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
          {names.map((name) => (
            <label key={name} className="check">
              <input type="checkbox" checked={block.variables.includes(name)} onChange={(e) => toggle(index, name, e.target.checked)} />
              <span className="mono">{name}</span>
              {discrete.has(name) && <span className="muted"> (discrete)</span>}
            </label>
          ))}
          <button type="button" className="quiet small" onClick={() => onChange(blocks.filter((_, i) => i !== index))} aria-label={`Remove block ${index + 1}`}>
            Remove
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="small" onClick={() => onChange([...blocks, { variables: [], sampler: 'mh' }])}>
          Add block
        </button>
        <button type="button" className="small quiet" onClick={() => onChange(defaultGibbsBlocks(parameters))} disabled={parameters.length === 0} title="MH for discrete parameters (PG for discrete arrays), NUTS for continuous ones">
          From the model
        </button>
      </div>
    </div>
  );
}
