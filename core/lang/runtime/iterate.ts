import { JArray, JChar, JDict, JNamedTuple, JRange, JTuple, MISSING, describe, isReal, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { ODESolution } from './ode-values.js';
import { Pair } from './pair.js';
import { elementAt } from './shape.js';

/** An iterable over n computed items; plain iterators because `for i in 1:n` is the hottest loop a model has. */
function indexed(n: number, at: (k: number) => Value): Iterable<Value> {
  return {
    [Symbol.iterator]() {
      let k = 0;
      return {
        next: (): IteratorResult<Value> => (k < n ? { value: at(k++), done: false } : { value: undefined, done: true }),
      };
    },
  };
}

/** Julia's iteration: ranges, arrays in column-major order, an ODE solution's states, tuples, a Dict's pairs, and a number (or missing) once. */
export function iterate(v: Value): Iterable<Value> {
  if (v instanceof JRange) return indexed(v.length, (k) => v.at(k));
  if (v instanceof ODESolution) return indexed(v.times, (k) => v.state(k));
  // Stored elements are iterated as they are (destructuring `α, β, γ, δ = p` in an ODE's right-hand side runs at every stage); a hole still stops with elementAt's error.
  if (v instanceof JArray) return v.data.includes(undefined) ? indexed(v.length, (k) => elementAt(v, k)) : (v.data as readonly Value[]);
  if (v instanceof JTuple) return v.items;
  if (isReal(v) || typeof v === 'boolean' || v === MISSING) return [v];
  if (typeof v === 'string') return Array.from(v, (c) => new JChar(c));
  if (v instanceof JNamedTuple) return v.entries.values();
  // A Dict's pairs in the order they were stored (see JDict), taken before the loop, which may change the Dict.
  if (v instanceof JDict) return [...v.entries.values()].map((e) => new Pair(e.key, e.value));
  return fail(`cannot iterate over ${describe(v)}`);
}
