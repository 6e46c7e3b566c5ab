import type { Real } from '../../ad/index.js';
import { noteValueDependence, ops, value } from '../../ad/index.js';
import { filldist, reshaped, type Multivariate, type Univariate } from '../../dist/index.js';
import { JArray, JFunction, JTuple, ModelError, ModelInstance, isDistribution, describe, fromFlat, toFlat, logpdfFlat, type Value } from '../../model/index.js';
import { scriptToolNote } from '../script-tools.js';
import { builtins } from '../builtins/index.js';
import { integer, nameOf, real } from './convert.js';

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

/**
 * Distributions.jl's loglikelihood(d, x): log p(x) of one value, or the sum over several — the elements
 * of an array for a univariate d, the columns of a matrix for a vector-variate d — as one node.
 */
function loglikelihood(args: Value[]): Value {
  const [d, x] = args;
  if (d instanceof ModelInstance) throw new ModelError(scriptToolNote('loglikelihood')!, undefined);
  if (!isDistribution(d)) throw new ModelError(`loglikelihood needs a distribution as its first argument, got ${describe(d)}`, undefined);
  const columns = x instanceof JArray && d.variate === 'multivariate' && d.shape.length === 1 && x.ndims === 2 ? x.shape[1]! : undefined;
  const count = x instanceof JArray && d.variate === 'univariate' ? x.length : columns;
  if (count === undefined) return logpdf(args);
  if (count === 0) return 0;
  const several = filldist(d, count);
  return several.logpdf(toFlat(several, x as Value, 'the value'));
}

/**
 * quantile(d, p), found by the family on plain numbers, then differentiated implicitly where p or d's
 * parameters are AD values: F(q; θ) = p gives dq = (dp − ∂F/∂θ dθ) / f(q), which the zero-valued term
 * c − value(c), c = (p − F(q; θ)) / f(q), adds to q. Without it the quantile was a constant to every
 * backend: no gradient through it, and one value for every draw on a compiled tape, which cannot replay
 * the search and so refuses. A discrete family's quantile is a step: no derivative.
 */
function quantile(d: Univariate, p: Real): Real {
  const q = d.quantile(value(p));
  if (d.discrete || !Number.isFinite(q)) return q;
  const c = ops.div(ops.sub(p, ops.exp(d.logcdf(q))), Math.exp(value(d.logpdf(q))));
  if (typeof c === 'number') return q;
  noteValueDependence(c, '`quantile`, computed by a search on plain numbers,');
  return ops.add(q, ops.sub(c, value(c)));
}

/** `quantile` shares its name with Statistics' quantile of a collection, which gets anything but a distribution. */
function univariateFunction(signature: string, f: (d: Univariate, x: Real) => Real): [string, JFunction] {
  const name = nameOf(signature);
  const fallback = builtins.get(name);
  return [
    signature,
    new JFunction(name, (args, kwargs) => {
      if (fallback && !isDistribution(args[0])) return fallback.call(args, kwargs);
      if (args.length !== 2) throw new ModelError(`${name} takes a distribution and a value`, undefined);
      return f(univariateArg(name, args[0]), real(name, 'x', args[1]));
    }),
  ];
}

/**
 * Summary statistics of distributions share their names with the array reductions (`mean(x)`), so
 * these dispatch on the first argument and hand anything else to the built-in.
 */
function statistic(signature: string, f: (d: Univariate) => Real): [string, JFunction] {
  const name = nameOf(signature);
  const fallback = builtins.get(name);
  return [
    signature,
    new JFunction(name, (args, kwargs) => {
      const d = args[0];
      if (isDistribution(d) && args.length === 1) {
        if (d.variate === 'univariate') return f(d as Univariate);
        // A multivariate family's mean and variances (AbstractGPs' `var(f(x))`) where it has them, flat as its values.
        const method = (d as unknown as Record<string, unknown>)[name];
        if ((name === 'mean' || name === 'var') && typeof method === 'function') return fromFlat(d, (method as () => Real[]).call(d));
        throw new ModelError(`${name} of a ${d.family} distribution is not available`, undefined);
      }
      if (!fallback) throw new ModelError(`${name} needs a distribution, got ${describe(d)}`, undefined);
      return fallback.call(args, kwargs);
    }),
  ];
}

type Summary = 'mode' | 'entropy' | 'skewness' | 'kurtosis';

/** mode, entropy, skewness and kurtosis: for the families where Distributions.jl has them in closed form. */
function summary(name: Summary): [string, JFunction] {
  return statistic(`${name}(d)`, (d) => {
    const f = d[name];
    if (f === undefined) throw new ModelError(`${name} of a ${d.family} distribution is not available`, undefined);
    return f.call(d);
  });
}

/**
 * Distributions' `reshape(d, dims...)` and `vec(d)` of a multivariate or matrix distribution (DynamicPPL's
 * demo models draw a matrix as `reshape(product_distribution(…), d, 2)`); arrays go to the built-ins.
 */
function layout(signature: string, shapeOf: (d: Multivariate, dims: Value[]) => number[]): [string, JFunction] {
  const name = nameOf(signature);
  const fallback = builtins.get(name)!;
  return [
    signature,
    new JFunction(name, (args, kwargs) => {
      const d = args[0];
      if (!isDistribution(d)) return fallback.call(args, kwargs);
      if (d.variate === 'univariate') throw new ModelError(`${name} needs a multivariate or matrix distribution, got the univariate ${d.family}`, undefined);
      return reshaped(d as Multivariate, shapeOf(d as Multivariate, args.slice(1)));
    }),
  ];
}

/** By signature (the name is what precedes the parenthesis). */
export const distributionFunctionList: [signature: string, JFunction][] = [
  ['logpdf(d, x)', new JFunction('logpdf', logpdf)],
  ['loglikelihood(d, x)', new JFunction('loglikelihood', loglikelihood)],
  ['pdf(d, x)', new JFunction('pdf', (args) => ops.exp(logpdf(args) as Real))],
  univariateFunction('cdf(d, x)', (d, x) => d.cdf(x)),
  univariateFunction('logcdf(d, x)', (d, x) => d.logcdf(x)),
  univariateFunction('ccdf(d, x)', (d, x) => d.ccdf(x)),
  univariateFunction('logccdf(d, x)', (d, x) => d.logccdf(x)),
  univariateFunction('quantile(d, p)', quantile),
  statistic('mean(d)', (d) => d.mean()),
  statistic('var(d)', (d) => d.var()),
  statistic('std(d)', (d) => ops.sqrt(d.var())),
  statistic('minimum(d)', (d) => d.minimum()),
  statistic('maximum(d)', (d) => d.maximum()),
  summary('mode'),
  summary('entropy'),
  summary('skewness'),
  summary('kurtosis'),
  layout('reshape(d, dims...)', (_, dims) => (dims.length === 1 && dims[0] instanceof JTuple ? dims[0].items : dims).map((k) => integer('reshape', 'dims', k))),
  layout('vec(d)', (d) => [d.shape.reduce((a, b) => a * b, 1)]),
];
