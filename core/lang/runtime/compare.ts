import { value } from '../../ad/index.js';
import { JArray, JChar, JDict, JFunction, JNamedTuple, JRange, JTuple, JType, MISSING, describe, isDistribution, isReal, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { numeric } from './scalars.js';
import { elementOf, isArrayValue, sameShape, shapeOfArray } from './shape.js';
import { isSubtype } from './subtypes.js';
import { DistributionType, isaType, namedType } from './types.js';
import { dependsOn } from './dependence.js';
import { isApprox } from './approx.js';
import { Pair } from './pair.js';
import { dictKey } from './dict.js';
import { dateOrder } from './dates.js';

/** Comparisons, which always produce a Bool: `==` with `missing` is an error rather than Julia's `missing`. */

function missingComparison(op: string): never {
  return fail(`\`${op}\` with missing gives missing, which is not a Bool; use ismissing(x) or x === missing`);
}

function isEqual(a: Value, b: Value): boolean {
  if (a === MISSING || b === MISSING) missingComparison('==');
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined || y !== undefined) {
    dependsOn('a comparison (`==`)', [x, y]);
    return x !== undefined && y !== undefined && value(x) === value(y);
  }
  if (isArrayValue(a) && isArrayValue(b)) {
    if (!sameShape(shapeOfArray(a), shapeOfArray(b))) return false;
    const n = a.length;
    for (let k = 0; k < n; k++) if (!isEqual(elementOf(a, k), elementOf(b, k))) return false;
    return true;
  }
  // `(1 => 2) != (1, 2)` in Julia, though a Pair is a tuple to indexing and iteration.
  if (a instanceof Pair !== b instanceof Pair) return false;
  if (a instanceof JTuple && b instanceof JTuple) return a.items.length === b.items.length && a.items.every((v, i) => isEqual(v, b.items[i]!));
  if (a instanceof JNamedTuple && b instanceof JNamedTuple) return sameNamedTuple(a, b);
  if (a instanceof JChar && b instanceof JChar) return a.value === b.value;
  if (a instanceof JType || b instanceof JType) return sameType(a, b);
  const [da, db] = [dateOrder(a), dateOrder(b)];
  if (da !== undefined && db !== undefined) return da.kind === db.kind && da.at === db.at;
  if (a instanceof JDict && b instanceof JDict) return sameDict(a, b);
  return a === b;
}

/** Julia's `==` on Dicts: the same keys, with equal values, in any order. */
function sameDict(a: JDict, b: JDict): boolean {
  if (a.size !== b.size) return false;
  return [...a.entries].every(([key, e]) => {
    const other = b.entries.get(key);
    return other !== undefined && isEqual(e.value, other.value);
  });
}

/** Julia's `==` on named tuples: the same names in the same order, and equal values. */
function sameNamedTuple(a: JNamedTuple, b: JNamedTuple): boolean {
  if (a.entries.size !== b.entries.size) return false;
  const bs = [...b.entries];
  return [...a.entries].every(([name, v], k) => bs[k]![0] === name && isEqual(v, bs[k]![1]));
}

/**
 * Julia's `isequal`: `==` except that NaN equals NaN, -0.0 differs from 0.0 and missing equals missing (a Bool
 * always), element by element for arrays and tuples.
 */
export function isEqualKey(a: Value, b: Value): boolean {
  if (a === MISSING || b === MISSING) return a === b;
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) {
    dependsOn('a comparison (`isequal`)', [x, y]);
    return Object.is(value(x), value(y));
  }
  if (isArrayValue(a) && isArrayValue(b)) {
    if (!sameShape(shapeOfArray(a), shapeOfArray(b))) return false;
    for (let k = 0; k < a.length; k++) if (!isEqualKey(elementOf(a, k), elementOf(b, k))) return false;
    return true;
  }
  if (a instanceof JTuple && b instanceof JTuple && a instanceof Pair === b instanceof Pair) return a.items.length === b.items.length && a.items.every((v, i) => isEqualKey(v, b.items[i]!));
  return isEqual(a, b);
}

/** `===`: Julia's egal. Bools are not numbers here (`true === 1` is false), and `0.0 !== -0.0`. */
function isIdentical(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (isReal(a) && isReal(b)) {
    dependsOn('a comparison (`===`)', [a, b]);
    return Object.is(value(a), value(b));
  }
  if (a instanceof JChar && b instanceof JChar) return a.value === b.value;
  if (a instanceof JType || b instanceof JType) return sameType(a, b);
  return a === b;
}

