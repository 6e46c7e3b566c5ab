import { ModelError, type Span, type Value } from '../../model/index.js';

/** A local declared (`local x`) but not assigned yet: stored as a value, so a lookup needs no second probe. */
const UNASSIGNED = Symbol('unassigned');

/**
 * Julia's local scopes inside one function: loops, comprehensions and `let` open a child scope;
 * assigning to a name that an enclosing scope of the same function holds updates it there, a new
 * name lives in the innermost scope.
 */
export class Scope {
  private readonly vars = new Map<string, Value | typeof UNASSIGNED>();

  constructor(readonly parent?: Scope) {}

  child(): Scope {
    return new Scope(this);
  }

  /**
   * Forgets this scope's own names. A loop reuses one child scope across iterations: each iteration
   * starts with fresh locals, as in Julia, without allocating a scope per iteration (only a loop whose
   * body writes no anonymous function does this: none can have captured the scope). A scope holding no more than `loopNames` names holds only the loop's variables,
   * which the next iteration binds again: it is left as it is (clearing a map is not free, and most loop
   * bodies of a model assign no local of their own).
   */
  reset(loopNames = 0): void {
    if (this.vars.size > loopNames) this.vars.clear();
  }

  private owner(name: string): Scope | undefined {
    if (this.vars.has(name)) return this;
    for (let scope = this.parent; scope !== undefined; scope = scope.parent) if (scope.vars.has(name)) return scope;
    return undefined;
  }

  has(name: string): boolean {
    return this.owner(name) !== undefined;
  }

  get(name: string, span: Span | undefined): Value {
    const v = this.peek(name);
    if (v === undefined) throw new ModelError(`\`${name}\` is used before it is assigned`, span);
    return v;
  }

  /**
   * The value or undefined, without an error: for `~` deciding between observation and parameter. One
   * map lookup per scope on the way out (this runs for every name read in every iteration).
   */
  peek(name: string): Value | undefined {
    // A loop up the chain, not a call per scope: a loop body's names mostly live in the model's scope.
    let v = this.vars.get(name);
    for (let scope = this.parent; v === undefined && scope !== undefined; scope = scope.parent) v = scope.vars.get(name);
    // Declared but unassigned hides an outer name of the same spelling.
    return v === UNASSIGNED ? undefined : v;
  }

  assign(name: string, v: Value): void {
    (this.owner(name) ?? this).vars.set(name, v);
  }

  declare(name: string, v: Value | undefined): void {
    this.vars.set(name, v ?? UNASSIGNED);
  }
}
