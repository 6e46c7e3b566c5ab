import { ops, type Real } from '../../ad/index.js';
import { Normal } from '../../dist/index.js';
import {
  FiniteGP,
  constantKernel,
  constantMean,
  exponentialKernel,
  gammaExponentialKernel,
  kernelMatrix,
  kernelMatrixDiag,
  kernelProduct,
  kernelSum,
  linearKernel,
  matern32Kernel,
  matern52Kernel,
  maternKernel,
  periodicKernel,
  polynomialKernel,
  rationalQuadraticKernel,
  scaledKernel,
  sqExponentialKernel,
  whiteKernel,
  withLengthscale,
  withScale,
  zeroKernel,
  type GaussianProcess,
  type Kernel,
} from '../../gp/index.js';
import { JArray, JRange, JTuple, describe, isReal, type Value } from '../../model/index.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { fail } from '../runtime/errors.js';
import { PosteriorFiniteGP, posteriorOf } from '../runtime/gp-posterior.js';
import { GPValue, KernelValue, TransformValue, checkArgument, gpInputs, kernelOf, pointVector, realArg } from '../runtime/gp-values.js';
import { asCallable, isCallable } from './callable.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { statsBuiltins } from './stats.js';

/**
 * KernelFunctions' kernels and AbstractGPs' GP, with their names, keywords, defaults and argument checks:
 * `GP(v * with_lengthscale(SEKernel(), l))`, `f(x, σ²)`, `kernelmatrix(k, x)`.
 */

/** A kernel constructor of keywords, or of `positional` arguments where KernelFunctions' inner constructor takes them so (all or none). */
function kernelBuiltin(signature: string, keywords: readonly string[], make: (kwargs: ReadonlyMap<string, Value>, args: readonly Value[]) => Kernel, positional = 0): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    if (args.length !== 0 && args.length !== positional) arity(b.name, args, 0);
    allowKwargs(b.name, kwargs, args.length > 0 ? [] : keywords);
    return new KernelValue(make(kwargs, args));
  });
  return b;
}

/** A kernel without parameters, under each of its names (`SEKernel`, `RBFKernel` …). */
function plainKernel(names: readonly string[], make: () => Kernel): Builtin[] {
  return names.map((name) => kernelBuiltin(`${name}()`, [], make));
}

function keyword(name: string, kwargs: ReadonlyMap<string, Value>, keys: readonly string[], fallback: number): Real {
  const key = keys.find((k) => kwargs.has(k));
  return key === undefined ? fallback : realArg(name, key, kwargs.get(key)!);
}

/** A scalar, or an array's elements (ARD). */
function factorsOf(name: string, v: Value): Real | Real[] {
  if (isReal(v)) return v;
  if (v instanceof JArray || v instanceof JRange) return realsOf(v, name);
  return fail(`${name} needs a number or a vector of numbers, got ${describe(v)}`);
}

function asList(f: Real | readonly Real[]): readonly Real[] {
  return Array.isArray(f) ? f : [f as Real];
}

function statistic(name: 'mean' | 'var'): Builtin {
  return statsBuiltins.find((b) => b.name === name)!;
}

/** What AbstractGPs' statistics take: a GP at its inputs, `f(x)`, or the posterior's, `p(x)`. */
interface Marginals {
  mean(): Real[];
  var(): Real[];
  cov(): Real[];
  readonly shape: readonly number[];
}

function marginals(name: string, v: Value | undefined): Marginals {
  if (v instanceof FiniteGP || v instanceof PosteriorFiniteGP) return v;
  return fail(`${name} needs a GP at its inputs, \`f(x)\` or \`f(x, σ²)\`, got ${describe(v)}`);
}

function vectorOf(xs: readonly Real[]): JArray {
  return JArray.vector([...xs], 'float');
}

function covarianceOf(fx: Marginals): JArray {
  const n = fx.shape[0]!;
  return JArray.matrix(n, n, fx.cov(), 'float');
}