/** Two types, or a type and a name that stands for one (`typeof(p) == Params`, `typeof(:a) == Symbol`): the same type. */
function sameType(a: Value, b: Value): boolean {
  const [x, y] = [namedType(a), namedType(b)];
  return x !== undefined && y !== undefined && x.toString() === y.toString();
}

function contains(collection: Value, x: Value): boolean {
  if (collection instanceof JRange) {
    const v = numeric(x);
    if (v === undefined) return false;
    dependsOn('a membership test (`in`)', [v]);
    const k = (value(v) - collection.start) / collection.step;
    return Number.isInteger(k) && k >= 0 && k < collection.length;
  }
  if (collection instanceof JArray) return collection.data.some((e) => e !== undefined && isEqual(e, x));
  if (collection instanceof JTuple) return collection.items.some((e) => isEqual(e, x));
  if (collection instanceof JNamedTuple) return [...collection.entries.values()].some((e) => isEqual(e, x));
  if (collection instanceof JDict) {
    // Julia's `in` of a Dict looks for a pair; a key alone is an error there too.
    if (!(x instanceof Pair)) fail('a Dict holds pairs: write `(k => v) in d`, or `k in keys(d)` for a key (`haskey(d, k)`)');
    const entry = collection.entries.get(dictKey(x.first));
    return entry !== undefined && isEqual(entry.value, x.second);
  }
  return fail(`\`in\` needs a collection on the right, got ${describe(collection)}`);
}

function ordered(op: string, a: Value, b: Value): boolean {
  if (a === MISSING || b === MISSING) missingComparison(op);
  const x = numeric(a);
  const y = numeric(b);
  let av: number | string;
  let bv: number | string;
  if (x !== undefined && y !== undefined) {
    dependsOn(`a comparison (\`${op}\`)`, [x, y]);
    av = value(x);
    bv = value(y);
  } else if (typeof a === 'string' && typeof b === 'string') {
    av = a;
    bv = b;
  } else if (a instanceof JChar && b instanceof JChar) {
    av = a.value;
    bv = b.value;
  } else if (dateOrder(a) !== undefined && dateOrder(a)!.kind === dateOrder(b)?.kind) {
    av = dateOrder(a)!.at;
    bv = dateOrder(b)!.at;
  } else {
    const hint = isArrayValue(a) || isArrayValue(b) ? `; for elementwise comparison use \`.${op}\`` : '';
    return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}${hint}`);
  }
  switch (op) {
    case '<':
      return av < bv;
    case '>':
      return av > bv;
    case '<=':
    case '≤':
      return av <= bv;
    default:
      return av >= bv;
  }
}

/** A side of `<:`: a type, or a distribution family's constructor, which names its type when the other side is a family. */
function asType(op: string, v: Value, other: Value): JType {
  if (v instanceof JFunction && other instanceof DistributionType) return new JType(v.name);
  return namedType(v) ?? fail(`both sides of \`${op}\` must be types, got ${describe(v)}; \`typeof(x)\` is the type of a value`);
}

export function compareOp(op: string, a: Value, b: Value): boolean {
  switch (op) {
    case '==':
      return isEqual(a, b);
    case '!=':
    case '≠':
      return !isEqual(a, b);
    case '===':
    case '≡':
      return isIdentical(a, b);
    case '!==':
    case '≢':
      return !isIdentical(a, b);
    case '≈':
      return isApprox(a, b, {}, op);
    case '≉':
      return !isApprox(a, b, {}, op);
    case 'in':
    case '∈':
      return contains(b, a);
    case '∉':
      return !contains(b, a);
    case 'isa': {
      // A distribution's constructor names its type: `d isa Normal`.
      if (b instanceof JFunction && isDistribution(a)) return a.family === b.name;
      const t = namedType(b);
      if (t === undefined) return fail(`the right side of \`isa\` must be a type, got ${describe(b)}`);
      return isaType(a, t);
    }
    case '<:':
    case '>:': {
      const [sub, sup] = op === '<:' ? [a, b] : [b, a];
      return isSubtype(asType(op, sub, sup), asType(op, sup, sub));
    }
    case '<':
    case '>':
    case '<=':
    case '>=':
    case '≤':
    case '≥':
      return ordered(op, a, b);
  }
  return fail(`unknown comparison ${op}`);
}
