import type * as A from '../ast.js';
import { JNamedTuple, ModelError, type Context, type Value } from '../../model/index.js';
import { toReal } from '../runtime/index.js';
import { at } from './errors.js';

const COMPONENTS = ['logprior', 'loglikelihood'];

/**
 * `@addlogprob! x` adds to the likelihood; since Turing 0.40 `@addlogprob! (; logprior = a, loglikelihood = b)`
 * chooses the term, so that the chain's `logprior` and `loglikelihood` (and what a likelihood-only run sees)
 * split as the model says.
 */
export function addLogProbValue(ctx: Context, v: Value, span: A.Stmt['span']): void {
  if (!(v instanceof JNamedTuple)) {
    ctx.addLogProb(at(span, () => toReal(v, '@addlogprob!')), span);
    return;
  }
  for (const [key, part] of v.entries) {
    if (!COMPONENTS.includes(key)) {
      throw new ModelError(`\`@addlogprob!\` with a named tuple takes the fields \`logprior\` and \`loglikelihood\`, as in Turing, not \`${key}\``, span);
    }
    const lp = at(span, () => toReal(part, `@addlogprob!'s \`${key}\``));
    if (key === 'logprior') ctx.addLogPrior(lp, span);
    else ctx.addLogProb(lp, span);
  }
}
