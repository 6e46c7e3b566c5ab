import type * as A from '../ast.js';
import { namesMentioned } from './walk.js';

/**
 * The file's plain functions that its models call, directly or through one another. A pasted script's
 * other functions (Turing's cross-validation helper, a plotting routine) only serve its top-level lines.
 */
export function functionsOfModels(definitions: readonly A.FunctionDef[]): Set<A.FunctionDef> {
  const byName = new Map<string, A.FunctionDef[]>();
  for (const def of definitions) if (def.kind === 'function') byName.set(def.name, [...(byName.get(def.name) ?? []), def]);
  const used = new Set<A.FunctionDef>();
  const pending = definitions.filter((d) => d.kind === 'model');
  for (let def = pending.pop(); def !== undefined; def = pending.pop()) {
    const defaults = [...def.params, ...def.kwparams].flatMap((p) => (p.default ? [p.default] : []));
    for (const name of namesMentioned(def.body, defaults)) {
      for (const f of byName.get(name) ?? []) {
        if (used.has(f)) continue;
        used.add(f);
        pending.push(f);
      }
    }
  }
  return used;
}
