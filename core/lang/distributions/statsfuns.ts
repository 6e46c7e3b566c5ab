import { ops, type Real } from '../../ad/index.js';
import type { Univariate } from '../../dist/index.js';
import { JFunction, ModelError } from '../../model/index.js';
import { real } from './convert.js';
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

const FUNCTIONS: [suffix: string, f: (d: Univariate, x: Real) => Real][] = [
  ['pdf', (d, x) => ops.exp(d.logpdf(x))],
  ['logpdf', (d, x) => d.logpdf(x)],
  ['cdf', (d, x) => d.cdf(x)],
  ['ccdf', (d, x) => d.ccdf(x)],
  ['logcdf', (d, x) => d.logcdf(x)],
  ['logccdf', (d, x) => d.logccdf(x)],
];

const constructors = new Map(univariateFunctions);

function statsFun(prefix: string, family: string, parameters: number, suffix: string, f: (d: Univariate, x: Real) => Real): [string, JFunction] {
  const name = `${prefix}${suffix}`;
  const make = constructors.get(family);
  if (make === undefined) throw new Error(`no distribution ${family} for StatsFuns' ${name}`);
  return [
    name,
    new JFunction(name, (args) => {
      if (args.length !== parameters + 1) {
        throw new ModelError(`${name} takes ${family}'s ${parameters} parameter${parameters === 1 ? '' : 's'} and then x (StatsFuns' order), got ${args.length} argument${args.length === 1 ? '' : 's'}`, undefined);
      }
      const d = make.call(args.slice(0, parameters), new Map()) as Univariate;
      return f(d, real(name, 'x', args[parameters]));
    }),
  ];
}

export const statsFunsFunctions: [string, JFunction][] = FAMILIES.flatMap(([prefix, family, parameters]) =>
  FUNCTIONS.map(([suffix, f]) => statsFun(prefix, family, parameters, suffix, f)),
);
