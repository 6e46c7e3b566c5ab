import { ops, type Real } from '../../ad/index.js';
import { JArray, JType, NOTHING, describe, isDistribution, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { isArrayValue, materialize } from '../runtime/shape.js';
import { allowKwargs, arg, arity, boolKwarg, builtin, type Builtin } from './define.js';

/**
 * Statistics' cov and cor and StatsBase's zscore. A matrix holds one variable per column (Julia's
 * default dims = 1). Built from the AD operations, so parameters may flow through.
 */

function centred(xs: readonly Real[]): Real[] {
  const m = ops.div(ops.sumOf(xs), xs.length);
  return xs.map((x) => ops.sub(x, m));
}

/** Variables as columns: a vector is one, a matrix has one per column (dims = 1) or per row (dims = 2). */
function variables(name: string, v: Value, kwargs: ReadonlyMap<string, Value>): Real[][] {
  if (!isArrayValue(v)) return fail(`${name} needs a vector or a matrix, got ${describe(v)}`);
  const a = materialize(v);
  const xs = realsOf(a, name);
  if (a.ndims === 1) return [xs];
  if (a.ndims !== 2) return fail(`${name} needs a vector or a matrix, got ${describe(v)}`);
  const dims = kwargs.has('dims') ? toInt(kwargs.get('dims')!, `${name}: dims`) : 1;
  if (dims !== 1 && dims !== 2) fail(`${name}: dims must be 1 or 2, got ${dims}`);
  const [rows, cols] = a.shape as [number, number];
  if (dims === 1) return Array.from({ length: cols }, (_, j) => xs.slice(j * rows, (j + 1) * rows));
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => xs[i + j * rows]!));
}

function covariance(a: readonly Real[], b: readonly Real[], corrected: boolean): Real {
  return ops.div(ops.dotOf(centred(a), centred(b)), corrected ? a.length - 1 : a.length);
}

function correlation(a: readonly Real[], b: readonly Real[]): Real {
  const ca = centred(a);
  const cb = centred(b);
  return ops.div(ops.dotOf(ca, cb), ops.sqrt(ops.mul(ops.dotOf(ca, ca), ops.dotOf(cb, cb))));
}

/** Distributions' `cov(d)` of a multivariate family that has it (AbstractGPs' `cov(f(x))`), else undefined. */
function distributionCovariance(d: Value): JArray | undefined {
  if (!isDistribution(d) || d.variate !== 'multivariate' || !('cov' in d) || typeof d.cov !== 'function') return undefined;
  const n = d.shape[0]!;
  return JArray.matrix(n, n, (d.cov as () => Real[]).call(d), 'float');
}

/** f(x, y) of two vectors, f(x) of one (the pair with itself) or the matrix of f between the columns of X. */
function pairwise(name: 'cov' | 'cor', f: (a: readonly Real[], b: readonly Real[], corrected: boolean) => Real): Builtin {
  return builtin(`${name}(x) / ${name}(x, y) / ${name}(X; dims = 1)`, (args, kwargs) => {
    arity(name, args, 1, 2);
    allowKwargs(name, kwargs, name === 'cov' ? ['dims', 'corrected'] : ['dims']);
    const corrected = boolKwarg(name, kwargs, 'corrected', true);
    const covariance = name === 'cov' && args.length === 1 ? distributionCovariance(arg(args, 0)) : undefined;
    if (covariance !== undefined) return covariance;
    const x = variables(name, arg(args, 0), kwargs);
    if (args.length === 2) {
      const y = variables(name, arg(args, 1), kwargs);
      if (x.length !== 1 || y.length !== 1) fail(`${name}(x, y) needs two vectors; for the columns of a matrix use ${name}(X)`);
      if (x[0]!.length !== y[0]!.length) fail(`${name}: the vectors have lengths ${x[0]!.length} and ${y[0]!.length} (DimensionMismatch)`);
      return f(x[0]!, y[0]!, corrected);
    }
    const isVector = arg(args, 0) instanceof JArray ? (arg(args, 0) as JArray).ndims === 1 : true;
    // cor(x) of one vector is 1 by definition, as Julia returns it, not a rounded x⋅x / |x|².
    if (isVector) return name === 'cor' ? 1 : f(x[0]!, x[0]!, corrected);
    const k = x.length;
    const out: Real[] = new Array(k * k);
    for (let j = 0; j < k; j++) for (let i = 0; i <= j; i++) out[i + j * k] = out[j + i * k] = i === j && name === 'cor' ? 1 : f(x[i]!, x[j]!, corrected);
    return JArray.matrix(k, k, out, 'float');
  });
}