const kernels: Builtin[] = [
  ...plainKernel(['SqExponentialKernel', 'SEKernel', 'RBFKernel', 'GaussianKernel'], sqExponentialKernel),
  ...plainKernel(['ExponentialKernel', 'Matern12Kernel', 'LaplacianKernel'], exponentialKernel),
  ...plainKernel(['Matern32Kernel'], matern32Kernel),
  ...plainKernel(['Matern52Kernel'], matern52Kernel),
  kernelBuiltin('MaternKernel(; ν = 1.5)', ['ν', 'nu'], (kwargs) => {
    const nu = keyword('MaternKernel', kwargs, ['ν', 'nu'], 1.5);
    checkArgument('MaternKernel', 'ν', [nu], (v) => v > 0 && Number.isFinite(v), 'ν > 0');
    return maternKernel(nu);
  }),
  ...plainKernel(['WhiteKernel', 'EyeKernel'], whiteKernel),
  ...plainKernel(['ZeroKernel'], zeroKernel),
  kernelBuiltin('RationalQuadraticKernel(; α = 2.0)', ['α', 'alpha'], (kwargs) => {
    const alpha = keyword('RationalQuadraticKernel', kwargs, ['α', 'alpha'], 2);
    checkArgument('RationalQuadraticKernel', 'α', [alpha], (a) => a > 0, 'α > 0');
    return rationalQuadraticKernel(alpha);
  }),
  kernelBuiltin('GammaExponentialKernel(; γ = 1.0)', ['γ', 'gamma'], (kwargs) => {
    const gamma = keyword('GammaExponentialKernel', kwargs, ['γ', 'gamma'], 1);
    checkArgument('GammaExponentialKernel', 'γ', [gamma], (g) => g > 0 && g <= 2, 'γ ∈ (0, 2]');
    return gammaExponentialKernel(gamma);
  }),
  // KernelFunctions' inner constructors take the parameters by position too: LinearKernel(c), PolynomialKernel(degree, c).
  kernelBuiltin('LinearKernel(; c = 0.0)', ['c'], (kwargs, args) => {
    const c = args.length === 1 ? realArg('LinearKernel', 'c', args[0]!) : keyword('LinearKernel', kwargs, ['c'], 0);
    checkArgument('LinearKernel', 'c', [c], (x) => x >= 0, 'c ≥ 0');
    return linearKernel(c);
  }, 1),
  kernelBuiltin('PolynomialKernel(; degree = 2, c = 0.0)', ['degree', 'c'], (kwargs, args) => {
    const given = args.length === 2 ? args[0] : kwargs.get('degree');
    const degree = given === undefined ? 2 : toInt(given, 'PolynomialKernel: degree');
    if (degree < 1) fail(`PolynomialKernel: degree must satisfy degree ≥ 1, got ${degree}`);
    const c = args.length === 2 ? realArg('PolynomialKernel', 'c', args[1]!) : keyword('PolynomialKernel', kwargs, ['c'], 0);
    checkArgument('PolynomialKernel', 'c', [c], (x) => x >= 0, 'c ≥ 0');
    return polynomialKernel(degree, c);
  }, 2),
  kernelBuiltin('ConstantKernel(; c = 1.0)', ['c'], (kwargs) => {
    const c = keyword('ConstantKernel', kwargs, ['c'], 1);
    checkArgument('ConstantKernel', 'c', [c], (x) => x >= 0, 'c ≥ 0');
    return constantKernel(c);
  }),
  builtin('PeriodicKernel(; r = [1.0])', (args, kwargs) => {
    arity('PeriodicKernel', args, 0, 1);
    allowKwargs('PeriodicKernel', kwargs, ['r']);
    // PeriodicKernel(dims) is r = ones(dims).
    const r = args.length === 1 ? new Array<Real>(toInt(arg(args, 0), 'PeriodicKernel: dims')).fill(1) : kwargs.has('r') ? realsOf(kwargs.get('r')!, 'PeriodicKernel: r') : [1];
    checkArgument('PeriodicKernel', 'r', r, (x) => x > 0, 'r > 0');
    return new KernelValue(periodicKernel(r));
  }),
];

