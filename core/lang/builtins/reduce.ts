import type { Real } from '../../ad/index.js';
import { JArray, JTuple, describe, type Value } from '../../model/index.js';
import { broadcast } from '../runtime/broadcast.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { arrayOf, isArrayValue, materialize, product } from '../runtime/shape.js';
import { asCallable, isCallable } from './callable.js';
import { allowKwargs, arity, builtin, type Builtin } from './define.js';

/**
 * The shape shared by every reduction: `f(x)`, `f(g, x)` (g applied to each element first) and
 * `f(x; dims = d)`, which reduces along d and keeps it as a singleton dimension, as Julia does.
 */

export type Reducer = (xs: Real[], kwargs: ReadonlyMap<string, Value>) => Value;

/** The `dims` keyword, one dimension or a tuple of them, as 0-based dimensions. */
export function dimsList(name: string, dims: Value): number[] {
  const list = dims instanceof JTuple ? dims.items : [dims];
  return list.map((d) => {
    const k = toInt(d, `${name}: dims`);
    if (k < 1) fail(`${name}: dims must be positive, got ${k}`);
    return k - 1;
  });
}

function reduceDims(name: string, x: Value, dims: number[], reduce: (xs: Real[]) => Value): JArray {
  if (!isArrayValue(x)) return fail(`${name}: dims needs an array, got ${describe(x)}`);
  const a = materialize(x);
  const reals = realsOf(a, name);
  const outShape = a.shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const buckets: Real[][] = Array.from({ length: product(outShape) }, () => []);
  for (let k = 0; k < reals.length; k++) {
    let rest = k;
    let out = 0;
    let stride = 1;
    for (let d = 0; d < a.shape.length; d++) {
      const coord = rest % a.shape[d]!;
      rest = Math.floor(rest / a.shape[d]!);
      if (!dims.includes(d)) out += coord * stride;
      stride *= outShape[d]!;
    }
    buckets[out]!.push(reals[k]!);
  }
  return arrayOf(outShape, buckets.map(reduce));
}

/**
 * A reduction's fold operator, for Julia's `init` keyword: `sum(x; init = 1)` is `init + sum(x)`, and `init`
 * alone for an empty collection.
 */
export type Combine = (init: Value, reduced: Value) => Value;

export function reduction(signature: string, reduceAll: Reducer, extraKwargs: readonly string[] = [], combine?: Combine): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    arity(b.name, args, 1, 2);
    allowKwargs(b.name, kwargs, ['dims', ...extraKwargs, ...(combine ? ['init'] : [])]);
    const init = kwargs.get('init');
    const reduce: Reducer = init === undefined || combine === undefined ? reduceAll : (xs, kw) => (xs.length === 0 ? init : combine(init, reduceAll(xs, kw)));
    let x = args[args.length - 1]!;
    if (args.length === 2) {
      if (!isCallable(args[0])) fail(`${b.name}(f, x) needs a function first, got ${describe(args[0]!)}`);
      const f = asCallable(b.name, args[0]!);
      x = broadcast(f, [x]);
    }
    const dims = kwargs.get('dims');
    if (dims !== undefined) return reduceDims(b.name, x, dimsList(b.name, dims), (xs) => reduce(xs, kwargs));
    return reduce(realsOf(x, b.name), kwargs);
  });
  return b;
}
