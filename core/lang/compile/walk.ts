import type * as A from '../ast.js';

/** Calls `f` on each expression directly inside `e`, and on those written in the statements of an anonymous function's body. */
export function forEachChild(e: A.Expr, f: (c: A.Expr) => void): void {
  switch (e.kind) {
    case 'call':
      f(e.callee);
      e.args.forEach(f);
      e.kwargs.forEach((k) => f(k.value));
      e.kwsplats?.forEach((k) => f(k.expr));
      return;
    case 'binary':
    case 'and':
    case 'or':
      f(e.left);
      f(e.right);
      return;
    case 'unary':
      f(e.operand);
      return;
    case 'compare':
      e.operands.forEach(f);
      return;
    case 'ternary':
      f(e.cond);
      f(e.then);
      f(e.otherwise);
      return;
    case 'index':
      f(e.target);
      e.indices.forEach(f);
      return;
    case 'range':
      f(e.start);
      if (e.step) f(e.step);
      f(e.stop);
      return;
    case 'field':
      f(e.target);
      return;
    case 'tuple':
    case 'array':
      e.items.forEach(f);
      return;
    case 'interpolated':
      e.parts.forEach(f);
      return;
    case 'blockvalue':
      forEachStatementExpr([e.block], f);
      return;
    case 'namedtuple':
      e.fields.forEach((field) => f(field.value));
      return;
    case 'matrix':
      if (e.elementType) f(e.elementType);
      e.rows.forEach((r) => r.forEach(f));
      return;
    case 'comprehension':
      f(e.body);
      e.iterations.forEach((it) => f(it.iter));
      if (e.filter) f(e.filter);
      return;
    case 'adjoint':
      f(e.operand);
      return;
    case 'interpolate':
    case 'splat':
      f(e.expr);
      return;
    case 'curly':
      f(e.target);
      e.params.forEach(f);
      return;
    case 'typeassert':
      f(e.expr);
      return;
    case 'lambda':
      if (Array.isArray(e.body)) forEachStatementExpr(e.body, f);
      else f(e.body);
      if (e.def) for (const p of [...e.def.params, ...e.def.kwparams]) if (p.default) f(p.default);
      return;
    default:
      return;
  }
}

function mentions(e: A.Expr, kind: A.Expr['kind']): boolean {
  if (e.kind === kind) return true;
  let found = false;
  forEachChild(e, (c) => (found ||= mentions(c, kind)));
  return found;
}

/** Whether `e` reads the name `name` anywhere in it. */
export function readsName(e: A.Expr, name: string): boolean {
  if (e.kind === 'ident') return e.name === name;
  let found = false;
  forEachChild(e, (c) => (found ||= readsName(c, name)));
  return found;
}

/** Whether `end` appears anywhere in `e`: an index that does not mention it needs no `end` bound. */
export function mentionsEnd(e: A.Expr): boolean {
  return mentions(e, 'end');
}

/** The expressions written directly in a statement, and the statements nested in it. */
function partsOf(s: A.Stmt): { exprs: A.Expr[]; stmts: A.Stmt[] } {
  switch (s.kind) {
    case 'expr':
    case 'addlogprob':
      return { exprs: [s.expr], stmts: [] };
    case 'assign':
      return { exprs: [s.target, s.value], stmts: [] };
    case 'tilde':
      return { exprs: [s.lhs, s.rhs], stmts: [] };
    case 'deterministic':
      return { exprs: [s.target, s.value], stmts: [] };
    case 'for':
      return { exprs: s.iterations.map((it) => it.iter), stmts: s.body };
    case 'while':
      return { exprs: [s.cond], stmts: s.body };
    case 'if':
      return { exprs: s.branches.map((b) => b.cond), stmts: [...s.branches.flatMap((b) => b.body), ...(s.otherwise ?? [])] };
    case 'block':
      return { exprs: [], stmts: [...s.bindings, ...s.body] };
    case 'local':
      return { exprs: [], stmts: s.init ? [s.init] : [] };
    case 'return':
      return { exprs: s.value ? [s.value] : [], stmts: [] };
    case 'break':
    case 'continue':
      return { exprs: [], stmts: [] };
  }
}

/** Calls `f` on each expression written in `stmts`, at any depth of statement nesting. */
export function forEachStatementExpr(stmts: readonly A.Stmt[], f: (c: A.Expr) => void): void {
  for (const s of stmts) {
    const { exprs, stmts: nested } = partsOf(s);
    exprs.forEach(f);
    forEachStatementExpr(nested, f);
  }
}

