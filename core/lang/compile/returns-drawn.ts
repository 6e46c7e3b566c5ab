import type * as A from '../ast.js';
import { deterministicNames, returnStatements, tildeRoots } from './walk.js';

/**
 * Whether every value the model can return is the left side of one of its `~` or `:=`: `return y ~ …` (a `~`,
 * then `return y`), `return θ`, `return (; θ, β)`, `return z := …`, or a final `y ~ …` the body falls off with (Julia's implicit return). Such
 * a value is a copy of the data, of a parameter or of a recorded quantity, not a quantity of its own: Turing's chains hold no
 * return values, and recording it gave thousands of constant `return[i]` columns for a model that ends
 * `return y ~ MvNormal(…)`, as Storopoli's book writes every model, and a second column for `z` after `z := …`.
 */
export function returnsDrawnValue(body: readonly A.Stmt[]): boolean {
  const roots = deterministicNames(body, tildeRoots(body));
  // A tuple of them too (`return (; theta, beta)`, `return a, b`): each field would repeat a variable's columns.
  const drawn = (e: A.Expr): boolean => {
    if (e.kind === 'index') return drawn(e.target);
    if (e.kind === 'tuple') return e.items.every(drawn);
    if (e.kind === 'namedtuple') return e.fields.every((f) => drawn(f.value));
    return e.kind === 'ident' && roots.has(e.name);
  };
  return returnStatements(body).every((r) => r.value === undefined || drawn(r.value)) && endsDrawn(body);
}

/**
 * Whether falling off the end of `stmts` gives nothing, a `~`'s value or a `:=`'s (recorded as its own
 * column already); a `return` there was checked apart.
 */
function endsDrawn(stmts: readonly A.Stmt[]): boolean {
  const last = stmts.at(-1);
  if (last === undefined) return true;
  switch (last.kind) {
    case 'tilde':
    case 'deterministic':
    case 'return':
    case 'for':
    case 'while':
      return true;
    case 'block':
      return endsDrawn(last.body);
    case 'if':
      return last.branches.every((b) => endsDrawn(b.body)) && endsDrawn(last.otherwise ?? []);
    default:
      return false;
  }
}
