import type * as A from '../ast.js';
import { forEachChild } from './walk.js';

/** Every name a function binds anywhere in its body: Julia resolves a name to a local if it is assigned. */
export function collectLocals(def: A.FunctionDef): Set<string> {
  const names = new Set<string>(def.typeParams);
  for (const p of [...def.params, ...def.kwparams]) {
    if (p.name) names.add(p.name);
    typeVariable(p, names);
  }
  statementLocals(def.body, names);
  return names;
}

/** The names `stmts` bind: assigned, declared `local`, loop and comprehension variables, `~` and `:=` targets. */
function statementLocals(stmts: readonly A.Stmt[], names: Set<string>): void {
  const pattern = (t: A.Expr): void => bindPattern(t, names);
  const expr = (e: A.Expr): void => comprehensionVariables(e, names);
  const stmt = (s: A.Stmt): void => {
    switch (s.kind) {
      case 'assign':
        pattern(s.target);
        expr(s.value);
        return;
      case 'tilde':
        if (s.lhs.kind === 'ident') names.add(s.lhs.name);
        expr(s.rhs);
        return;
      case 'deterministic':
        if (s.target.kind === 'ident') names.add(s.target.name);
        expr(s.value);
        return;
      case 'for':
        for (const it of s.iterations) {
          pattern(it.target);
          expr(it.iter);
        }
        s.body.forEach(stmt);
        return;
      case 'while':
        expr(s.cond);
        s.body.forEach(stmt);
        return;
      case 'if':
        for (const b of s.branches) {
          expr(b.cond);
          b.body.forEach(stmt);
        }
        s.otherwise?.forEach(stmt);
        return;
      case 'block':
        s.bindings.forEach(stmt);
        s.body.forEach(stmt);
        return;
      case 'local':
        s.names.forEach((n) => names.add(n.name));
        if (s.init) stmt(s.init);
        return;
      case 'expr':
      case 'addlogprob':
        expr(s.kind === 'expr' ? s.expr : s.expr);
        return;
      case 'return':
        if (s.value) expr(s.value);
        return;
      case 'break':
      case 'continue':
        return;
    }
  };
  stmts.forEach(stmt);
}

/** The names an assignment's left side binds: `x`, `a, b`, `(; a, b)`, nested. */
export function patternNames(target: A.Pattern): string[] {
  const names = new Set<string>();
  bindPattern(target, names);
  return [...names];
}

/** The names a destructuring target binds; `_` discards, so it never names a local (Julia cannot read it). */
function bindPattern(t: A.Expr, names: Set<string>): void {
  if (t.kind === 'ident' && t.name !== '_') names.add(t.name);
  else if (t.kind === 'tuple') t.items.forEach((item) => bindPattern(item, names));
  else if (t.kind === 'splat') bindPattern(t.expr, names);
  else if (t.kind === 'namedtuple') t.fields.forEach((f) => names.add(f.name));
}

/**
 * The variables of the comprehensions in `e`, and what an `if`, `begin` or `let` used as a value binds; an anonymous
 * function's names belong to it (see lambdaLocals).
 */
function comprehensionVariables(e: A.Expr, names: Set<string>): void {
  if (e.kind === 'lambda') return;
  if (e.kind === 'blockvalue') return statementLocals([e.block], names);
  if (e.kind === 'comprehension') for (const it of e.iterations) bindPattern(it.target, names);
  forEachChild(e, (c) => comprehensionVariables(c, names));
}

/** The names a top-level line binds for itself: its comprehensions' variables (`[f(μₖ) for μₖ in μ]`). */
export function expressionLocals(e: A.Expr): Set<string> {
  const names = new Set<string>();
  comprehensionVariables(e, names);
  return names;
}

/**
 * The names a top-level line's value assigns for the whole file, as Julia does outside any function: `y` of
 * `x = (y = 2) + 1` or of `x = begin y = 2; y + 1 end`. Not a comprehension's, a function's or a `let`'s
 * names, nor what a loop body assigns, which are their own.
 */
export function valueAssignedNames(e: A.Expr, names = new Set<string>()): Set<string> {
  if (e.kind === 'lambda' || e.kind === 'comprehension') return names;
  if (e.kind === 'blockvalue') {
    blockAssigned(e.block, names);
    return names;
  }
  forEachChild(e, (c) => valueAssignedNames(c, names));
  return names;
}

