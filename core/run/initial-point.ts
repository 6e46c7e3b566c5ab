import type { Rng } from '../rng/index.js';
import { CompiledTapeError } from '../ad/index.js';
import { ModelError, ParameterSetError, type BoundModel } from '../model/index.js';
import type { Target } from '../infer/index.js';
import { infinityText } from './non-finite.js';

const TRIES = 100;

/**
 * Stan's initialisation: uniform(−2, 2) in the unconstrained space, up to 100 tries, until the log
 * density and its gradient are finite. User-given values (constrained) are used as they are.
 */
export function initialPoint(bound: BoundModel, target: Target, rng: Rng, given?: Float64Array): Float64Array {
  if (given) {
    const { value } = target.logdensityAndGradient(given);
    if (!Number.isFinite(value)) throw new ModelError('the log density is not finite at the initial values given', undefined);
    return given;
  }
  let lastError: unknown;
  let last: Float64Array | undefined;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const theta = new Float64Array(bound.dimension);
    for (let i = 0; i < theta.length; i++) theta[i] = -2 + 4 * rng.uniform();
    last = theta;
    try {
      const { value, grad } = target.logdensityAndGradient(theta);
      if (Number.isFinite(value) && grad.every(Number.isFinite)) return theta;
    } catch (e) {
      // Another start cannot mend a model whose parameters change with their values, nor a compiled tape the
      // model's branches refuse (its reason, at the branch, would otherwise read as "no finite gradient").
      if (e instanceof ParameterSetError || e instanceof CompiledTapeError) throw e;
      lastError = e;
    }
  }
  if (lastError instanceof ModelError) throw lastError;
  const failed = `no initial point with a finite log density and gradient was found in ${TRIES} tries from uniform(−2, 2) in the unconstrained space`;
  const term = last && bound.nonFiniteTermAt(last);
  // A wide bounded prior (`Uniform(0, 100)`) starts only in the middle of its support, maybe never where the data is possible.
  const elsewhere = term?.possible ? '; if other parameter values make it finite, start the chains there with initial values by name (the Initial values setting, `tilde sample --init`)' : '';
  if (term) throw new ModelError(`${failed}: at the last try, ${term.what} here had log density ${infinityText(term.logdensity)}${elsewhere}`, term.span);
  const culprit = nonFiniteStatement(bound);
  throw new ModelError(`${failed}${culprit ? `; ${culprit}` : '; the log density was finite but its gradient was not'}`, undefined);
}


/** Names the first variable whose prior density is not finite at a random start, to point the user somewhere. */
function nonFiniteStatement(bound: BoundModel): string | undefined {
  const bad = bound.variables.find((v) => v.value.some((x) => !Number.isFinite(x)));
  return bad ? `\`${bad.name}\` (${bad.family}) has no finite value` : undefined;
}
