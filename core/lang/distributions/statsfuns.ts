import { JFunction, ModelError } from '../../model/index.js';
import { real } from './convert.js';
import { distributionFunctionList } from './functions.js';
import { univariateFunctions } from './univariate.js';

/**
 * StatsFuns' functions of a family's parameters and a value, `poislogpdf(λ, x)`, `binomlogccdf(n, p, k)`,
 * `gammacdf(α, θ, x)`: Distributions.jl's functions of `Poisson(λ)` … at x (the normal ones are built-ins of
 * their own). Censored-count models add them with `@addlogprob!` (Turing issue #1651).
 */

/** StatsFuns' prefix, the Distributions.jl family it stands for, and how many parameters come before x. */
const FAMILIES: [prefix: string, family: string, parameters: number][] = [
  ['pois', 'Poisson', 1],
  ['binom', 'Binomial', 2],
  ['nbinom', 'NegativeBinomial', 2],
  ['hyper', 'Hypergeometric', 3],
  ['beta', 'Beta', 2],
  ['gamma', 'Gamma', 2],
  ['chisq', 'Chisq', 1],
  ['tdist', 'TDist', 1],
  ['fdist', 'FDist', 2],
];

/** Distributions.jl's function of (d, x) each StatsFuns suffix stands for: the built-in itself, called with the family made. */
const SUFFIXES = ['pdf', 'logpdf', 'cdf', 'ccdf', 'logcdf', 'logccdf'];

const constructors = new Map(univariateFunctions);
const ofDistribution = new Map(distributionFunctionList.map(([, f]) => [f.name, f]));

function statsFun(prefix: string, family: string, parameters: number, suffix: string): [string, JFunction] {
  const name = `${prefix}${suffix}`;
  const make = constructors.get(family);
  const f = ofDistribution.get(suffix);
  if (make === undefined || f === undefined) throw new Error(`no distribution ${family} or function ${suffix} for StatsFuns' ${name}`);
  return [
    name,
    new JFunction(name, (args) => {
      if (args.length !== parameters + 1) {
        throw new ModelError(`${name} takes ${family}'s ${parameters} parameter${parameters === 1 ? '' : 's'} and then x (StatsFuns' order), got ${args.length} argument${args.length === 1 ? '' : 's'}`, undefined);
      }
      return f.call([make.call(args.slice(0, parameters), new Map()), real(name, 'x', args[parameters])], new Map());
    }),
  ];
}

export const statsFunsFunctions: [string, JFunction][] = FAMILIES.flatMap(([prefix, family, parameters]) => SUFFIXES.map((suffix) => statsFun(prefix, family, parameters, suffix)));
