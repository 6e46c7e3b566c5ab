import { scriptToolNote } from '../script-tools.js';

const RANDOM_MEASURES =
  "is one of Turing's random measures (Turing.RandomMeasures), which Tilde does not offer: an infinite mixture needs a particle sampler; write a finite mixture instead, with a Dirichlet prior on the weights (`MixtureModel` or a marginalised `logsumexp`)";
const VARIATIONAL = 'is variational inference, which Tilde does not offer: it samples the posterior with MCMC (NUTS by default); for a fast point estimate use MAP (`tilde optimize`, or MAP in the workbench)';

/**
 * Turing functions a pasted script may call that Tilde deliberately lacks, with why and what to do instead:
 * "unknown function" alone would read as a typo.
 */
const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  ...['DirichletProcess', 'PitmanYorProcess', 'ChineseRestaurantProcess', 'StickBreakingProcess', 'SizeBiasedSamplingProcess', 'CRP'].map((n): [string, string] => [n, RANDOM_MEASURES]),
  ...['vi', 'ADVI', 'meanfield', 'q_meanfield_gaussian', 'q_fullrank_gaussian', 'q_locationscale'].map((n): [string, string] => [n, VARIATIONAL]),
]);

/** Why a call of `name` cannot run in Tilde, for a Turing name Tilde deliberately lacks or does outside the script. */
export function unsupportedCall(name: string): string | undefined {
  const why = UNSUPPORTED.get(name);
  return why === undefined ? scriptToolNote(name) : `\`${name}\` ${why}`;
}

const INTERNALS = 'is the state DynamicPPL threads through a model, which Tilde does not have: return what you need from the submodel (`return (; a, b)`) and read it from the `~` left side (`x.a`)';

/** Why a name DynamicPPL defines inside every model (`__varinfo__`, `__context__`, `__model__`) is not one here. */
export function unsupportedName(name: string): string | undefined {
  return name === '__varinfo__' || name === '__context__' || name === '__model__' ? `\`${name}\` ${INTERNALS}` : undefined;
}
