import type * as A from '../ast.js';
import { JArray, JFunction, MISSING, describe, type Value } from '../../model/index.js';
import { compareOp } from '../runtime/index.js';
import { fail } from '../runtime/errors.js';
import { fn } from './define.js';
import { rewritten } from './rewrite.js';

/**
 * CategoricalArrays' `categorical(x; levels)`: the values as they are (so `x .== "rural"` and `unique(x)` still work),
 * with the levels their codes count in, sorted unless given.
 */
export class CategoricalVector extends JArray {
  constructor(
    values: JArray,
    readonly levels: readonly Value[],
  ) {
    super([values.length], values.data.slice(), values.eltype);
  }
}

/** What `levelcode.(x)` is compiled to: the codes of a whole vector, as an element alone does not know its levels. */
const LEVELCODES = '⟨levelcodes⟩';

/** Julia's `isless` order of a vector's distinct values other than `missing`: CategoricalArrays' default levels. */
function sortedLevels(x: JArray): Value[] {
  const distinct: Value[] = [];
  for (const v of x.data as Value[]) if (v !== MISSING && !distinct.some((d) => compareOp('==', d, v) === true)) distinct.push(v);
  return distinct.sort((a, b) => (compareOp('<', a, b) === true ? -1 : compareOp('<', b, a) === true ? 1 : 0));
}

const vectorOf = (name: string, v: Value | undefined): JArray => (v instanceof JArray && v.ndims === 1 ? v : fail(`${name} takes a vector, got ${v === undefined ? 'nothing' : describe(v)}`));

/** The levels of a categorical vector, or of a plain one as `categorical` would make them (DataAPI's `levels`). */
const levelsOf = (x: JArray): readonly Value[] => (x instanceof CategoricalVector ? x.levels : sortedLevels(x));

/** Each value's level, counted from 1; only a categorical vector has levels to count in, as in Julia. */
function codes(x: JArray): JArray {
  if (!(x instanceof CategoricalVector)) fail('levelcode takes a categorical vector: `levelcode.(categorical(x))`');
  const levels = x.levels;
  return JArray.vector(
    (x.data as Value[]).map((v) => {
      if (v === MISSING) return MISSING;
      const k = levels.findIndex((l) => compareOp('==', l, v) === true);
      return k >= 0 ? k + 1 : fail(`levelcode: ${describe(v)} is not one of the levels (${levels.map((l) => describe(l)).join(', ')})`);
    }),
    x.data.includes(MISSING) ? 'any' : 'int',
  );
}

/** CategoricalArrays' `categorical`, `levels` and `levelcode` for a script's top-level lines (`levelcode.(categorical(df.county))`). */
export const categoricalFunctions: [string, JFunction][] = [
  fn('categorical', ([x], kwargs) => {
    const values = vectorOf('categorical', x);
    const given = kwargs.get('levels');
    return new CategoricalVector(values, given === undefined ? sortedLevels(values) : (vectorOf('categorical: levels', given).data as Value[]));
  }),
  fn('levels', ([x]) => JArray.vector([...levelsOf(vectorOf('levels', x))])),
  fn(LEVELCODES, ([x]) => codes(vectorOf('levelcode', x))),
  fn('levelcode', () => fail('levelcode is taken of a whole categorical vector here: write `levelcode.(categorical(x))`')),
];

/** `levelcode.(x)` as the codes of the whole vector `x`, whose elements alone do not know their levels. */
export function wholeLevelcodes(e: A.Expr, inside: (e: A.Expr) => A.Expr | undefined): A.Expr | undefined {
  if (e.kind !== 'call' || !e.broadcast || e.callee.kind !== 'ident' || e.callee.name !== 'levelcode' || e.args.length !== 1) return undefined;
  return { ...e, callee: { ...e.callee, name: LEVELCODES }, args: [rewritten(e.args[0]!, inside)], broadcast: false };
}
