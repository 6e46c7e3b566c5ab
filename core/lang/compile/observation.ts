import { ModelError } from '../../model/index.js';
import { value, type Real } from '../../ad/index.js';
import type { Distribution } from '../../dist/index.js';

/** Families whose observations are counts: a negative one is a data error, not a zero-probability event. */
const COUNT_FAMILIES = new Set(['Poisson', 'LogPoisson', 'Binomial', 'BinomialLogit', 'BetaBinomial', 'PoissonBinomial', 'NegativeBinomial', 'Geometric', 'Multinomial', 'DirichletMultinomial']);
/** Discrete families whose support points need not be integers. */
const REAL_SUPPORT_FAMILIES = new Set(['DiscreteNonParametric']);
const BINARY_FAMILIES = new Set(['Bernoulli', 'BernoulliLogit']);

/**
 * Data of the wrong kind for a discrete family (2.5 observed from a Poisson, −1 as a count, 3 as a
 * Bernoulli outcome) is the user's mistake: say so, rather than let the log density become −∞.
 */
export function checkObservation(d: Distribution, flat: readonly Real[], what: () => string): void {
  if (!d.discrete || REAL_SUPPORT_FAMILIES.has(d.family)) return;
  for (let k = 0; k < flat.length; k++) {
    const v = value(flat[k]!);
    const problem = !Number.isInteger(v)
      ? 'it must be an integer'
      : COUNT_FAMILIES.has(d.family) && v < 0
        ? 'counts cannot be negative'
        : BINARY_FAMILIES.has(d.family) && v !== 0 && v !== 1
          ? 'it must be 0 or 1 (or true/false)'
          : undefined;
    if (problem === undefined) continue;
    const where = flat.length === 1 ? `\`${what()}\`` : `\`${what()}\`[${k + 1}]`;
    throw new ModelError(`${where} = ${v} is not a valid ${d.family} observation: ${problem}`, undefined);
  }
}

