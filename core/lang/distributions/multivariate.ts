import * as D from '../../dist/index.js';
import type { Real } from '../../ad/index.js';
import { JFunction, JArray, ModelError, UniformScaling, JChar, isDistribution, isReal, describe, type Value } from '../../model/index.js';
import { ops } from '../../ad/index.js';
import { bijectorFor } from '../../bijectors/index.js';
import { DiagonalMatrix } from '../runtime/index.js';
import { arity, real, realVector, realMatrix, integer, distributionList, nameOf } from './convert.js';
import { inversePair, transformedBy } from './bijectors.js';

/**
 * A covariance-like argument as a model writes it: a matrix, `Diagonal(v)` (v the variances) or
 * `σ² * I`. The structure is kept so diagonal forms stay O(n).
 */
function covariance(family: string, arg: string, v: Value | undefined): D.CovarianceSpec {
  if (v instanceof UniformScaling) return D.scaledIdentityCovariance(v.lambda);
  // Distributions.jl's older forms, still in many Turing tutorials: `MvNormal(μ, σ)` with σ a vector
  // or a number of STANDARD DEVIATIONS (deprecated there in favour of Diagonal(σ.^2) and σ^2 * I).
  if (v instanceof JArray && v.ndims === 1) return D.diagonalCovariance(realVector(family, `${arg} (standard deviations)`, v).map((s) => ops.mul(s, s)));
  if ((family === 'MvNormal' || family === 'MvLogNormal') && v !== undefined && isReal(v)) return D.scaledIdentityCovariance(ops.mul(v, v));
  if (v instanceof DiagonalMatrix) return D.diagonalCovariance(v.diagonal.map((x, i) => real(family, () => `${arg}[${i + 1}, ${i + 1}]`, x)));
  const { n, data } = realMatrix(family, arg, v);
  return D.fullCovariance(data, n);
}

function isCovariance(v: Value | undefined): boolean {
  return v instanceof UniformScaling || v instanceof JArray || (v !== undefined && isReal(v));
}

/** `F(μ, Σ)` or `F(Σ)` (zero mean), as MvNormal, MvLogNormal and MvNormalCanon take them. */
function locationCovariance(family: string, make: (mu: Real[] | undefined, cov: D.CovarianceSpec) => D.Multivariate, covName: string): JFunction {
  return new JFunction(family, (args) => {
    arity(family, args, 1, 2);
    if (args.length === 1) return make(undefined, covariance(family, covName, args[0]));
    // Distributions.jl's deprecated `MvNormal(d, σ)`: d dimensions, mean zero, σ the standard deviation of each.
    if (family !== 'MvNormalCanon' && typeof args[0] === 'number' && Number.isInteger(args[0]) && isReal(args[1])) {
      return make(new Array<Real>(dimension(family, args)).fill(0), covariance(family, covName, args[1]));
    }
    if (!isCovariance(args[1])) throw new ModelError(`${family}: ${covName} must be a matrix, Diagonal(v) or σ² * I, got ${describe(args[1])}`, undefined);
    return make(realVector(family, family === 'MvNormalCanon' ? 'h' : 'μ', args[0]), covariance(family, covName, args[1]));
  });
}

function dimension(family: string, args: Value[]): number {
  const d = integer(family, 'd', args[0]);
  if (d < 1) throw new ModelError(`${family}: the dimension d must be at least 1, got ${d}`, undefined);
  return d;
}

/** `filldist(D, n)`, `filldist(D, n, m)`. */
function filldist(args: Value[]): Value {
  arity('filldist', args, 2, 3);
  const d = args[0];
  if (!isDistribution(d)) throw new ModelError(`filldist: the first argument must be a distribution, got ${describe(d)}`, undefined);
  const n = integer('filldist', 'n', args[1]);
  return args.length === 3 ? D.filldist(d, n, integer('filldist', 'm', args[2])) : D.filldist(d, n);
}

