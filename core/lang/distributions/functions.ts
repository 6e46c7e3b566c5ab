import type { Real } from '../../ad/index.js';
import { ops, value } from '../../ad/index.js';
import type { Univariate } from '../../dist/index.js';
import { JFunction, ModelError, isDistribution, describe, fromFlat, toFlat, logpdfFlat, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { real } from './convert.js';

/** `logpdf(d, x)`, `cdf(d, x)` …: Distributions.jl's functions of a distribution and a value. */

function univariateArg(name: string, d: Value | undefined): Univariate {
  if (isDistribution(d) && d.variate === 'univariate') return d as Univariate;
  throw new ModelError(`${name} needs a univariate distribution as its first argument, got ${describe(d)}`, undefined);
}

function logpdf(args: Value[]): Value {
  const [d, x] = args;
  if (!isDistribution(d)) throw new ModelError(`logpdf needs a distribution as its first argument, got ${describe(d)}`, undefined);
  return logpdfFlat(d, toFlat(d, x as Value, 'the value'));
}

function univariateFunction(name: string, f: (d: Univariate, x: Real) => Real): [string, JFunction] {
  return [
    name,
    new JFunction(name, (args) => {
      if (args.length !== 2) throw new ModelError(`${name} takes a distribution and a value`, undefined);
      return f(univariateArg(name, args[0]), real(name, 'x', args[1]));
    }),
  ];
}

/**
 * Summary statistics of distributions share their names with the array reductions (`mean(x)`), so
 * these dispatch on the first argument and hand anything else to the built-in.
 */
function statistic(name: string, f: (d: Univariate) => Real): [string, JFunction] {
  const fallback = builtins.get(name);
  return [
    name,
    new JFunction(name, (args, kwargs) => {
      const d = args[0];
      if (isDistribution(d) && args.length === 1) {
        if (d.variate === 'univariate') return f(d as Univariate);
        if (name === 'mean' && 'mean' in d && typeof d.mean === 'function') return fromFlat(d, (d.mean as () => Real[])());
        throw new ModelError(`${name} of a ${d.family} distribution is not available`, undefined);
      }
      if (!fallback) throw new ModelError(`${name} needs a distribution, got ${describe(d)}`, undefined);
      return fallback.call(args, kwargs);
    }),
  ];
}

export const distributionFunctionList: [string, JFunction][] = [
  ['logpdf', new JFunction('logpdf', logpdf)],
  ['loglikelihood', new JFunction('loglikelihood', logpdf)],
  ['pdf', new JFunction('pdf', (args) => ops.exp(logpdf(args) as Real))],
  univariateFunction('cdf', (d, x) => d.cdf(x)),
  univariateFunction('logcdf', (d, x) => d.logcdf(x)),
  univariateFunction('ccdf', (d, x) => d.ccdf(x)),
  univariateFunction('logccdf', (d, x) => d.logccdf(x)),
  univariateFunction('quantile', (d, p) => d.quantile(value(p))),
  statistic('mean', (d) => d.mean()),
  statistic('var', (d) => d.var()),
  statistic('std', (d) => ops.sqrt(d.var())),
  statistic('minimum', (d) => d.minimum()),
  statistic('maximum', (d) => d.maximum()),
];
