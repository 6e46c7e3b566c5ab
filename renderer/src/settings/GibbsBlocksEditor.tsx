import type { ParameterInfo } from '../../../core/lang/index';
import type { GibbsBlockSettings } from '../../../core/run/index';
import { defaultGibbsBlocks } from '../document/index';

interface GibbsBlocksEditorProps {
  blocks: readonly GibbsBlockSettings[];
  parameters: readonly ParameterInfo[];
  onChange(blocks: GibbsBlockSettings[]): void;
}

const BLOCK_SAMPLERS: readonly GibbsBlockSettings['sampler'][] = ['mh', 'nuts', 'hmc'];

/** Gibbs' blocks: which variables each updates and with what; a variable belongs to one block. */
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
          <select aria-label={`Block ${index + 1} sampler`} value={block.sampler} onChange={(e) => update(index, { ...block, sampler: e.target.value as GibbsBlockSettings['sampler'] })}>
            {BLOCK_SAMPLERS.map((s) => (
              <option key={s} value={s}>
                {s.toUpperCase()}
              </option>
            ))}
          </select>
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
        <button type="button" className="small quiet" onClick={() => onChange(defaultGibbsBlocks(parameters))} disabled={parameters.length === 0} title="MH for discrete parameters, NUTS for continuous ones">
          From the model
        </button>
      </div>
    </div>
  );
}