/** (x − mean(x)) / std(x) over the whole array, or along `dims` (positional, as StatsBase takes it). */
function zscore(x: Value, dims: number | undefined): JArray {
  if (!isArrayValue(x)) return fail(`zscore needs an array, got ${describe(x)}`);
  const a = materialize(x);
  const xs = realsOf(a, 'zscore');
  const out: Real[] = new Array(xs.length);
  const standardise = (positions: number[]): void => {
    const values = positions.map((k) => xs[k]!);
    const c = centred(values);
    const sd = ops.sqrt(ops.div(ops.dotOf(c, c), values.length - 1));
    positions.forEach((k, i) => (out[k] = ops.div(c[i]!, sd)));
  };
  if (dims === undefined || a.ndims === 1) standardise(xs.map((_, k) => k));
  else {
    if (a.ndims !== 2 || (dims !== 1 && dims !== 2)) fail(`zscore: dims must be 1 or 2 for a matrix, got ${dims}`);
    const [rows, cols] = a.shape as [number, number];
    if (dims === 1) for (let j = 0; j < cols; j++) standardise(Array.from({ length: rows }, (_, i) => i + j * rows));
    else for (let i = 0; i < rows; i++) standardise(Array.from({ length: cols }, (_, j) => i + j * rows));
  }
  return new JArray(a.shape.slice(), out, 'float');
}

/**
 * The positions of each variable of `a` (one per column with dims = 1, per row with dims = 2; a vector is one):
 * StatsBase's `fit(DT, X; dims)`, which asks a matrix to say its dims.
 */
function variablePositions(a: JArray, dims: number | undefined): number[][] {
  if (a.ndims === 1) {
    if (dims !== undefined && dims !== 1) fail(`standardize: dims must be 1 for a vector, got ${dims}`);
    return [a.data.map((_, k) => k)];
  }
  if (a.ndims !== 2) return fail(`standardize needs a vector or a matrix, got ${describe(a)}`);
  if (dims === undefined) return fail('standardize of a matrix needs `dims = 1` (each column a variable) or `dims = 2` (each row a variable)');
  if (dims !== 1 && dims !== 2) fail(`standardize: dims must be 1 or 2, got ${dims}`);
  const [rows, cols] = a.shape as [number, number];
  if (dims === 1) return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => i + j * rows));
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => i + j * rows));
}

/**
 * StatsBase's `standardize(ZScoreTransform, X; dims, center, scale)`, (x − mean) / std with the corrected std,
 * and `standardize(UnitRangeTransform, X; dims, unit)`, (x − min) / (max − min): how Statistical Rethinking's
 * scripts scale their data.
 */
function standardize(transform: Value, x: Value, kwargs: ReadonlyMap<string, Value>): JArray {
  const kind = transform instanceof JType ? transform.name : undefined;
  if (kind !== 'ZScoreTransform' && kind !== 'UnitRangeTransform') return fail(`standardize needs ZScoreTransform or UnitRangeTransform first, got ${describe(transform)}`);
  allowKwargs('standardize', kwargs, kind === 'ZScoreTransform' ? ['dims', 'center', 'scale'] : ['dims', 'unit']);
  if (!isArrayValue(x)) return fail(`standardize needs a vector or a matrix, got ${describe(x)}`);
  const a = materialize(x);
  const xs = realsOf(a, 'standardize');
  const out: Real[] = xs.slice();
  const dims = kwargs.has('dims') && kwargs.get('dims') !== NOTHING ? toInt(kwargs.get('dims')!, 'standardize: dims') : undefined;
  for (const positions of variablePositions(a, dims)) {
    const values = positions.map((k) => xs[k]!);
    if (kind === 'ZScoreTransform') {
      const c = centred(values);
      const sd = ops.sqrt(ops.div(ops.dotOf(c, c), values.length - 1));
      const center = boolKwarg('standardize', kwargs, 'center', true);
      const scale = boolKwarg('standardize', kwargs, 'scale', true);
      positions.forEach((k, i) => (out[k] = scale ? ops.div(center ? c[i]! : values[i]!, sd) : center ? c[i]! : values[i]!));
    } else {
      const lo = values.reduce((m, v) => ops.min(m, v));
      const range = ops.sub(values.reduce((m, v) => ops.max(m, v)), lo);
      const unit = boolKwarg('standardize', kwargs, 'unit', true);
      positions.forEach((k, i) => (out[k] = ops.div(unit ? ops.sub(values[i]!, lo) : values[i]!, range)));
    }
  }
  return new JArray(a.shape.slice(), out, 'float');
}

export const covarianceBuiltins: Builtin[] = [
  builtin('standardize(ZScoreTransform, X; dims, center, scale) / standardize(UnitRangeTransform, X; dims, unit)', (args, kwargs) => {
    arity('standardize', args, 2, 2);
    return standardize(arg(args, 0), arg(args, 1), kwargs);
  }),
  pairwise('cov', covariance),
  pairwise('cor', (a, b) => correlation(a, b)),
  builtin('zscore(x) / zscore(X, dims)', (args, kwargs) => {
    arity('zscore', args, 1, 2);
    allowKwargs('zscore', kwargs);
    return zscore(arg(args, 0), args.length === 2 ? toInt(arg(args, 1), 'zscore: dims') : undefined);
  }),
];
