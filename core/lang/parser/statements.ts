import type { Assign, Deterministic, Expr, FunctionDef, Ident, If, Lambda, Pattern, Stmt, Tilde } from '../ast.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import { endsStatement } from './blocks.js';
import { statementsValue } from './block-values.js';
import { broadcastStmt } from './broadcast.js';
import { parseBegin, parseFor, parseGlobal, parseIf, parseLet, parseLocal, parseReturn, parseWhile } from './compound.js';
import { oneLineDefinitionAhead, parseFunction, parseOneLineDefinition } from './definitions.js';
import { callNamed, controlFollows, parseExpr } from './expressions.js';
import { isTransparentMacro, namedTupleOf, parseMacroArgument, peekMacro, PRINTING_MACROS, skipThreadsSchedule, takeMacro } from './macros.js';
import { isFrameMacro } from './frame-macros.js';
import { isPropertyPattern } from './named-tuple.js';
import { ParseAbort, type Parser } from './state.js';
import { openerAt } from './structure.js';
import { unsupportedHint } from './unsupported.js';

/** `a = e`, `a += e`, `a .= e`, `a .+= e`, …: the operator recorded in `Assign.op`. */
const ASSIGNMENTS: ReadonlyMap<string, string> = new Map([
  ['=', ''], ['+=', '+'], ['-=', '-'], ['*=', '*'], ['/=', '/'], ['^=', '^'], ['\\=', '\\'], ['%=', '%'], ['÷=', '÷'],
]);

export function parseStatement(p: Parser): Stmt {
  return p.nest(() => {
    const t = p.peek();
    switch (t.kind === 'keyword' ? t.text : '') {
      case 'for':
        return parseFor(p);
      case 'while':
        return parseWhile(p);
      case 'if':
        return parseIf(p);
      case 'begin':
        return parseBegin(p);
      case 'let':
        return parseLet(p);
      case 'return':
        return parseReturn(p);
      case 'local':
        return parseLocal(p);
      case 'global':
        if (p.definitions === 0) return parseGlobal(p);
        break;
      case 'break':
        p.next();
        return { kind: 'break', span: p.span(t.from) };
      case 'continue':
        p.next();
        return { kind: 'continue', span: p.span(t.from) };
      case 'function':
        // `function (x) … end` is an anonymous function, an expression.
        if (isPunct(p.peek(1), '(')) break;
        p.next();
        return nestedFunction(parseFunction(p, 'function', t));
    }
    // DataFramesMeta's verbs are calls (`@transform!(df, :z = :x .+ 1)`), read as expressions.
    if (isFrameMacro(t)) return parseSimpleStatement(p);
    const macro = peekMacro(p);
    if (macro) return parseMacroStatement(p, macro);
    if (t.kind === 'ident' && PRINTING_FUNCTIONS.has(t.text) && isPunct(p.peek(1), '(')) return skipPrinting(p, t, t.from);
    if (oneLineDefinitionAhead(p)) return nestedFunction(parseOneLineDefinition(p, 'function', t));
    if (t.kind === 'ident' && t.text === 'mutable' && isKeyword(p.peek(1), 'struct')) p.next();
    if (openerAt(p.tokens, p.pos) && t.kind === 'ident') p.unexpected('a statement');
    return parseSimpleStatement(p);
  });
}

/**
 * A function defined inside a function (`lik(x) = logpdf(Normal(m, 1), x)` in a model) is a closure bound to a
 * local name, as in Julia: the same as assigning an anonymous function; one with defaults, keywords, a splat or
 * `where` keeps its definition, by which its arguments bind.
 */
function nestedFunction(def: FunctionDef): Stmt {
  const plain = def.kwparams.length === 0 && def.typeParams.length === 0 && def.params.every((q) => q.name !== '' && q.default === undefined && !q.splat);
  const params = def.params.filter((q) => q.name !== '').map((q): Ident => ({ kind: 'ident', name: q.name, span: q.span }));
  const lambda: Lambda = plain ? { kind: 'lambda', params, body: def.body, span: def.span } : { kind: 'lambda', params, body: def.body, def, span: def.span };
  return { kind: 'assign', target: { kind: 'ident', name: def.name, span: def.nameSpan }, op: '', value: lambda, span: def.span };
}

const BARE_ANNOTATIONS: ReadonlySet<string> = new Set(['inline', 'noinline']);

