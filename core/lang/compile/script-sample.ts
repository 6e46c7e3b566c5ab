import { value } from '../../ad/index.js';
import type * as A from '../ast.js';
import { JArray, JRange, JTuple, JType, ModelError, describe, type Value } from '../../model/index.js';
import type { Rng } from '../../rng/index.js';
import { scriptToolNote } from '../script-tools.js';
import { dimsFrom } from '../builtins/dims.js';
import { boolKwarg, allowKwargs } from '../builtins/define.js';
import { realsOf } from '../runtime/convert.js';
import { iterate, product } from '../runtime/index.js';

/** StatsBase's weight vectors (`Weights(p)`, `pweights(p)` …): vectors, which `sample` draws in proportion to. */
export class WeightVector extends JArray {
  constructor(weights: readonly number[]) {
    super([weights.length], weights.slice(), 'float');
  }
}

export function weightVector(name: string, v: Value): WeightVector {
  const w = realsOf(v, name).map(value);
  if (w.some((x) => !(x >= 0))) throw new ModelError(`${name}: weights must be non-negative numbers, got ${describe(v)}`, undefined);
  return new WeightVector(w);
}

/** An index into `weights`, drawn in proportion to them. */
function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new ModelError('sample: the weights sum to 0', undefined);
  let u = rng.uniform() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
}

/** `k` indices into `n` items, with or without replacement, uniformly or by `weights` (without replacement: one at a time, each in proportion to the weights left). */
function indices(rng: Rng, n: number, k: number, replace: boolean, weights: readonly number[] | undefined): number[] {
  if (replace) return Array.from({ length: k }, () => (weights ? weightedIndex(rng, weights) : rng.integer(0, n - 1)));
  if (k > n) throw new ModelError(`sample: cannot draw ${k} items without replacement from ${n}`, undefined);
  const left = Array.from({ length: n }, (_, i) => i);
  const w = weights?.slice();
  const picked: number[] = [];
  for (let j = 0; j < k; j++) {
    const at = w ? weightedIndex(rng, w) : rng.integer(0, left.length - 1);
    picked.push(left[at]!);
    left.splice(at, 1);
    w?.splice(at, 1);
  }
  return picked;
}

/** What StatsBase's `sample` draws from; Turing's takes a model instead. */
export function isCollection(v: Value | undefined): v is JArray | JRange | JTuple {
  return v instanceof JArray || v instanceof JRange || v instanceof JTuple;
}

/**
 * `sample(x, n)` (or `sample(rng, x, n)`) with `x` a constant of the file holding a collection: StatsBase's, which the
 * call's syntax alone leaves open (see calls.ts `isCollectionSample`), told by the constant's value.
 */
export function samplesNamedCollection(call: A.Call, valueOf: (name: string) => Value | undefined): boolean {
  const [first, second] = call.args.map((a) => (a.kind === 'ident' ? valueOf(a.name) : undefined));
  const generator = first instanceof JType && first.name === 'AbstractRNG';
  return isCollection(generator ? second : first);
}

/**
 * StatsBase's `sample([rng,] a, [wv,] [n or dims]; replace = true, ordered = false)` in a script's top-level lines:
 * items of the collection `a`, drawn by Tilde's generator (the same distribution as Julia's, other items). Anything
 * else is Turing's `sample(model, …)`, which a line does not run.
 */
export function collectionSample(rng: Rng, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  const [a, ...rest] = args;
  if (!isCollection(a)) throw new ModelError(scriptToolNote('sample')!, undefined);
  allowKwargs('sample', kwargs, ['replace', 'ordered']);
  const items = [...iterate(a)];
  const first = rest[0];
  const weights = first instanceof WeightVector ? first.data.map((x) => x as number) : undefined;
  if (weights && weights.length !== items.length) throw new ModelError(`sample: ${weights.length} weights for ${items.length} items`, undefined);
  const shape = dimsFrom('sample', weights ? rest.slice(1) : rest);
  if (items.length === 0) throw new ModelError('sample from an empty collection', undefined);
  const picked = indices(rng, items.length, product(shape), boolKwarg('sample', kwargs, 'replace', true), weights);
  if (boolKwarg('sample', kwargs, 'ordered', false)) picked.sort((x, y) => x - y);
  const drawn = picked.map((i) => items[i]!);
  return shape.length === 0 ? drawn[0]! : new JArray(shape, drawn, 'any');
}
