import { value, type Real } from '../../ad/index.js';
import { JArray, JRange, JTuple, isReal, describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { positionText } from './shape.js';
import { dependsOn } from './dependence.js';

/** Julia's conversions at the boundary between values and the numbers the engine computes with. */

/** Julia accepts only Bool in `if`, `while`, `&&`, `||` and `?:`. */
export function truthy(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  return fail(`non-boolean (${describe(v)}) used in boolean context`);
}

export function toReal(v: Value, what: string): Real {
  if (typeof v === 'number' || isReal(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return fail(`${what} must be a number, got ${describe(v)}`);
}

/** An integral number (a parameter's primal value counts: sizes may come from data or parameters alike). */
export function toInt(v: Value, what: string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isReal(v)) {
    dependsOn(what, [v]);
    const x = value(v);
    if (Number.isInteger(x)) return x;
    return fail(`${what} must be an integer, got ${x}`);
  }
  return fail(`${what} must be an integer, got ${describe(v)}`);
}

/**
 * realsOf for a reader that keeps nothing: an array that holds only numbers is read in place, not copied (`dot(r, β)`
 * over a thousand rows made two arrays per row).
 */
export function realsIn(v: Value, what: string): readonly Real[] {
  if (!(v instanceof JArray)) return realsOf(v, what);
  const data = v.data;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (typeof x !== 'number' && !isReal(x)) return realsOf(v, what);
  }
  return data as readonly Real[];
}

/** The numbers of an array, range, tuple or single number, for reductions and linear algebra. */
export function realsOf(v: Value, what: string): Real[] {
  if (v instanceof JRange) {
    const out: Real[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v.at(i);
    return out;
  }
  if (v instanceof JArray) {
    const out: Real[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v.data[i];
      if (typeof x === 'number' || isReal(x)) out[i] = x;
      else if (typeof x === 'boolean') out[i] = x ? 1 : 0;
      else if (x === undefined) fail(`${what}: element ${positionText(v.shape, i)} is used before it is assigned`);
      else fail(`${what}: element ${positionText(v.shape, i)} is ${describe(x)}, not a number`);
    }
    return out;
  }
  if (v instanceof JTuple) return v.items.map((x, i) => toReal(x, `${what}: element ${i + 1}`));
  return [toReal(v, what)];
}
