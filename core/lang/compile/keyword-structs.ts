import type * as A from '../ast.js';
import { ModelError, type Value } from '../../model/index.js';
import { plainRuntime } from './plain-runtime.js';
import { Scope } from './scope.js';
import type { Ev } from './types.js';

/**
 * The fields of Base's `@kwdef` constructor, `Params(; a = …, b = …)`: each given by keyword or else its default,
 * which is computed with the fields before it in scope (`b = 2a`), as Julia's is. `compile` compiles a default,
 * once, at the first call (the file's functions it calls are compiled by then).
 */
export function keywordFields(def: A.StructDef, compile: (e: A.Expr, fields: ReadonlySet<string>) => Ev): (kwargs: ReadonlyMap<string, Value>) => Value[] {
  const names: ReadonlySet<string> = new Set(def.fields.map((f) => f.name));
  let defaults: (Ev | undefined)[] | undefined;
  return (kwargs) => {
    for (const k of kwargs.keys()) if (!names.has(k)) throw new ModelError(`${def.name} has no field ${k} (it has ${[...names].join(', ')})`, undefined);
    defaults ??= def.fields.map((f) => (f.default === undefined ? undefined : compile(f.default, names)));
    const scope = new Scope();
    const rt = plainRuntime();
    return def.fields.map((f, k) => {
      const v = kwargs.get(f.name) ?? defaults![k]?.(scope, rt);
      if (v === undefined) throw new ModelError(`\`${def.name}(; …)\` needs \`${f.name}\`, which has no default`, undefined);
      scope.declare(f.name, v);
      return v;
    });
  };
}
