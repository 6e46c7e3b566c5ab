import type * as A from '../ast.js';
import { JArray, JType, MISSING, ModelError, describe, type Value } from '../../model/index.js';
import { isaType } from '../runtime/types.js';
import { annotation } from './dispatch.js';

/**
 * Julia refuses a call whose arguments do not fit the model's annotations (a MethodError), and running it anyway
 * misreads the data: `N::Int` given 2.5 made `1:N` two iterations, a matrix given for `y::Vector{Float64}` was read
 * as its elements in column order. Data holding missing values passes: Tilde samples them whatever the annotation.
 */
export function checkArgumentTypes(def: A.FunctionDef, args: ReadonlyMap<string, Value>): void {
  for (const p of [...def.params, ...def.kwparams]) {
    const v = args.get(p.name);
    const t = v === undefined || v === MISSING || p.splat ? undefined : declaredType(p);
    if (t === undefined || v === undefined || (v instanceof JArray && v.data.includes(MISSING))) continue;
    if (isaType(v, t)) continue;
    const inner = t.params[0];
    const element = inner && v instanceof JArray && isaType(v, new JType(t.name)) ? v.data.findIndex((x) => x === undefined || !isaType(x, inner)) : -1;
    const given = element >= 0 ? `${describe(v)} whose element [${element + 1}] is ${describe((v as JArray).data[element])}` : describe(v);
    throw new ModelError(`\`${p.name}\` is declared \`::${t.toString()}\`, but the data gives ${given}: give data of that type, or change the annotation`, p.span);
  }
}

/** The annotation with its element type where both are types Tilde knows (`Vector{Float64}`); else the outer type alone. */
function declaredType(p: A.Param): JType | undefined {
  const outer = annotation(p);
  if (outer === undefined || p.type?.kind !== 'curly' || p.type.params.length !== 1) return outer;
  const inner = p.type.params[0]!;
  if (inner.kind !== 'ident') return outer;
  const element = annotation({ ...p, type: inner });
  return element === undefined ? outer : new JType(outer.name, [element]);
}
