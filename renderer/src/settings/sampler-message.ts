import type { ParameterInfo } from '../../../core/lang/index';
import { samplerOption, type SamplerChoice } from '../document/index';

export interface SamplerMessage {
  text: string;
  /** Offer to switch to Gibbs with MH for the discrete parameters. */
  offerGibbs: boolean;
}

/** core/model's `listed`, which the renderer cannot import (it sees only types of core). */
function list(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the sampler cannot do with this model's parameters, if anything; the engine would refuse the run later. */
export function samplerMessage(sampler: SamplerChoice, parameters: readonly ParameterInfo[]): SamplerMessage | null {
  const discrete = parameters.filter((p) => p.discrete);
  const option = samplerOption(sampler.sampler);
  if (option.gradient && discrete.length > 0) {
    const names = list(discrete.map((p) => p.name));
    const verb = discrete.length === 1 ? 'is' : 'are';
    return {
      text: `${names} ${verb} discrete, and ${option.label} needs the gradient of the log density, which discrete parameters do not have. Use MH or PG, or Gibbs with MH or PG for ${names} and NUTS for the rest.`,
      offerGibbs: true,
    };
  }
  if (sampler.sampler === 'gibbs') {
    const inGradientBlock = discrete.filter((p) => sampler.blocks.some((b) => (b.sampler === 'nuts' || b.sampler === 'hmc') && b.variables.includes(p.name)));
    if (inGradientBlock.length > 0) {
      return { text: `${list(inGradientBlock.map((p) => p.name))} ${inGradientBlock.length === 1 ? 'is' : 'are'} discrete: sample it with an MH or PG block, not a gradient one.`, offerGibbs: true };
    }
    const uncovered = parameters.filter((p) => !sampler.blocks.some((b) => b.variables.includes(p.name)));
    if (uncovered.length > 0) return { text: `No Gibbs block samples ${list(uncovered.map((p) => p.name))}.`, offerGibbs: true };
  }
  return null;
}
