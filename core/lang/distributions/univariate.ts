import * as D from '../../dist/index.js';
import type { Real } from '../../ad/index.js';
import { JArray, JFunction, JTuple, ModelError, NOTHING, MISSING, describe, type Value } from '../../model/index.js';
import { arity, real, realVector, integer, univariate, distributionList, nameOf } from './convert.js';

type ScalarConstructor = (...args: Real[]) => D.Univariate;

/** Families whose arguments are all numbers: name, argument names (Distributions.jl's), how many may be omitted. */
const SCALAR_FAMILIES: [name: string, args: string[], required: number][] = [
  ['Normal', ['μ', 'σ'], 0],
  ['NormalCanon', ['η', 'λ'], 0],
  ['Cauchy', ['μ', 'σ'], 0],
  ['TDist', ['ν'], 1],
  ['FDist', ['ν1', 'ν2'], 2],
  ['NoncentralT', ['ν', 'λ'], 2],
  ['LogNormal', ['μ', 'σ'], 0],
  ['Exponential', ['θ'], 0],
  ['Gamma', ['α', 'θ'], 0],
  ['Erlang', ['α', 'θ'], 0],
  ['InverseGamma', ['α', 'θ'], 0],
  ['Beta', ['α', 'β'], 0],
  ['Uniform', ['a', 'b'], 0],
  ['Laplace', ['μ', 'b'], 0],
  ['Logistic', ['μ', 'θ'], 0],
  ['Weibull', ['α', 'θ'], 0],
  ['Rayleigh', ['σ'], 0],
  ['Frechet', ['α', 'θ'], 0],
  ['GeneralizedExtremeValue', ['μ', 'σ', 'ξ'], 3],
  ['InverseGaussian', ['μ', 'λ'], 0],
  ['LogitNormal', ['μ', 'σ'], 0],
  ['BetaPrime', ['α', 'β'], 0],
  ['Kumaraswamy', ['a', 'b'], 0],
  ['LogUniform', ['a', 'b'], 2],
  ['TriangularDist', ['a', 'b', 'c'], 2],
  ['Levy', ['μ', 'σ'], 0],
  ['Arcsine', ['a', 'b'], 0],
  ['Chisq', ['ν'], 1],
  ['Chi', ['ν'], 1],
  ['Pareto', ['α', 'θ'], 0],
  ['Gumbel', ['μ', 'θ'], 0],
  ['VonMises', ['μ', 'κ'], 0],
  ['SkewNormal', ['ξ', 'ω', 'α'], 0],
  ['Flat', [], 0],
  ['FlatPos', ['l'], 1],
  ['Bernoulli', ['p'], 0],
  ['BernoulliLogit', ['logitp'], 0],
  ['Binomial', ['n', 'p'], 0],
  ['BetaBinomial', ['n', 'α', 'β'], 3],
  ['BinomialLogit', ['n', 'logitp'], 2],
  ['Poisson', ['λ'], 0],
  ['LogPoisson', ['logλ'], 0],
  ['Skellam', ['μ1', 'μ2'], 0],
  ['NegativeBinomial', ['r', 'p'], 0],
  ['Geometric', ['p'], 0],
  ['DiscreteUniform', ['a', 'b'], 0],
  ['Dirac', ['value'], 1],
  ['Hypergeometric', ['s', 'f', 'n'], 3],
];

function scalarFamily(name: string, argNames: string[], required: number): JFunction {
  const make = (D as unknown as Record<string, ScalarConstructor>)[name];
  if (!make) throw new Error(`core/dist has no constructor ${name}`);
  return new JFunction(name, (args) => {
    arity(name, args, required, argNames.length);
    // By arity, without an array and a spread per distribution made (one per observation in a loop).
    if (args.length === 1) return make(real(name, argNames[0]!, args[0]));
    if (args.length === 2) return make(real(name, argNames[0]!, args[0]), real(name, argNames[1]!, args[1]));
    return make(...args.map((a, i) => real(name, argNames[i]!, a)));
  });
}

