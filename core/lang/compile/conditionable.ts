import type * as A from '../ast.js';
import { modelObjectOf } from './script-data.js';
import { tildeRoots, tildes } from './walk.js';

/**
 * The random variables of `def` that data or `condition` may give values: its `~` left sides that are not
 * arguments, and those of the submodels it runs without a prefix (`to_submodel(inner(x), false)`, the older
 * `@submodel z = inner(x)`), whose variables keep their own names. A prefixed submodel's variables (`x.a`)
 * are found by their root `x` (see namesRandomVariable).
 */
export function conditionableNames(def: A.FunctionDef, models: ReadonlyMap<string, A.FunctionDef>, visiting: Set<A.FunctionDef> = new Set()): Set<string> {
  const args = new Set([...def.params, ...def.kwparams].map((p) => p.name));
  const names = new Set([...tildeRoots(def.body)].filter((n) => !args.has(n)));
  visiting.add(def);
  for (const st of tildes(def.body)) {
    const inner = unprefixedSubmodel(st.rhs, models);
    if (inner === undefined || visiting.has(inner)) continue;
    for (const name of conditionableNames(inner, models, visiting)) names.add(name);
  }
  visiting.delete(def);
  return names;
}

/** The model `to_submodel(inner(…), false)` runs, when written so. */
function unprefixedSubmodel(rhs: A.Expr, models: ReadonlyMap<string, A.FunctionDef>): A.FunctionDef | undefined {
  if (rhs.kind !== 'call' || rhs.callee.kind !== 'ident' || rhs.callee.name !== 'to_submodel') return undefined;
  const [model, prefixed] = rhs.args;
  if (model === undefined || prefixed?.kind !== 'bool' || prefixed.value) return undefined;
  const name = modelObjectOf(model, new Set(models.keys()));
  return name === undefined ? undefined : models.get(name);
}