/** Every name `stmts` and `exprs` mention (a call's function, a variable, a function passed as a value). */
export function namesMentioned(stmts: readonly A.Stmt[], exprs: readonly A.Expr[] = []): Set<string> {
  const names = new Set<string>();
  const visit = (e: A.Expr): void => {
    if (e.kind === 'ident') names.add(e.name);
    forEachChild(e, visit);
  };
  exprs.forEach(visit);
  forEachStatementExpr(stmts, visit);
  return names;
}

/** Whether an anonymous function is written anywhere in `stmts` or `exprs`: it may keep the scope they run in alive. */
export function createsClosures(stmts: readonly A.Stmt[], exprs: readonly A.Expr[] = []): boolean {
  if (exprs.some((e) => mentions(e, 'lambda'))) return true;
  return stmts.some((s) => {
    const { exprs, stmts: nested } = partsOf(s);
    return exprs.some((e) => mentions(e, 'lambda')) || createsClosures(nested);
  });
}

/** Every `~` statement in `stmts`, at any depth of statement nesting. */
export function tildes(stmts: readonly A.Stmt[], into: A.Tilde[] = []): A.Tilde[] {
  for (const s of stmts) {
    if (s.kind === 'tilde') into.push(s);
    tildes(partsOf(s).stmts, into);
  }
  return into;
}

/** Every `return` in `stmts`, at any depth of statement nesting (not in the functions they define). */
export function returnStatements(stmts: readonly A.Stmt[], into: A.Return[] = []): A.Return[] {
  for (const s of stmts) {
    if (s.kind === 'return') into.push(s);
    returnStatements(partsOf(s).stmts, into);
  }
  return into;
}

/** The name at the root of every `~` left side in `stmts` (`y` of `y ~ …`, `y[i] ~ …` and `y[g][i] ~ …`): what data may condition. */
export function tildeRoots(stmts: readonly A.Stmt[]): Set<string> {
  const into = new Set<string>();
  for (const s of tildes(stmts)) {
    let root = s.lhs;
    while (root.kind === 'index') root = root.target;
    if (root.kind === 'ident') into.add(root.name);
  }
  return into;
}

/**
 * The fields each argument's `~` left sides observe (`y` of `df.y[i] ~ …`, `df.y ~ …` and `df.y .~ …`, by `df`): a table's
 * columns, which a posterior predictive replicates as `df.y`.
 */
export function tildeFields(stmts: readonly A.Stmt[]): Map<string, Set<string>> {
  const into = new Map<string, Set<string>>();
  for (const s of tildes(stmts)) {
    const lhs = s.dotted ? s.lhs : cellAsColumn(s.lhs);
    const field = lhs.kind === 'index' ? lhs.target : lhs;
    // `df.y .~ …` each element, not `df.y[i] .~ …` (a slice's elements).
    if ((s.dotted && lhs !== field) || field.kind !== 'field' || field.target.kind !== 'ident') continue;
    const fields = into.get(field.target.name) ?? new Set<string>();
    into.set(field.target.name, fields.add(field.name));
  }
  return into;
}

/** A table's cell written by row and column name, `df[i, :y]` (or `"y"`), as the column's element `df.y[i]`: a Symbol indexes nothing else. */
export function cellAsColumn(e: A.Expr): A.Expr {
  if (e.kind !== 'index' || e.target.kind !== 'ident' || e.indices.length !== 2) return e;
  const [row, column] = e.indices as [A.Expr, A.Expr];
  const name = column.kind === 'symbol' ? column.name : column.kind === 'string' ? column.value : undefined;
  return name === undefined ? e : { kind: 'index', target: { kind: 'field', target: e.target, name, span: e.target.span }, indices: [row], span: e.span };
}

/** The names `name := …` records anywhere in `stmts` (a whole variable, not `x[i] := …`), each its own column. */
export function deterministicNames(stmts: readonly A.Stmt[], into = new Set<string>()): Set<string> {
  for (const s of stmts) {
    if (s.kind === 'deterministic' && s.target.kind === 'ident') into.add(s.target.name);
    deterministicNames(partsOf(s).stmts, into);
  }
  return into;
}

/** Whether a data key names one of the random variables `roots`, or one of a submodel's (`x.a` under `x ~ to_submodel(…)`). */
export function namesRandomVariable(roots: ReadonlySet<string>, key: string): boolean {
  const dot = key.indexOf('.');
  return roots.has(key) || (dot > 0 && roots.has(key.slice(0, dot)));
}
