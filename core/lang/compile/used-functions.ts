import type * as A from '../ast.js';
import { diagnostic, JFunction, ModelError, type Diagnostic } from '../../model/index.js';
import { namesMentioned } from './walk.js';

/**
 * The file's plain functions that its models call, directly or through one another. A pasted script's
 * other functions (Turing's cross-validation helper, a plotting routine) only serve its top-level lines.
 * A model that makes one of the file's distribution types (`MyLaplace(μ, b)`) calls its methods, `methods` by type.
 */
export function functionsOfModels(definitions: readonly A.FunctionDef[], methods: ReadonlyMap<string, readonly A.FunctionDef[]> = new Map()): Set<A.FunctionDef> {
  const byName = new Map<string, A.FunctionDef[]>();
  for (const def of definitions) if (def.kind === 'function') byName.set(def.name, [...(byName.get(def.name) ?? []), def]);
  for (const [type, own] of methods) byName.set(type, [...(byName.get(type) ?? []), ...own]);
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

/**
 * What the definitions the parser could not read come to: their errors where a model mentions their name, else one
 * warning each, in the words used for a helper Tilde can read but not run.
 */
export function unreadDefinitions(source: string, program: A.Program, used: ReadonlySet<A.FunctionDef>): Diagnostic[] {
  if (program.unread.length === 0) return [];
  const mentioned = namesOfModels(program.definitions, used);
  return program.unread.flatMap((u) => {
    if (mentioned.has(u.name)) return u.errors;
    const first = u.errors[0]!;
    return [diagnostic(source, u.nameSpan, `\`${u.name}\` is not used by a model, and Tilde cannot read all of it (line ${first.line}: ${first.message}): a top-level line that calls it is ignored`, 'warning')];
  });
}

/** What an unread definition's name stands for: a call fails with why it could not be read, not as an unknown function. */
export function unreadFunction(u: A.UnreadDefinition): JFunction {
  const first = u.errors[0]!;
  return new JFunction(u.name, () => {
    throw new ModelError(`\`${u.name}\` could not be read (line ${first.line}: ${first.message})`, undefined);
  });
}

/** Every name the file's models mention, themselves or through the functions they call (`functionsOfModels`). */
function namesOfModels(definitions: readonly A.FunctionDef[], used: ReadonlySet<A.FunctionDef>): Set<string> {
  const names = new Set<string>();
  for (const def of definitions) {
    if (def.kind !== 'model' && !used.has(def)) continue;
    const defaults = [...def.params, ...def.kwparams].flatMap((p) => (p.default ? [p.default] : []));
    for (const name of namesMentioned(def.body, defaults)) names.add(name);
  }
  return names;
}