function parseMacroStatement(p: Parser, macro: { token: Token; length: number }): Stmt {
  const from = p.peek().from;
  takeMacro(p, macro);
  if (isTransparentMacro(macro)) {
    // Julia ≥ 1.8 lets `@noinline` (or `@inline`) stand alone in a function's body, for the function itself
    // (Turing's particle tests mark submodels so): nothing to run.
    if (BARE_ANNOTATIONS.has(macro.token.text) && endsStatement(p.peek())) return { kind: 'block', scoped: false, bindings: [], body: [], span: p.span(from) };
    skipThreadsSchedule(p, macro);
    return parseStatement(p);
  }
  if (macro.token.text === 'assert') return parseAssert(p, from, 'AssertionError');
  // ArgCheck's `@argcheck cond` (the Imperial College COVID model's replication checks its data so): an assertion throwing ArgumentError.
  if (macro.token.text === 'argcheck') return parseAssert(p, from, 'ArgumentError');
  if (macro.token.text === 'unpack') return parseUnpack(p, from);
  if (macro.token.text === 'namedtuple') {
    const expr = namedTupleOf(p, parseMacroArgument(p), from);
    return { kind: 'expr', expr, span: expr.span };
  }
  if (macro.token.text === 'submodel') return parseSubmodel(p, from);
  if (PRINTING_MACROS.has(macro.token.text)) return skipPrinting(p, macro.token, from);
  if (macro.token.text === 'addlogprob!') {
    const expr = parseMacroArgument(p);
    return { kind: 'addlogprob', expr, span: p.span(from) };
  }
  // Turing ≤ 0.6's `@logpdf() += x` (TuringLang/papers' benchmark models) is today's `@addlogprob! x`.
  if (macro.token.text === 'logpdf' && isPunct(p.peek(), '(') && isPunct(p.peek(1), ')') && isOp(p.peek(2), '+=')) {
    for (let i = 0; i < 3; i++) p.next();
    return { kind: 'addlogprob', expr: parseExpr(p), span: p.span(from) };
  }
  if (macro.token.text === '.') {
    if (p.peek().kind === 'keyword' && !isKeyword(p.peek(), 'true', 'false')) p.unexpected('an expression, an assignment or a `~` statement after `@.`');
    const s = broadcastStmt(p, p.with({ dotMacro: true }, () => parseSimpleStatement(p)));
    return { ...s, span: p.span(from) };
  }
  p.error(macro.token, unsupportedHint(macro.token, p.peek()) ?? '');
  // `@inbounds for … end`: read the block anyway, so that its `end` does not close the enclosing one.
  if (openerAt(p.tokens, p.pos)) p.quietly(() => p.attempt(() => parseStatement(p)));
  throw new ParseAbort('unsupported macro');
}

/**
 * UnPack's (and Parameters') `@unpack a, b = p`, with which ODE right-hand sides read their parameters: Julia's
 * `(; a, b) = p`, the fields of p by name.
 */
function parseUnpack(p: Parser, from: number): Stmt {
  const s = parseSimpleStatement(p);
  const names = s.kind !== 'assign' || s.op !== '' ? undefined : s.target.kind === 'ident' ? [s.target] : s.target.kind === 'tuple' ? s.target.items : undefined;
  if (s.kind !== 'assign' || names === undefined || !names.every((n): n is Ident => n.kind === 'ident')) p.fail(p.span(from), '`@unpack` takes names and what to read them from, as in `@unpack α, β = p`');
  const fields = names.map((n) => ({ name: n.name, value: n, span: n.span }));
  return { ...s, target: { kind: 'namedtuple', fields, span: s.target.span }, span: p.span(from) };
}

/**
 * DynamicPPL's older `@submodel [prefix=…] z = inner(…)`, which `to_submodel` replaced: `z ~ to_submodel(inner(…), prefixed)`,
 * unprefixed unless `prefix=true` (then `z.a` …); `prefix="p"` or `prefix=:p` names the variables `p.a` …, as
 * `z ~ to_submodel(prefix(inner(…), "p"), false)` does. Without `z =` the submodel's return value is dropped.
 * DynamicPPL before 0.17 put the name outside, `z = @submodel inner(…)` (Turing's own test models still do):
 * `assigned` is that `z`. The left side may be a tuple, `@submodel s, m = inner(…)` (DynamicPPL's own demo models
 * did so): the value goes to an unnamed variable, then is taken apart as `s, m = …` takes it.
 */
