import type * as A from '../ast.js';
import { JArray, JNamedTuple, JTuple, ModelError, describe, type Value } from '../../model/index.js';
import { arrayOf, getField, iterate } from '../runtime/index.js';
import { at } from './errors.js';
import type { Scope } from './scope.js';

/** Binds one name: declared in the scope (loop variables, parameters, `let`) or assigned by Julia's scope rules. */
export type Write = (s: Scope, name: string, v: Value) => void;

/** Binds the names of a pattern to the parts of a value. */
export type Destructure = (s: Scope, v: Value) => void;

/**
 * Julia's destructuring, for `a, b = x`, `for (i, v) in …`, `(; a, b) = nt` and `do (i, x)`: a tuple of
 * targets takes the values the right side iterates over (more are ignored, fewer are an error), its last
 * target may slurp the rest (`a, rest... = x`), `_` discards, and `(; a, b)` reads the fields `a` and `b`
 * of any value that has fields. Returns a message for a target that is none of these.
 */
export function destructure(target: A.Expr, write: Write): Destructure | string {
  switch (target.kind) {
    case 'ident': {
      const name = target.name;
      if (name === '_') return () => undefined;
      return (s, v) => write(s, name, v);
    }
    case 'namedtuple': {
      const names = target.fields.map((f) => f.name);
      return (s, v) => {
        for (const name of names) write(s, name, at(target.span, () => getField(v, name)));
      };
    }
    case 'tuple':
      return tuple(target, write);
    default:
      return 'the targets of a destructuring must be names, tuples of names or `(; a, b)`';
  }
}

function tuple(target: A.Tuple, write: Write): Destructure | string {
  const last = target.items[target.items.length - 1];
  const slurp = last?.kind === 'splat' ? last.expr : undefined;
  if (slurp && slurp.kind !== 'ident') return 'only a name can take the rest of a destructuring, as in `a, rest... = x`';
  const fixed = slurp ? target.items.slice(0, -1) : target.items;
  const parts: Destructure[] = [];
  for (const item of fixed) {
    if (item.kind === 'splat') return 'only the last name of a destructuring can take the rest, as in `a, rest... = x`';
    const part = destructure(item, write);
    if (typeof part === 'string') return part;
    parts.push(part);
  }
  const n = parts.length;
  const restName = slurp?.kind === 'ident' ? slurp.name : undefined;
  return (s, v) => {
    // A tuple is read in place: `a, b = f(x)` returning a tuple is the common case.
    const items = v instanceof JTuple ? v.items : [...at(target.span, () => iterate(v))];
    if (items.length < n) throw new ModelError(`cannot unpack ${shown(v)} into ${n} names${v instanceof JTuple && items.length === 1 && typeof items[0] === 'number' ? ' (`size` of a vector has one entry: does the data give a vector where the model expects a matrix?)' : ''}`, target.span);
    for (let k = 0; k < n; k++) parts[k]!(s, items[k]!);
    if (restName !== undefined) write(s, restName, rest(v, items, n));
  };
}

/** What `a, rest... = x` leaves for `rest` (Julia's Base.rest): a tuple or named tuple stays one; anything else becomes a vector. */
function rest(v: Value, items: readonly Value[], from: number): Value {
  if (v instanceof JTuple) return new JTuple(items.slice(from));
  if (v instanceof JNamedTuple) return new JNamedTuple(new Map([...v.entries].slice(from)));
  return v instanceof JArray ? JArray.vector(items.slice(from), v.eltype) : arrayOf([items.length - from], items.slice(from));
}

/** A short tuple with its values, `(40,)` as Julia prints it: `size(X)` of a vector, where `n, d = size(X)` wants a matrix. */
function shown(v: Value): string {
  if (!(v instanceof JTuple) || v.items.length > 4 || !v.items.every((x) => typeof x === 'number')) return describe(v);
  return `(${v.items.join(', ')}${v.items.length === 1 ? ',' : ''}), ${describe(v)},`;
}