const transforms: Builtin[] = [
  builtin('with_lengthscale(k, ℓ)', (args, kwargs) => {
    arity('with_lengthscale', args, 2);
    allowKwargs('with_lengthscale', kwargs);
    const ell = factorsOf('with_lengthscale: ℓ', arg(args, 1));
    checkArgument('with_lengthscale', 'ℓ', asList(ell), (x) => x > 0, 'ℓ > 0');
    return new KernelValue(withLengthscale(kernelOf('with_lengthscale', arg(args, 0)), ell));
  }),
  builtin('ScaleTransform(s)', (args, kwargs) => {
    arity('ScaleTransform', args, 0, 1);
    allowKwargs('ScaleTransform', kwargs);
    const s = args.length === 0 ? 1 : realArg('ScaleTransform', 's', arg(args, 0));
    checkArgument('ScaleTransform', 's', [s], (x) => x > 0, 's > 0');
    return new TransformValue('ScaleTransform', s);
  }),
  builtin('ARDTransform(v)', (args, kwargs) => {
    arity('ARDTransform', args, 1);
    allowKwargs('ARDTransform', kwargs);
    return new TransformValue('ARDTransform', realsOf(arg(args, 0), 'ARDTransform: v'));
  }),
  ...['compose', 'TransformedKernel'].map((name) =>
    builtin(`${name}(k, t)`, (args, kwargs) => {
      arity(name, args, 2);
      allowKwargs(name, kwargs);
      const t = arg(args, 1);
      if (!(t instanceof TransformValue)) return fail(`${name} needs a kernel and an input transform (ScaleTransform, ARDTransform), got ${describe(t)}`);
      return new KernelValue(withScale(kernelOf(name, arg(args, 0)), t.factors));
    }),
  ),
  builtin('ScaledKernel(k, σ² = 1.0)', (args, kwargs) => {
    arity('ScaledKernel', args, 1, 2);
    allowKwargs('ScaledKernel', kwargs);
    const variance = args.length === 2 ? realArg('ScaledKernel', 'σ²', arg(args, 1)) : 1;
    checkArgument('ScaledKernel', 'σ²', [variance], (x) => x > 0, 'σ² > 0');
    return new KernelValue(scaledKernel(variance, kernelOf('ScaledKernel', arg(args, 0))));
  }),
  ...(['KernelSum', 'KernelProduct'] as const).map((name) =>
    builtin(`${name}(k1, k2, …)`, (args, kwargs) => {
      arity(name, args, 1, Infinity);
      allowKwargs(name, kwargs);
      // KernelSum([k1, k2]) takes a vector of kernels too.
      const parts = args.length === 1 && arg(args, 0) instanceof JArray ? (arg(args, 0) as JArray).data : args;
      const kernels = parts.map((k) => kernelOf(name, k));
      return new KernelValue(name === 'KernelSum' ? kernelSum(kernels) : kernelProduct(kernels));
    }),
  ),
  builtin('ColVecs(X)', (args) => {
    arity('ColVecs', args, 1);
    return pointVector('ColVecs', arg(args, 0));
  }),
  builtin('RowVecs(X)', (args) => {
    arity('RowVecs', args, 1);
    return pointVector('RowVecs', arg(args, 0));
  }),
  builtin('kernelmatrix(k, x) / kernelmatrix(k, x, y)', (args, kwargs) => {
    arity('kernelmatrix', args, 2, 3);
    allowKwargs('kernelmatrix', kwargs);
    const k = kernelOf('kernelmatrix', arg(args, 0));
    const x = gpInputs('kernelmatrix', arg(args, 1));
    const y = args.length === 3 ? gpInputs('kernelmatrix', arg(args, 2)) : undefined;
    return JArray.matrix(x.n, (y ?? x).n, kernelMatrix(k, x, y), 'float');
  }),
  builtin('kernelmatrix_diag(k, x)', (args, kwargs) => {
    arity('kernelmatrix_diag', args, 2);
    allowKwargs('kernelmatrix_diag', kwargs);
    return vectorOf(kernelMatrixDiag(kernelOf('kernelmatrix_diag', arg(args, 0)), gpInputs('kernelmatrix_diag', arg(args, 1))));
  }),
];

