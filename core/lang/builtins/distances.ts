import { ops, type Real } from '../../ad/index.js';
import { JArray, JFunction, describe, isReal, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { isArrayValue, materialize } from '../runtime/shape.js';
import { asCallable } from './callable.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';

/**
 * Distances.jl's metrics and `pairwise`, with which Gaussian processes written by hand build their distance
 * matrices (`pairwise(SqEuclidean(), X, dims=1)`). A metric is a function of two points, as in Distances
 * (`Euclidean()(a, b)`); a point is a vector, or a number where the collection is a vector of numbers. Built
 * from the AD operations, so positions that are parameters (a latent-variable GP) differentiate.
 */

type Metric = (a: readonly Real[], b: readonly Real[]) => Real;

function sameLength(name: string, a: readonly Real[], b: readonly Real[]): void {
  if (a.length !== b.length) fail(`${name}: the points have lengths ${a.length} and ${b.length} (DimensionMismatch)`);
}

const squared: Metric = (a, b) => ops.sumOf(a.map((x, i) => ops.square(ops.sub(x, b[i]!))));
const METRICS: [name: string, fn: string, metric: Metric][] = [
  ['SqEuclidean', 'sqeuclidean', squared],
  ['Euclidean', 'euclidean', (a, b) => ops.sqrt(squared(a, b))],
  ['Cityblock', 'cityblock', (a, b) => ops.sumOf(a.map((x, i) => ops.abs(ops.sub(x, b[i]!))))],
  ['Chebyshev', 'chebyshev', (a, b) => a.map((x, i) => ops.abs(ops.sub(x, b[i]!))).reduce((m, d) => ops.max(m, d))],
];

function point(name: string, v: Value): Real[] {
  if (isReal(v)) return [v];
  if (isArrayValue(v) && materialize(v).ndims === 1) return realsOf(materialize(v), name);
  return fail(`${name}: a point must be a number or a vector, got ${describe(v)}`);
}

/** The metric as a function of two points, the value `Euclidean()` stands for. */
function metricFunction(name: string, metric: Metric): JFunction {
  return new JFunction(`${name}()`, (args) => {
    arity(name, args, 2);
    const [a, b] = [point(name, arg(args, 0)), point(name, arg(args, 1))];
    sameLength(name, a, b);
    return metric(a, b);
  });
}

/** The points of a collection: a vector's elements, a matrix's columns (dims = 2, Distances' default) or rows. */
function points(name: string, v: Value, dims: number): Value[] {
  if (!isArrayValue(v)) return fail(`${name} needs a vector or a matrix of points, got ${describe(v)}`);
  const a = materialize(v);
  if (a.ndims === 1) return [...a.data] as Value[];
  if (a.ndims !== 2) return fail(`${name} needs a vector or a matrix of points, got ${describe(v)}`);
  if (dims !== 1 && dims !== 2) fail(`${name}: dims must be 1 (points are rows) or 2 (points are columns), got ${dims}`);
  const [rows, cols] = a.shape as [number, number];
  const xs = realsOf(a, name);
  if (dims === 2) return Array.from({ length: cols }, (_, j) => JArray.vector(xs.slice(j * rows, (j + 1) * rows), 'float'));
  return Array.from({ length: rows }, (_, i) => JArray.vector(Array.from({ length: cols }, (_, j) => xs[i + j * rows]!), 'float'));
}

const pairwise = builtin('pairwise(metric, X; dims = 2) / pairwise(metric, X, Y; dims = 2)', (args, kwargs) => {
  arity('pairwise', args, 2, 3);
  allowKwargs('pairwise', kwargs, ['dims']);
  const dims = kwargs.has('dims') ? toInt(kwargs.get('dims')!, 'pairwise: dims') : 2;
  const d = asCallable('pairwise', arg(args, 0));
  const xs = points('pairwise', arg(args, 1), dims);
  const symmetric = args.length === 2;
  const ys = symmetric ? xs : points('pairwise', arg(args, 2), dims);
  const out: Value[] = new Array(xs.length * ys.length);
  for (let j = 0; j < ys.length; j++) {
    // A metric is symmetric: of one collection's pairs, the upper triangle is computed and copied below.
    for (let i = 0; i < (symmetric ? j + 1 : xs.length); i++) {
      const v = d([xs[i]!, ys[j]!]);
      out[i + j * xs.length] = v;
      if (symmetric) out[j + i * xs.length] = v;
    }
  }
  return JArray.matrix(xs.length, ys.length, out, 'float');
});

const evaluate = builtin('evaluate(metric, a, b)', (args, kwargs) => {
  arity('evaluate', args, 3);
  allowKwargs('evaluate', kwargs);
  return asCallable('evaluate', arg(args, 0))([arg(args, 1), arg(args, 2)]);
});

export const distanceBuiltins: Builtin[] = [
  ...METRICS.flatMap(([name, fn, metric]): Builtin[] => {
    const f = metricFunction(name, metric);
    const constructor = builtin(`${name}()`, (args, kwargs) => {
      arity(name, args, 0);
      allowKwargs(name, kwargs);
      return f;
    });
    const direct = builtin(`${fn}(a, b)`, (args, kwargs) => {
      allowKwargs(fn, kwargs);
      return f.call(args, kwargs);
    });
    return [constructor, direct];
  }),
  pairwise,
  evaluate,
];