/** A truncation or censoring bound: `nothing`, `missing` and ±Inf all mean unbounded on that side. */
function bound(family: string, v: Value | undefined, which: string): Real | undefined {
  if (v === undefined || v === NOTHING || v === MISSING) return undefined;
  const r = real(family, which, v);
  return typeof r === 'number' && !Number.isFinite(r) ? undefined : r;
}

/** `MixtureModel(Normal, [(0, 1), (3, 2)])`: one component per parameter tuple (or single parameter) of the family. */
function componentsOf(family: JFunction, params: Value | undefined): ReturnType<typeof distributionList> {
  if (!(params instanceof JArray) || params.ndims !== 1) throw new ModelError(`MixtureModel(${family.name}, params): params must be a vector of parameter tuples, got ${describe(params)}`, undefined);
  const made = params.data.map((p) => family.call(p instanceof JTuple ? p.items : [p as Value], new Map()));
  return distributionList('MixtureModel', `${family.name}(params…)`, JArray.vector(made, 'any'));
}

/** By signature: the parameter names as the constructor's errors name them. */
const special: [signature: string, (args: Value[], kwargs: Map<string, Value>) => Value][] = [
  [
    'Categorical(p) / Categorical(k)',
    (args) => {
      arity('Categorical', args, 1, 1);
      const p = args[0];
      // Categorical(k) is the uniform distribution over 1..k.
      if (typeof p === 'number') {
        const k = integer('Categorical', 'k', p);
        return D.Categorical(new Array<Real>(k).fill(1 / k));
      }
      return D.Categorical(realVector('Categorical', 'p', p));
    },
  ],
  [
    'DiscreteNonParametric(xs, ps)',
    (args) => {
      arity('DiscreteNonParametric', args, 2, 2);
      return D.DiscreteNonParametric(realVector('DiscreteNonParametric', 'xs', args[0]), realVector('DiscreteNonParametric', 'ps', args[1]));
    },
  ],
  [
    'PoissonBinomial(p)',
    (args) => {
      arity('PoissonBinomial', args, 1, 1);
      return D.PoissonBinomial(realVector('PoissonBinomial', 'p', args[0]));
    },
  ],
  [
    'OrderedLogistic(η, cutpoints)',
    (args) => {
      arity('OrderedLogistic', args, 2, 2);
      return D.OrderedLogistic(real('OrderedLogistic', 'η', args[0]), realVector('OrderedLogistic', 'cutpoints', args[1]));
    },
  ],
  [
    'LocationScale(μ, σ, ρ)',
    (args) => {
      arity('LocationScale', args, 3, 3);
      return D.LocationScale(real('LocationScale', 'μ', args[0]), real('LocationScale', 'σ', args[1]), univariate('LocationScale', 'ρ', args[2]));
    },
  ],
  [
    'truncated(d, lower, upper) / truncated(d; lower, upper)',
    (args, kwargs) => {
      arity('truncated', args, 1, 3);
      // Distributions.jl has truncated(d, l, u) and the keywords, no two-argument method: Julia's MethodError, said how to write it.
      if (args.length === 2) throw new ModelError('`truncated(d, l)` is no method of Distributions.jl: write `truncated(d; lower = l)` for a lower bound alone, or `truncated(d, l, u)`', undefined);
      const d = univariate('truncated', 'd', args[0]);
      const lower = bound('truncated', args.length > 1 ? args[1] : kwargs.get('lower'), 'lower');
      const upper = bound('truncated', args.length > 2 ? args[2] : kwargs.get('upper'), 'upper');
      return D.truncated(d, lower, upper);
    },
  ],
  [
    // Distributions.jl's older capitalised constructor, still in pasted models.
    'Truncated(d, lower, upper)',
    (args) => {
      arity('Truncated', args, 3, 3);
      return D.truncated(univariate('Truncated', 'd', args[0]), bound('Truncated', args[1], 'lower'), bound('Truncated', args[2], 'upper'));
    },
  ],
  [
    'TruncatedNormal(μ, σ, lower, upper)',
    (args) => {
      arity('TruncatedNormal', args, 4, 4);
      const [μ, σ] = [real('TruncatedNormal', 'μ', args[0]), real('TruncatedNormal', 'σ', args[1])];
      return D.truncated(D.Normal(μ, σ), bound('TruncatedNormal', args[2], 'lower'), bound('TruncatedNormal', args[3], 'upper'));
    },
  ],
  [
    'censored(d, lower, upper) / censored(d; lower, upper)',
    (args, kwargs) => {
      arity('censored', args, 1, 3);
      const d = univariate('censored', 'd', args[0]);
      const lower = bound('censored', args.length > 1 ? args[1] : kwargs.get('lower'), 'lower');
      const upper = bound('censored', args.length > 2 ? args[2] : kwargs.get('upper'), 'upper');
      return D.censored(d, lower, upper);
    },
  ],
  [
    'MixtureModel(components, prior) / MixtureModel(F, params, prior)',
    (args) => {
      arity('MixtureModel', args, 1, 3);
      const family = args[0];
      const byFamily = family instanceof JFunction;
      if (byFamily && args.length < 2) throw new ModelError(`MixtureModel(${family.name}, params) needs the components' parameters`, undefined);
      if (!byFamily && args.length === 3) throw new ModelError(`MixtureModel takes 3 arguments only as MixtureModel(F, params, prior) with F a family, such as Normal; got ${describe(family)}`, undefined);
      const { dists } = byFamily ? componentsOf(family, args[1]) : distributionList('MixtureModel', 'components', args[0]);
      const prior = args[byFamily ? 2 : 1];
      const weights = prior === undefined ? new Array<Real>(dists.length).fill(1 / dists.length) : mixturePrior('MixtureModel', prior);
      if (dists.every((d) => d.variate === 'univariate')) return D.MixtureModel(dists as D.Univariate[], weights);
      return D.MvMixtureModel(dists as D.Multivariate[], weights);
    },
  ],
  [
    // Distributions.jl's Gaussian mixture, as pasted models name it (`Distributions.UnivariateGMM(μ, σ, Categorical(w))`).
    'UnivariateGMM(μ, σ, prior)',
    (args) => {
      arity('UnivariateGMM', args, 3, 3);
      const [μ, σ] = [realVector('UnivariateGMM', 'μ', args[0]), realVector('UnivariateGMM', 'σ', args[1])];
      if (μ.length !== σ.length) throw new ModelError(`UnivariateGMM: μ has ${μ.length} components and σ ${σ.length}`, undefined);
      return D.MixtureModel(μ.map((m, k) => D.Normal(m, σ[k]!)), mixturePrior('UnivariateGMM', args[2]));
    },
  ],
];

/** A mixture's weights: a probability vector, or the `Categorical` Distributions.jl stores them as. */
function mixturePrior(family: string, prior: Value | undefined): Real[] {
  const probabilities = D.categoricalProbabilities(prior);
  return probabilities ? [...probabilities] : realVector(family, 'prior', prior);
}

export const univariateFunctions: [string, JFunction][] = [
  ...SCALAR_FAMILIES.map(([name, args, required]): [string, JFunction] => [name, scalarFamily(name, args, required)]),
  ...special.map(([signature, f]): [string, JFunction] => [nameOf(signature), new JFunction(nameOf(signature), f)]),
];

export const univariateSignatures: [name: string, signature: string][] = [
  ...SCALAR_FAMILIES.map(([name, args]): [string, string] => [name, `${name}(${args.join(', ')})`]),
  ...special.map(([signature]): [string, string] => [nameOf(signature), signature]),
];