/** `Product(ds)` is Distributions.jl's older (deprecated) spelling of product_distribution, still in pasted code. */
function arraydist(name: 'arraydist' | 'product_distribution' | 'Product') {
  return (args: Value[]): Value => {
    arity(name, args, 1, 1);
    const { dists, shape } = distributionList(name, 'dists', args[0]);
    return name === 'arraydist' ? D.arraydist(dists, shape) : D.product_distribution(dists, shape);
  };
}

const mvLogNormal = locationCovariance('MvLogNormal', (mu, cov) => (mu ? D.MvLogNormal(mu, cov) : D.MvLogNormal(cov)), 'Σ');

/** Distributions' `MvLogNormal(d)` of a normal d, which the GPLVM tutorial draws its ARD weights from. */
function mvLogNormalOfNormal(d: Value): D.Multivariate {
  const out = D.mvLogNormalOf(d);
  if (out === undefined) throw new ModelError(`MvLogNormal(d) needs an MvNormal distribution d, got ${describe(d)}`, undefined);
  return out;
}

/** By signature: the parameter names as the constructor's errors name them. */
const families: [signature: string, (args: Value[], kwargs: Map<string, Value>) => Value][] = [
  ['MvNormal(μ, Σ) / MvNormal(Σ)', locationCovariance('MvNormal', (mu, cov) => (mu ? D.MvNormal(mu, cov) : D.MvNormal(cov)), 'Σ').call],
  ['MvLogNormal(μ, Σ) / MvLogNormal(Σ) / MvLogNormal(d::MvNormal)', (args, kwargs) => (args.length === 1 && isDistribution(args[0]) ? mvLogNormalOfNormal(args[0]) : mvLogNormal.call(args, kwargs))],
  ['MvNormalCanon(h, J) / MvNormalCanon(J)', locationCovariance('MvNormalCanon', (h, cov) => (h ? D.MvNormalCanon(h, cov) : D.MvNormalCanon(cov)), 'J').call],
  [
    'MvTDist(ν, μ, Σ) / MvTDist(ν, Σ)',
    (args) => {
      arity('MvTDist', args, 2, 3);
      const nu = real('MvTDist', 'ν', args[0]);
      if (args.length === 2) return D.MvTDist(nu, covariance('MvTDist', 'Σ', args[1]));
      return D.MvTDist(nu, realVector('MvTDist', 'μ', args[1]), covariance('MvTDist', 'Σ', args[2]));
    },
  ],
  [
    'Dirichlet(α) / Dirichlet(k, a)',
    (args) => {
      arity('Dirichlet', args, 1, 2);
      if (args.length === 2) return D.Dirichlet(integer('Dirichlet', 'k', args[0]), real('Dirichlet', 'a', args[1]));
      return D.Dirichlet(realVector('Dirichlet', 'α', args[0]));
    },
  ],
  [
    'Multinomial(n, p)',
    (args) => {
      arity('Multinomial', args, 2, 2);
      return D.Multinomial(integer('Multinomial', 'n', args[0]), realVector('Multinomial', 'p', args[1]));
    },
  ],
  [
    'DirichletMultinomial(n, α) / DirichletMultinomial(n, k)',
    (args) => {
      arity('DirichletMultinomial', args, 2, 2);
      const n = integer('DirichletMultinomial', 'n', args[0]);
      if (typeof args[1] === 'number') return D.DirichletMultinomial(n, integer('DirichletMultinomial', 'k', args[1]));
      return D.DirichletMultinomial(n, realVector('DirichletMultinomial', 'α', args[1]));
    },
  ],
  [
    'LKJ(d, η)',
    (args) => {
      arity('LKJ', args, 2, 2);
      return D.LKJ(dimension('LKJ', args), real('LKJ', 'η', args[1]));
    },
  ],
  [
    "LKJCholesky(d, η, uplo = 'L')",
    (args) => {
      arity('LKJCholesky', args, 2, 3);
      const uplo = args[2];
      const u = uplo === undefined ? 'L' : uplo instanceof JChar ? uplo.value : typeof uplo === 'string' ? uplo : '';
      if (u !== 'L' && u !== 'U') throw new ModelError(`LKJCholesky: uplo must be 'L' or 'U', got ${describe(uplo)}`, undefined);
      return D.LKJCholesky(dimension('LKJCholesky', args), real('LKJCholesky', 'η', args[1]), u);
    },
  ],
  [
    'Wishart(ν, S)',
    (args) => {
      arity('Wishart', args, 2, 2);
      return D.Wishart(real('Wishart', 'ν', args[0]), covariance('Wishart', 'S', args[1]));
    },
  ],
  [
    'InverseWishart(ν, Ψ)',
    (args) => {
      arity('InverseWishart', args, 2, 2);
      return D.InverseWishart(real('InverseWishart', 'ν', args[0]), covariance('InverseWishart', 'Ψ', args[1]));
    },
  ],
  ['filldist(d, n) / filldist(d, n, m)', filldist],
  ['arraydist(dists)', arraydist('arraydist')],
  ['product_distribution(dists)', arraydist('product_distribution')],
  ['Product(dists)', arraydist('Product')],
  [
    'transformed(d, b)',
    (args) => {
      arity('transformed', args, 1, 2);
      const [d, b] = args;
      if (!isDistribution(d)) throw new ModelError(`transformed: the first argument must be a distribution, got ${describe(d)}`, undefined);
      if (b === ORDERED_BIJECTOR) return D.orderedPushforward(d);
      // `transformed(D)` is `transformed(D, bijector(D))`: D on the unconstrained space Turing samples it in.
      if (b === undefined) return D.pushforward(d, D.supportBijector(d));
      const pushed = transformedBy(d, b);
      if (pushed === undefined) throw new ModelError(`transformed: Tilde pushes a distribution through \`OrderedBijector()\`, \`bijector(D)\`, \`Logit(a, b)\`, exp, log, logistic, logit (or their \`elementwise\`) and their inverses; got ${describe(b)}`, undefined);
      return pushed;
    },
  ],
  [
    'ordered(d)',
    (args) => {
      arity('ordered', args, 1, 1);
      const d = args[0];
      if (!isDistribution(d)) throw new ModelError(`ordered: the argument must be a distribution, got ${describe(d)}`, undefined);
      return D.ordered(d);
    },
  ],
];