/**
 * The mean function of `GP(m, k)`: a number (ConstMean, as ZeroMean() and ConstMean(c) are here), or anything
 * else as AbstractGPs' CustomMean, a function called at each input (a number, or a vector for ColVecs/RowVecs).
 * A vector m is a CustomMean there too, which fails where the mean is needed, so it does here: the GPLVM tutorial's
 * `GP(mu, k)` only ever asks for `cov(gp(x))`.
 */
function meanFunction(v: Value): GaussianProcess['mean'] {
  if (isReal(v)) return constantMean(v);
  if (!isCallable(v)) {
    return () =>
      fail(`GP(m, k): the mean ${describe(v)} is not a function of the inputs, so mean(f(x)) and logpdf(f(x), y) cannot be computed (AbstractGPs makes it a CustomMean); give a number, \`ZeroMean()\`, \`ConstMean(c)\` or a function`);
  }
  const m = asCallable('GP(m, k)', v);
  return (x) =>
    Array.from({ length: x.n }, (_, i) => {
      const point = x.dim === 1 ? x.values[i]! : JArray.vector(x.values.slice(i * x.dim, (i + 1) * x.dim), 'float');
      return realArg('GP(m, k)', 'the mean m(x)', m([point]));
    });
}

const processes: Builtin[] = [
  builtin('GP(k) / GP(m, k)', (args, kwargs) => {
    arity('GP', args, 1, 2);
    allowKwargs('GP', kwargs);
    const kernel = kernelOf('GP', arg(args, args.length - 1));
    return new GPValue({ mean: meanFunction(args.length === 2 ? arg(args, 0) : 0), kernel });
  }),
  builtin('ZeroMean()', (args) => {
    arity('ZeroMean', args, 0);
    return 0;
  }),
  builtin('ConstMean(c)', (args) => {
    arity('ConstMean', args, 1);
    return realArg('ConstMean', 'c', arg(args, 0));
  }),
  builtin('CustomMean(f)', (args) => {
    arity('CustomMean', args, 1);
    if (!isCallable(arg(args, 0))) return fail(`CustomMean needs a function of the inputs, got ${describe(arg(args, 0))}`);
    return arg(args, 0);
  }),
  builtin('mean_and_var(fx) / mean_and_var(x)', (args, kwargs) => {
    arity('mean_and_var', args, 1);
    const x = arg(args, 0);
    // StatsBase's mean_and_var of a collection shares the name: its mean and sample variance.
    if (!(x instanceof FiniteGP || x instanceof PosteriorFiniteGP)) return new JTuple([statistic('mean').call(args, kwargs), statistic('var').call(args, kwargs)]);
    return new JTuple([vectorOf(x.mean()), vectorOf(x.var())]);
  }),
  builtin('mean_and_cov(fx)', (args) => {
    arity('mean_and_cov', args, 1);
    const fx = marginals('mean_and_cov', arg(args, 0));
    return new JTuple([vectorOf(fx.mean()), covarianceOf(fx)]);
  }),
  builtin('marginals(fx)', (args, kwargs) => {
    arity('marginals', args, 1);
    allowKwargs('marginals', kwargs);
    const fx = marginals('marginals', arg(args, 0));
    const variances = fx.var();
    return JArray.vector(fx.mean().map((m, i) => Normal(m, ops.sqrt(variances[i]!))));
  }),
  builtin('posterior(fx, y)', (args, kwargs) => {
    arity('posterior', args, 2);
    allowKwargs('posterior', kwargs);
    return posteriorOf(arg(args, 0), realsOf(arg(args, 1), 'posterior: y'));
  }),
];

export const gpBuiltins: Builtin[] = [...kernels, ...transforms, ...processes];