function parseSubmodel(p: Parser, from: number, assigned?: Expr): Stmt {
  let prefix: Expr | undefined;
  if (p.peek().kind === 'ident' && p.peek().text === 'prefix' && isOp(p.peek(1), '=')) {
    p.next();
    p.next();
    prefix = parseExpr(p);
  }
  const prefixed = prefix?.kind === 'bool' && prefix.value;
  const interpolated = prefix === undefined && p.peek().kind === 'op' && p.peek().text === '$';
  const firstFrom = p.peek().from;
  let first = p.with({ dotMacro: interpolated }, () => parseExpr(p));
  if (!interpolated && p.atPunct(',')) first = parseTupleRest(p, first, firstFrom);
  // DynamicPPL before 0.17 took the prefix first: `@submodel sub1 inner(…)`, or computed, `@submodel $(Symbol("ar1_$i")) inner(…)`.
  if (prefix === undefined && (first.kind === 'ident' || first.kind === 'interpolate') && !endsStatement(p.peek()) && !p.atOp('=')) {
    prefix = first.kind === 'ident' ? { kind: 'symbol', name: first.name, span: first.span } : first.expr;
    first = parseExpr(p);
  } else if (interpolated) {
    p.fail(first.span, '`$` interpolation is only allowed inside `@.`, and as the prefix of `@submodel $(…) inner(…)`');
  }
  const named = assigned === undefined && p.atOp('=');
  const name = assigned ?? (named ? first : undefined);
  if (named) {
    p.next();
    p.skipNewlines();
  }
  const destructured = name?.kind === 'tuple' && !prefixed ? toPattern(p, name, '=') : undefined;
  if (name !== undefined && name.kind !== 'ident' && destructured === undefined) {
    p.fail(name.span, prefixed ? '`@submodel prefix=true` prefixes with one name: `@submodel prefix=true z = inner(…)`, then take z apart' : 'the left side of `@submodel … = inner(…)` must be a name or a tuple of names');
  }
  if (name === undefined && prefixed) p.fail(first.span, '`@submodel prefix=true` needs a name to prefix with: `@submodel prefix=true z = inner(…)`');
  const call = named ? parseExpr(p) : first;
  // A name no source can spell: the return value of an unnamed submodel is kept nowhere the model can read.
  const hidden: Ident = { kind: 'ident', name: '#submodel', span: first.span };
  const lhs: Expr = destructured === undefined ? (name ?? hidden) : hidden;
  const model = prefix !== undefined && prefix.kind !== 'bool' ? callNamed('prefix', [call, prefix], call.span) : call;
  const rhs = callNamed('to_submodel', [model, { kind: 'bool', value: prefixed, span: call.span }], call.span);
  const tilde: Tilde = { kind: 'tilde', lhs, rhs, dotted: false, span: p.span(from) };
  if (destructured === undefined) return tilde;
  const unpack: Assign = { kind: 'assign', target: destructured, op: '', value: hidden, span: tilde.span };
  return { kind: 'block', scoped: false, bindings: [], body: [tilde, unpack], span: tilde.span };
}

/**
 * `@assert cond`, `@assert cond "message"` or `@assert(cond, message)`: `if !cond throw(AssertionError(message)) end`,
 * the message being the condition's source text when none is given, as in Julia.
 */
function parseAssert(p: Parser, from: number, error: 'AssertionError' | 'ArgumentError'): If {
  const first = parseMacroArgument(p);
  const inParentheses = first.kind === 'tuple' && first.items.length === 2;
  const cond = inParentheses ? first.items[0]! : first;
  const given = inParentheses ? first.items[1] : endsStatement(p.peek()) ? undefined : parseExpr(p);
  const span = p.span(from);
  const message: Expr = given ?? { kind: 'string', value: p.source.slice(cond.span.from, cond.span.to), span: cond.span };
  const failed: Expr = { kind: 'unary', op: '!', operand: cond, dotted: false, span: cond.span };
  return { kind: 'if', branches: [{ cond: failed, body: [{ kind: 'expr', expr: callNamed('throw', [callNamed(error, [message], span)], span), span }] }], span };
}

/** What a model prints would go nowhere in Tilde (`println(θ)` while debugging a model). */
const PRINTING_FUNCTIONS: ReadonlySet<string> = new Set(['println', 'print', 'display', 'printstyled']);

