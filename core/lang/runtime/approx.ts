import { value } from '../../ad/index.js';
import { describe, JArray, JRange, MISSING, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { dependsOn } from './dependence.js';
import { numeric } from './scalars.js';
import { elementTypeOfArray } from './types.js';
import { isArrayValue, sameShape, shapeOfArray, elementOf, dimsText } from './shape.js';

/** The keywords of Julia's `isapprox`; a missing rtol is Julia's default (see `relative`). */
export interface Tolerance {
  atol?: number;
  rtol?: number;
  nans?: boolean;
}

const SQRT_EPS = Math.sqrt(Number.EPSILON);

/**
 * Julia's `rtoldefault` of one argument: 0 for integers and Bools, √eps for floats. An integral plain number
 * counts as an Int, as `x isa Int` has it (numbers do not remember how they were written); an array goes by its
 * element type.
 */
function defaultRelative(v: Value): number {
  if (typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v))) return 0;
  if (v instanceof JArray || v instanceof JRange) {
    const t = elementTypeOfArray(v);
    return t === 'int' || t === 'bool' ? 0 : SQRT_EPS;
  }
  return SQRT_EPS;
}

/** Julia's default rtol: 0 when atol > 0, else the larger of the arguments' defaults, so that two Ints compare exactly. */
function relative(tol: Tolerance, a: Value, b: Value): number {
  return tol.rtol ?? ((tol.atol ?? 0) > 0 ? 0 : Math.max(defaultRelative(a), defaultRelative(b)));
}

function scalarApprox(x: number, y: number, tol: Tolerance, rtol: number): boolean {
  const atol = tol.atol ?? 0;
  return (
    x === y ||
    (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= Math.max(atol, rtol * Math.max(Math.abs(x), Math.abs(y)))) ||
    (tol.nans === true && Number.isNaN(x) && Number.isNaN(y))
  );
}

/** The 2-norm, without overflow for large elements (LinearAlgebra's norm scales likewise). */
function norm(xs: readonly number[]): number {
  return xs.reduce((h, v) => Math.hypot(h, v), 0);
}

/** The plain values of an array's elements, which must all be numbers. */
function numbersOf(a: Value, op: string): number[] {
  if (!isArrayValue(a)) return fail(`\`${op}\` is not defined for ${describe(a)}`);
  return Array.from({ length: a.length }, (_, k) => {
    const r = numeric(elementOf(a, k));
    if (r === undefined) return fail(`\`${op}\` compares numbers, got ${describe(elementOf(a, k))} in ${describe(a)}`);
    dependsOn(`a comparison (\`${op}\`)`, [r]);
    return value(r);
  });
}

/**
 * Julia's `isapprox` / `≈`: numbers within max(atol, rtol·max(|x|, |y|)) of each other (or equal); arrays by
 * the norm of their difference against their norms, element by element where that norm is not finite.
 */
export function isApprox(a: Value, b: Value, tol: Tolerance = {}, op = 'isapprox'): boolean {
  if (a === MISSING || b === MISSING) return fail(`\`${op}\` with missing gives missing, which is not a Bool; use ismissing(x)`);
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) {
    dependsOn(`a comparison (\`${op}\`)`, [x, y]);
    return scalarApprox(value(x), value(y), tol, relative(tol, a, b));
  }
  if (!isArrayValue(a) || !isArrayValue(b)) return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
  if (!sameShape(shapeOfArray(a), shapeOfArray(b))) fail(`\`${op}\`: dimension mismatch: ${dimsText(shapeOfArray(a))} and ${dimsText(shapeOfArray(b))}`);
  const xs = numbersOf(a, op);
  const ys = numbersOf(b, op);
  const rtol = relative(tol, a, b);
  const d = norm(xs.map((v, k) => v - ys[k]!));
  if (!Number.isFinite(d)) return xs.every((v, k) => scalarApprox(v, ys[k]!, tol, rtol));
  return rtol === 0 ? d <= (tol.atol ?? 0) : d <= Math.max(tol.atol ?? 0, rtol * Math.max(norm(xs), norm(ys)));
}