function blockAssigned(s: A.Stmt, names: Set<string>): void {
  switch (s.kind) {
    case 'assign':
      patternNames(s.target).forEach((n) => names.add(n));
      valueAssignedNames(s.value, names);
      return;
    case 'block':
      if (!s.scoped) s.body.forEach((b) => blockAssigned(b, names));
      return;
    case 'if':
      for (const b of s.branches) {
        valueAssignedNames(b.cond, names);
        b.body.forEach((st) => blockAssigned(st, names));
      }
      s.otherwise?.forEach((st) => blockAssigned(st, names));
      return;
    case 'expr':
      valueAssignedNames(s.expr, names);
      return;
    default:
      return;
  }
}

/** `Vector{Float64}(undef, n)`, `TV(undef, n)`, `similar(x)`: a container made to be filled, holding no value of its own. */
function isAllocation(e: A.Expr): boolean {
  if (e.kind !== 'call') return false;
  if (e.callee.kind === 'ident' && e.callee.name === 'similar') return true;
  return e.args.some((a) => a.kind === 'ident' && a.name === 'undef');
}

/**
 * The names a model's body assigns with `=` (anywhere, to a name or a tuple of names) that are not its arguments,
 * each with where it is first assigned a value: `m = TV(undef, n)` before `m .~ Normal()` only makes room for the
 * parameters.
 */
export function assignedLocals(def: A.FunctionDef): Map<string, number> {
  const names = new Map<string, number>();
  const visit = (stmts: readonly A.Stmt[]): void => {
    for (const s of stmts) {
      if (s.kind === 'assign' && isAllocation(s.value)) continue;
      if (s.kind === 'assign') {
        for (const name of patternNames(s.target)) if (!names.has(name)) names.set(name, s.span.from);
      } else if (s.kind === 'for' || s.kind === 'while') visit(s.body);
      else if (s.kind === 'if') {
        s.branches.forEach((b) => visit(b.body));
        if (s.otherwise) visit(s.otherwise);
      } else if (s.kind === 'block') visit([...s.bindings, ...s.body]);
      else if (s.kind === 'local' && s.init) visit([s.init]);
    }
  };
  visit(def.body);
  for (const p of [...def.params, ...def.kwparams]) names.delete(p.name);
  return names;
}

/** Calls that make a copy of an array (`collect(y)`, `Float64.(y)`): their result holds the argument's values. */
const COPIES: ReadonlySet<string> = new Set(['collect', 'copy', 'deepcopy', 'vec', 'float', 'Vector', 'Array', 'Float64', 'Int', 'Int64', 'Bool']);

/**
 * The names a model's body first assigns from a copy of one of its arguments (`y = collect(y_val)`), with the argument
 * and where: `y[i] ~ D` then draws parameters into the copy (DynamicPPL's rule), where the user meant the data.
 */
export function argumentCopies(def: A.FunctionDef): Map<string, { argument: string; at: number }> {
  const args = new Set([...def.params, ...def.kwparams].map((p) => p.name));
  const copied = (e: A.Expr): string | undefined => {
    if (e.kind === 'ident') return args.has(e.name) ? e.name : undefined;
    if (e.kind !== 'call' || e.callee.kind !== 'ident' || !COPIES.has(e.callee.name) || e.args.length !== 1) return undefined;
    return copied(e.args[0]!);
  };
  const out = new Map<string, { argument: string; at: number }>();
  for (const s of def.body) {
    if (s.kind !== 'assign' || s.op !== '' || s.target.kind !== 'ident' || args.has(s.target.name) || out.has(s.target.name)) continue;
    const argument = copied(s.value);
    if (argument !== undefined) out.set(s.target.name, { argument, at: s.span.from });
  }
  return out;
}

/** The names a statement binds for itself (a top-level loop's variable and what its body assigns). */
export function statementNames(st: A.Stmt): Set<string> {
  const names = new Set<string>();
  statementLocals([st], names);
  return names;
}

/** The names an anonymous function binds for its body: its parameters, what its statements assign, and its comprehensions' variables. */
export function lambdaLocals(e: A.Lambda): Set<string> {
  const names = new Set<string>();
  e.params.forEach((p) => bindPattern(p, names));
  if (Array.isArray(e.body)) statementLocals(e.body, names);
  else comprehensionVariables(e.body, names);
  return names;
}

/** `::Type{T} = Float64` binds the type variable `T`. */
function typeVariable(p: A.Param, names: Set<string>): void {
  const t = p.type;
  if (t?.kind === 'curly' && t.target.kind === 'ident' && t.target.name === 'Type' && t.params[0]?.kind === 'ident') names.add(t.params[0].name);
}

export function typeVariableOf(p: A.Param): string | undefined {
  const found = new Set<string>();
  typeVariable(p, found);
  return [...found][0];
}