/**
 * A logging macro's or print call's line, read to its end and dropped with a warning. The line ends at
 * its newline even inside brackets: an unclosed bracket must not swallow the rest of the model.
 */
function skipPrinting(p: Parser, start: Token, from: number): Stmt {
  let depth = 0;
  for (let t = p.peek(); t.kind !== 'newline' && t.kind !== 'eof' && !(depth === 0 && endsStatement(t)); t = p.peek()) {
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
    p.next();
  }
  const what = start.kind === 'macro' ? `@${start.text}` : `${start.text}(…)`;
  p.error(start, `\`${what}\` prints nothing in Tilde: ignored`, 'warning');
  return { kind: 'block', scoped: false, bindings: [], body: [], span: p.span(from) };
}

/**
 * `(~)(x, D)` and `(.~)(x, D)`: the operator called as a function, which Julia parses as `x ~ D` and `x .~ D`
 * (JuliaFormatter writes `return x .~ D` so in Turing's own tests).
 */
export function tildeCallAhead(p: Parser): boolean {
  const op = p.peek(1);
  return p.atPunct('(') && op.kind === 'op' && op.text === '~' && isPunct(p.peek(2), ')') && isPunct(p.peek(3), '(') && !p.peek(3).spaceBefore;
}

export function parseTildeCall(p: Parser): Tilde {
  const from = p.peek().from;
  p.next();
  const op = p.next();
  p.next();
  const [lhs, rhs] = p.inBrackets(p.next(), () => {
    const left = parseExpr(p);
    if (!p.atPunct(',')) p.unexpected('`,` and the distribution');
    p.next();
    const right = parseExpr(p);
    p.close('`)`');
    return [left, right];
  });
  if (!isTildeTarget(lhs)) p.fail(lhs.span, 'the left side of `~` must be a variable, an indexed variable or a literal');
  return { kind: 'tilde', lhs, rhs, dotted: op.dotted, span: p.span(from) };
}

/** Expression statements, assignments (also to tuples: `n, d = size(X)`), `~`, `.~` and `:=`. */
export function parseSimpleStatement(p: Parser): Stmt {
  if (tildeCallAhead(p)) return parseTildeCall(p);
  const from = p.peek().from;
  const first = parseExpr(p);
  const lhs = p.atPunct(',') ? parseTupleRest(p, first, from) : first;
  if ((p.atOp('&&') || p.atOp('||')) && controlFollows(p)) return parseGuard(p, lhs, from);
  const t = p.peek();
  const assignment = t.kind === 'op' ? ASSIGNMENTS.get(t.text) : undefined;
  if (t.kind === 'op' && t.text === '~') return parseTilde(p, lhs, t, from);
  if (t.kind === 'op' && t.text === ':=' && !t.dotted) return parseDeterministic(p, lhs, from);
  if (assignment === undefined) return { kind: 'expr', expr: lhs, span: p.span(from) };
  if (assignment === '' && !t.dotted && peekMacro(p, 1)?.token.text === 'submodel') {
    p.next();
    takeMacro(p, peekMacro(p)!);
    return parseSubmodel(p, from, lhs);
  }
  return parseAssignmentRest(p, lhs, from);
}

/** From `=` (or `+=`, `.=`, …) after the left side; `a = b = c` is `a = (b = c)`, as in Julia. */
function parseAssignmentRest(p: Parser, lhs: Expr, from: number): Assign {
  const t = p.next();
  p.skipNewlines();
  const valueFrom = p.peek().from;
  const first = parseValue(p);
  const value = isAssignmentOp(p.peek()) ? statementsValue([parseAssignmentRest(p, first, valueFrom)], p.span(valueFrom)) : first;
  const target = toPattern(p, lhs, t.text);
  const op = ASSIGNMENTS.get(t.text) as string;
  return { kind: 'assign', target, op: t.dotted ? `.${op}` : op, value, span: p.span(from) };
}

/** `=`, `+=`, `.=`, `.+=`, …: what makes the expression before it an assignment's left side. */
export function isAssignmentOp(t: Token): boolean {
  return t.kind === 'op' && ASSIGNMENTS.has(t.text);
}