/** What `OrderedBijector()` makes: callable as in Bijectors, `b(y)` = (y₁, y₁ + e^{y₂}, …), an increasing vector. */
const ORDERED_BIJECTOR = new JFunction('OrderedBijector()', (args) => {
  arity('OrderedBijector()', args, 1, 1);
  const y = realVector('OrderedBijector()', 'y', args[0]);
  return JArray.vector(bijectorFor({ kind: 'ordered', dim: y.length }).invlink(y).x, 'float');
});

/** `inverse(OrderedBijector())`: an increasing x back to (x₁, log(x₂ − x₁), …). */
const ORDERED_INVERSE = new JFunction('inverse(OrderedBijector())', (args) => {
  arity('inverse(OrderedBijector())', args, 1, 1);
  const x = realVector('inverse(OrderedBijector())', 'x', args[0]);
  return JArray.vector(bijectorFor({ kind: 'ordered', dim: x.length }).linkReal!(x), 'float');
});
inversePair(ORDERED_BIJECTOR, ORDERED_INVERSE);

const orderedBijector = new JFunction('OrderedBijector', (args) => {
  arity('OrderedBijector', args, 0, 0);
  return ORDERED_BIJECTOR;
});

export const multivariateFunctions: [string, JFunction][] = [
  ...families.map(([signature, f]): [string, JFunction] => [nameOf(signature), new JFunction(nameOf(signature), f)]),
  ['OrderedBijector', orderedBijector],
];

export const multivariateSignatures: [name: string, signature: string][] = families.map(([signature]) => [nameOf(signature), signature]);
