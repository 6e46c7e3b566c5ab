import { value } from '../../ad/index.js';
import { JArray, describe, isReal, type Value } from '../../model/index.js';
import { expandTo } from './broadcast.js';
import { fail } from './errors.js';
import type { IndexValue } from './index-value.js';
import { locate, scalarOffset } from './locate.js';
import { dimsText, elementOf, isArrayValue, shapeOfArray } from './shape.js';

/** `x[i] = v` and `x[idx] .= v`. */

/**
 * The value as the array's element type stores it. A 'float' array takes any Real, AD values included:
 * Turing's "no method matching Float64(::Dual)" must have no counterpart here.
 */
export function convertForStore(a: { eltype: JArray['eltype'] }, v: Value): Value {
  switch (a.eltype) {
    case 'any':
      return v;
    case 'float':
      if (isReal(v)) return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      return fail(`cannot store ${describe(v)} in an array of numbers (Float64)`);
    case 'int':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (isReal(v)) {
        if (Number.isInteger(value(v))) return v;
        return fail(`cannot store ${value(v)} in an integer array (Julia's InexactError): one written with integers, as \`[0, 0]\`, holds Ints; write \`[0.0, 0.0]\` or \`zeros(n)\` for one that holds any number`);
      }
      return fail(`cannot store ${describe(v)} in an integer array`);
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 0 || v === 1) return v === 1;
      return fail(`cannot store ${describe(v)} in a Bool array`);
  }
}

export function setIndex(target: JArray, indices: IndexValue[], v: Value, dotted: boolean): void {
  if (target.frozen) fail(`cannot assign into ${describe(target)} that is read-only (model data or a structured matrix); assign into a copy`);
  const k = scalarOffset(target, indices);
  if (k !== undefined && !(dotted && isArrayValue(v))) {
    target.data[k] = convertForStore(target, v);
    return;
  }
  const loc = locate(target, target.shape, indices);
  const data = target.data;
  if (loc.shape.length === 0) {
    if (dotted && isArrayValue(v)) fail(`cannot broadcast ${dimsText(shapeOfArray(v))} into a single element`);
    data[loc.offsets[0]!] = convertForStore(target, v);
    return;
  }
  let values: Value[];
  if (dotted) {
    values = expandTo(v, loc.shape);
  } else {
    if (!isArrayValue(v)) return fail(`cannot assign ${describe(v)} to the ${loc.offsets.length} elements selected by the index; use \`.=\` to broadcast it`);
    if (v.length !== loc.offsets.length) fail(`dimension mismatch: cannot assign ${dimsText(shapeOfArray(v))} to ${dimsText(loc.shape)}`);
    values = Array.from({ length: v.length }, (_, k) => elementOf(v, k));
  }
  // Convert everything before writing anything, so a failed assignment leaves the array as it was.
  const converted = values.map((x) => convertForStore(target, x));
  loc.offsets.forEach((o, k) => {
    data[o] = converted[k]!;
  });
}