/** `cond && break`, `cond || continue`, `cond && return x`: Julia's short-circuit control flow, as an `if`. */
function parseGuard(p: Parser, cond: Expr, from: number): If {
  const op = p.next();
  // `a || b && break` means `a || (b && break)`, which an `if` on `a || b` would not express.
  if (op.text === '&&' && cond.kind === 'or') p.fail(cond.span, 'mixing `||` with `&& break`/`continue`/`return` is not supported: write an `if` block');
  const action = parseStatement(p);
  const test: Expr = op.text === '&&' ? cond : { kind: 'unary', op: '!', operand: cond, dotted: false, span: cond.span };
  return { kind: 'if', branches: [{ cond: test, body: [action] }], span: p.span(from) };
}

/** `a, b` after its first element: a tuple without parentheses, whose elements may be splatted (`a, rest... = x`). */
function parseTupleRest(p: Parser, first: Expr, from: number): Expr {
  const items = [first];
  while (p.atPunct(',')) {
    p.next();
    p.skipNewlines();
    const at = p.peek().from;
    const item = parseExpr(p);
    if (p.atOp('...')) {
      p.next();
      items.push({ kind: 'splat', expr: item, span: p.span(at) });
    } else {
      items.push(item);
    }
  }
  return { kind: 'tuple', items, span: p.span(from) };
}

/** A right-hand side or return value, where `a, b` is a tuple. */
export function parseValue(p: Parser): Expr {
  const from = p.peek().from;
  const first = parseExpr(p);
  return p.atPunct(',') ? parseTupleRest(p, first, from) : first;
}

export function parseTilde(p: Parser, lhs: Expr, op: Token, from: number): Tilde {
  if (!isTildeTarget(lhs)) p.fail(lhs.span, 'the left side of `~` must be a variable, an indexed variable or a literal');
  p.next();
  p.skipNewlines();
  const rhs = parseExpr(p);
  return { kind: 'tilde', lhs, rhs, dotted: op.dotted, span: p.span(from) };
}

function isTildeTarget(e: Expr): boolean {
  switch (e.kind) {
    case 'ident':
    case 'index':
    case 'field':
    case 'number':
    // `true ~ Dirac(sA == obsSA)` observes an event, as hakank's ports of WebPPL models do.
    case 'bool':
    case 'array':
    case 'matrix':
      return true;
    case 'unary':
      // `-1 ~ Normal(m1, 1)` and `+1 ~ Normal(m1 + m2, 1)` (Turing's Gibbs tests) observe a literal.
      return (e.op === '-' || e.op === '+') && e.operand.kind === 'number';
    default:
      return false;
  }
}

export function parseDeterministic(p: Parser, target: Expr, from: number): Deterministic {
  if (target.kind !== 'ident' && target.kind !== 'index') p.fail(target.span, 'the left side of `:=` must be a name or an indexed name');
  p.next();
  p.skipNewlines();
  const value = parseExpr(p);
  return { kind: 'deterministic', target, value, span: p.span(from) };
}

/** What can be assigned to; a type annotation on a name (`x::Float64 = 0`) is accepted and dropped. */
export function toPattern(p: Parser, e: Expr, op: string): Pattern {
  if (e.kind === 'ident' || e.kind === 'index' || e.kind === 'field') return e;
  if (e.kind === 'typeassert') return toPattern(p, e.expr, op);
  // `:x = …` in an `@eachrow` or `@astable` block: the frame macro rewrites the column into a name or a cell before anything compiles it.
  if (p.ctx.columnTargets && (e.kind === 'symbol' || (e.kind === 'interpolate' && op === '='))) return e as unknown as Pattern;
  if (e.kind === 'tuple' && op === '=' && e.items.length > 0) return { ...e, items: e.items.map((item, k) => toTupleTarget(p, item, k === e.items.length - 1)) };
  if (e.kind === 'namedtuple' && op === '=') {
    if (!isPropertyPattern(e)) p.fail(e.span, 'destructuring by field name takes plain names, as in `(; a, b) = x`');
    return e;
  }
  const what = op === '=' ? 'a name, an indexed name, a tuple of names or `(; a, b)`' : 'a name or an indexed name';
  return p.fail(e.span, `cannot assign to this: the left side of \`${op}\` must be ${what}`);
}

/** An element of a destructuring tuple; the last may take the rest, as in `a, rest... = x` (Julia 1.9). */
function toTupleTarget(p: Parser, e: Expr, last: boolean): Expr {
  if (e.kind !== 'splat') return toPattern(p, e, '=');
  if (!last || e.expr.kind !== 'ident') p.fail(e.span, 'only the last name of a destructuring can take the rest, as in `a, rest... = x`');
  return e;
}
