import { value } from '../../ad/index.js';
import { JArray, JChar, JDate, JDateTime, JDict, JPeriod, JFunction, JNamedTuple, JRange, JSymbol, JTuple, JType, MISSING, NOTHING, describe, isReal, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { Pair } from '../runtime/pair.js';
import { elementOf, isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { builtin, allowKwargs, type Builtin } from './define.js';

/**
 * `string(xs...)`: the values as Julia prints them, one after the other. Numbers hold no Int/Float64 distinction
 * here, so a whole number prints as an Int does (`2`, where Julia prints a Float64 2.0 as `2.0`).
 */

/**
 * Julia's shortest form of a number: a float plain between 1e-5 and 1e6 (`2.0`, `0.25`), else `1.0e-5`,
 * `1.234567e6`. `float` says whether x is known to be a Float64: a whole number prints as an Int otherwise.
 */
function numberText(x: number, float = false): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : float ? '0.0' : '0';
  if (Number.isInteger(x) && !float && Math.abs(x) < 1e16) return String(x);
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e6) return Number.isInteger(x) ? `${x}.0` : String(x);
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exponent.replace('+', '')}`;
}

/** `show`: how a value appears inside a collection, where strings and characters keep their quotes. */
function shown(v: Value, float = false): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JChar) return `'${v.value}'`;
  if (v instanceof JSymbol) return `:${v.name}`;
  if (v instanceof JDate) return `Date("${v.toString()}")`;
  if (v instanceof JDateTime) return `DateTime("${v.toString()}")`;
  if (v instanceof JPeriod) return `${v.unit}(${v.value})`;
  if (float && isReal(v)) return numberText(value(v), true);
  return printed(v);
}

/** A number that is not whole is a Float64, and so are the other numbers of its array or range. */
function hasFraction(xs: readonly Value[]): boolean {
  return xs.some((x) => isReal(x) && !Number.isInteger(value(x)));
}

function arrayText(v: JArray | JRange, shape: readonly number[]): string {
  const items = Array.from({ length: v.length }, (_, k) => elementOf(v, k));
  const float = hasFraction(items);
  const at = (k: number): string => shown(items[k]!, float);
  if (shape.length === 1) return `[${Array.from({ length: shape[0]! }, (_, k) => at(k)).join(', ')}]`;
  if (shape.length !== 2) return fail(`string of ${describe(v)} is not supported`);
  const [rows, cols] = shape as [number, number];
  const row = (i: number): string => Array.from({ length: cols }, (_, j) => at(i + j * rows)).join(' ');
  return `[${Array.from({ length: rows }, (_, i) => row(i)).join('; ')}]`;
}

/** `a:b` or `a:s:b`, floats printed as floats when any of them is one. */
function rangeText(r: JRange): string {
  const float = hasFraction([r.start, r.step]);
  const parts = r.step === 1 && !float ? [r.start, r.last] : [r.start, r.step, r.last];
  return parts.map((x) => numberText(x, float)).join(':');
}

/** `print`: the value as text. */
function printed(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (isReal(v)) return numberText(value(v));
  if (v instanceof JChar) return v.value;
  if (v instanceof JSymbol) return v.name;
  if (v === MISSING || v === NOTHING || v instanceof JType || v instanceof JDate || v instanceof JDateTime || v instanceof JPeriod) return v.toString();
  if (v instanceof JFunction) return v.name;
  if (v instanceof JRange) return rangeText(v);
  if (isArrayValue(v)) return arrayText(v, shapeOfArray(v));
  if (v instanceof Pair) return `${shown(v.first)} => ${shown(v.second)}`;
  if (v instanceof JTuple) return v.items.length === 1 ? `(${shown(v.items[0]!)},)` : `(${v.items.map((x) => shown(x)).join(', ')})`;
  // Julia names the types only where its entries would not give them: an empty Dict, or one of Any.
  if (v instanceof JDict) {
    const named = v.size === 0 || v.keyType.name === 'Any' || v.valueType.name === 'Any';
    // A Float64 Dict's whole numbers print as floats, as Julia prints what it stored (`Dict("a" => 1.0)`).
    const float = (t: JType) => t.name === 'Float64';
    return `${named ? v.typeText : v.kind}(${[...v.entries.values()].map((e) => `${shown(e.key, float(v.keyType))} => ${shown(e.value, float(v.valueType))}`).join(', ')})`;
  }
  if (v instanceof JNamedTuple) return `(${[...v.entries].map(([k, x]) => `${k} = ${shown(x)}`).join(', ')}${v.entries.size === 1 ? ',' : ''})`;
  return fail(`string of ${describe(v)} is not supported`);
}

export const stringBuiltins: Builtin[] = [
  builtin('string(xs...)', (args, kwargs) => {
    allowKwargs('string', kwargs);
    return args.map(printed).join('');
  }),
];
