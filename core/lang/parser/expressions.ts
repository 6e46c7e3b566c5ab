import type { Call, Expr, Unary } from '../ast.js';
import type { Span } from '../../model/index.js';
import { numberValue } from '../literals.js';
import { isKeyword, isPunct, type Token } from '../token.js';
import { parseArrayLiteral, parseCallRest, parseCurlyRest, parseIndexRest, parseParenthesised } from './brackets.js';
import { broadcastExpr } from './broadcast.js';
import { lambdaParams, parseAnonymousFunction, parseBeginBody, parseDoBlock } from './lambdas.js';
import { isTransparentMacro, namedTupleOf, parseMacroArgument, parseVarName, PATH_MACROS } from './macros.js';
import { isFrameMacro, parseFrameMacro } from './frame-macros.js';
import { parseBlockValue } from './block-values.js';
import { parseString } from './strings.js';
import type { Parser } from './state.js';

/**
 * Expressions by Julia's precedence, loosest first: `=>`, `->`, `?:`, `||`, `&&`, comparisons, `|>`, `:` ranges,
 * `+ - |`, `* / % ÷ \ &`, unary `- + !`, numeric juxtaposition (`2x`), `^` (right-associative, and
 * tighter than unary minus: `-2^2` is `-(2^2)`), `::`, then postfix calls, indexing, fields and `'`.
 * Assignment, `~` and commas are statement syntax (see statements.ts).
 */
export function parseExpr(p: Parser): Expr {
  return p.nest(() => parsePair(p));
}

/**
 * A call of `name` that other syntax stands for: `√x` is `sqrt(x)`, `a ⋅ b` is `dot(a, b)` and `a => b` is
 * `Pair(a, b)`. The name is spelled at `at` (the operator), else over the whole call.
 */
export function callNamed(name: string, args: Expr[], span: Span, at: Span = span): Call {
  return { kind: 'call', callee: { kind: 'ident', name, span: { from: at.from, to: at.to } }, args, kwargs: [], broadcast: false, span };
}

/**
 * `a => b`, looser than everything but assignment and right-associative: a value (`diagm(1 => v)`), and what a
 * script's `Gibbs(:s => MH(), …)` reads its blocks from; `a .=> b` pairs elementwise, as DataFrames' `[:a, :b] .=> mean`.
 */
function parsePair(p: Parser): Expr {
  const from = p.peek().from;
  const head = parseArrow(p);
  if (p.peek().kind !== 'op' || p.peek().text !== '=>') return head;
  const dotted = p.next().dotted;
  p.skipNewlines();
  const tail = parseExpr(p);
  return { ...callNamed('Pair', [head, tail], p.span(from)), broadcast: dotted };
}

const COMPARISONS: ReadonlySet<string> = new Set(['<', '>', '<=', '>=', '==', '!=', '===', '!==', '≤', '≥', '≠', '≈', '≉', 'in', '∈', '∉', 'isa', '<:', '>:']);
const SUMS: ReadonlySet<string> = new Set(['+', '-', '|']);
/** `∘` is here for KernelFunctions' `k ∘ ScaleTransform(s)`, as Julia ranks it with `*`; the runtime refuses other compositions. */
const PRODUCTS: ReadonlySet<string> = new Set(['*', '/', '%', '÷', '\\', '&', '⋅', '∘']);
/** Julia's prefix `√x` and `∛x`, the functions they name. */
const ROOTS: Readonly<Record<string, string>> = { '√': 'sqrt', '∛': 'cbrt' };
const UNARY: ReadonlySet<string> = new Set(['-', '+', '!']);

/**
 * `x -> body`: the body reaches as far as an expression goes, so `x -> a ? b : c` returns the whole ternary;
 * `x -> begin … end` has statements for a body.
 */
function parseArrow(p: Parser): Expr {
  const from = p.peek().from;
  const head = parseTernary(p);
  return p.atOp('->') ? arrowRest(p, from, head) : head;
}

/** The rest of `head -> body`, at the `->`. */
function arrowRest(p: Parser, from: number, head: Expr): Expr {
  const params = lambdaParams(p, head);
  p.next();
  p.skipNewlines();
  if (p.atKeyword('begin') && !p.ctx.inIndex) return { kind: 'lambda', params, body: parseBeginBody(p), span: p.span(from) };
  const body = parseExpr(p);
  // The body is one expression: `i -> y[i] ~ Normal()` would otherwise read as a `~` on a function.
  if (p.atOp('~')) p.fail(p.peek(), '`~` cannot appear inside an anonymous function: its body is one expression; write a `for` loop');
  if (p.atOp('=')) p.fail(p.peek(), 'an anonymous function’s body is one expression: assignments are not supported in it');
  return { kind: 'lambda', params, body, span: p.span(from) };
}

function parseTernary(p: Parser): Expr {
  const from = p.peek().from;
  const cond = parseOr(p);
  if (!p.atOp('?')) return cond;
  p.next();
  p.skipNewlines();
  const then = p.with({ ternaryThen: true }, () => parseExpr(p));
  if (!p.atOp(':')) p.unexpected('`:` of the `a ? b : c` expression');
  p.next();
  p.skipNewlines();
  const otherwise = p.with({ ternaryThen: false }, () => parseExpr(p));
  return { kind: 'ternary', cond, then, otherwise, span: p.span(from) };
}

function parseOr(p: Parser): Expr {
  const from = p.peek().from;
  const left = parseAnd(p);
  if (!p.atOp('||') || controlFollows(p)) return left;
  p.next();
  p.skipNewlines();
  const right = p.nest(() => parseOr(p));
  return { kind: 'or', left, right, span: p.span(from) };
}

function parseAnd(p: Parser): Expr {
  const from = p.peek().from;
  const left = parseComparison(p);
  if (!p.atOp('&&') || controlFollows(p)) return left;
  p.next();
  p.skipNewlines();
  const right = p.nest(() => parseAnd(p));
  return { kind: 'and', left, right, span: p.span(from) };
}

/** `cond && break`, `cond || return x`: the statement parser reads these as an `if` (see statements.ts). */
export function controlFollows(p: Parser): boolean {
  return isKeyword(p.peek(1), 'break', 'continue', 'return');
}

function isComparison(t: Token): boolean {
  return t.kind === 'op' && COMPARISONS.has(t.text) && !(t.dotted && (t.text === 'in' || t.text === 'isa'));
}

/** `a < b <= c` is one node, as in Julia, so that `b` is evaluated once. */
function parseComparison(p: Parser): Expr {
  const from = p.peek().from;
  const first = parsePipe(p);
  if (!isComparison(p.peek())) return first;
  const ops: string[] = [];
  const dotted: boolean[] = [];
  const operands = [first];
  while (isComparison(p.peek())) {
    const op = p.next();
    p.skipNewlines();
    ops.push(op.text);
    dotted.push(op.dotted);
    operands.push(parsePipe(p));
  }
  return { kind: 'compare', ops, operands, dotted, span: p.span(from) };
}

/**
 * `x |> f` is `f(x)`, left-associative between comparisons and ranges, as Storopoli's
 * scripts shape data (`select(df, Not(:y)) |> Matrix |> float`); `x |> v -> g(v)` pipes into the lambda, as in Julia.
 */
function parsePipe(p: Parser): Expr {
  const from = p.peek().from;
  let e = parseRange(p);
  while (p.atOp('|>')) {
    p.next();
    p.skipNewlines();
    const at = p.peek().from;
    const head = parseRange(p);
    const f = p.atOp('->') ? arrowRest(p, at, head) : head;
    e = { kind: 'call', callee: f, args: [e], kwargs: [], broadcast: false, span: p.span(from) };
  }
  return e;
}

function atRangeColon(p: Parser): boolean {
  const t = p.peek();
  return t.kind === 'op' && t.text === ':' && !(p.ctx.ternaryThen && t.spaceBefore);
}

/** `a:b` and `a:s:b`; looser than `+`, so `1:n-1` is `1:(n-1)`. */
function parseRange(p: Parser): Expr {
  const from = p.peek().from;
  const start = parseSum(p);
  if (!atRangeColon(p)) return start;
  p.next();
  p.skipNewlines();
  const second = parseSum(p);
  if (!atRangeColon(p)) return { kind: 'range', start, stop: second, span: p.span(from) };
  p.next();
  p.skipNewlines();
  const stop = parseSum(p);
  return { kind: 'range', start, step: second, stop, span: p.span(from) };
}

function parseSum(p: Parser): Expr {
  return parseLeftAssociative(p, SUMS, parseProduct);
}

function parseProduct(p: Parser): Expr {
  return parseLeftAssociative(p, PRODUCTS, parseUnary);
}

function parseLeftAssociative(p: Parser, ops: ReadonlySet<string>, operand: (p: Parser) => Expr): Expr {
  const from = p.peek().from;
  let left = operand(p);
  for (;;) {
    const t = p.peek();
    if (t.kind !== 'op' || !ops.has(t.text) || startsElement(p, t)) return left;
    p.next();
    p.skipNewlines();
    const right = operand(p);
    // `a ⋅ b` is LinearAlgebra's dot(a, b), with the precedence of `*`.
    left = t.text === '⋅' ? callNamed('dot', [left, right], p.span(from), t) : { kind: 'binary', op: t.text, left, right, dotted: t.dotted, span: p.span(from) };
  }
}

/** In `[a -b]` the spaced `-` glued to `b` starts a new element; in `[a - b]` and `[a-b]` it subtracts. */
function startsElement(p: Parser, t: Token): boolean {
  if (!p.ctx.spaceSensitive || !t.spaceBefore || !UNARY.has(t.text)) return false;
  const after = p.peek(1);
  return !after.spaceBefore && after.kind !== 'newline';
}

/** Operators that name a function when they stand alone: `mapreduce(f, +, x)`, `(*)`, `count(>(0), x)`. */
const FUNCTION_OPERATORS: ReadonlySet<string> = new Set([
  '+', '-', '*', '/', '\\', '^', '%', '÷', '&', '|', '!', '==', '!=', '≠', '<', '>', '<=', '>=', '≤', '≥', '≈', '≉', '===', '!==', 'in', '∈', '∉', 'isa',
]);

function isFunctionOperator(t: Token): boolean {
  return t.kind === 'op' && !t.dotted && FUNCTION_OPERATORS.has(t.text);
}

/** An operator followed by `,` or `)` is no operation but the function itself, as in Julia. */
function operatorAsValue(p: Parser, t: Token): boolean {
  const after = p.peek(1);
  return isFunctionOperator(t) && (isPunct(after, ',') || isPunct(after, ')'));
}

/**
 * An operator glued to `(` where an expression starts is called: `==(2.0)` (Julia's Base.Fix2, `x -> x == 2.0`),
 * `*(a, b)`, `in(x, s)`, or broadcast: `in.(x, Ref(s))`. Unary operators are left to `parseUnary`, where `-(x)` negates.
 */
function operatorCalled(p: Parser, t: Token): boolean {
  if (!isFunctionOperator(t) || UNARY.has(t.text)) return false;
  const glued = (k: number, text: string): boolean => isPunct(p.peek(k), text) && !p.peek(k).spaceBefore;
  return glued(1, '(') || (glued(1, '.') && glued(2, '('));
}

function parseUnary(p: Parser): Expr {
  const t = p.peek();
  if (operatorAsValue(p, t)) {
    p.next();
    return { kind: 'ident', name: t.text, span: { from: t.from, to: t.to } };
  }
  const root = t.kind === 'op' && !t.dotted ? ROOTS[t.text] : undefined;
  if (root !== undefined) {
    p.next();
    const operand = p.nest(() => parseUnary(p));
    return callNamed(root, [operand], p.span(t.from), t);
  }
  if (t.kind !== 'op' || !UNARY.has(t.text)) return parseJuxtaposition(p);
  p.next();
  const open = p.peek();
  const operand = p.nest(() => parseUnary(p));
  // `-(a, b)` and `+(a, b, c)` call the operator with their arguments, as `-(x)` negates x.
  const glued = isPunct(open, '(') && !open.spaceBefore && operand.span.from === open.from;
  if (glued && !t.dotted && operand.kind === 'tuple' && operand.items.length > 1) {
    return { kind: 'call', callee: { kind: 'ident', name: t.text, span: { from: t.from, to: t.to } }, args: operand.items, kwargs: [], broadcast: false, span: p.span(t.from) };
  }
  return unary(p, t, operand);
}

function unary(p: Parser, op: Token, operand: Expr): Unary {
  return { kind: 'unary', op: op.text, operand, dotted: op.dotted, span: p.span(op.from) };
}

/**
 * `2x`, `2π`, `3(x+1)`, `2.5σ`, `x'y`, `(x-1)x`, `inv(Z'Z)Z'y`: a number, an adjoint, or a closing bracket glued to
 * what follows multiplies it, factor after factor (the least-squares idiom above is `inv(Z'Z) * Z' * y`).
 */
function parseJuxtaposition(p: Parser): Expr {
  const from = p.peek().from;
  let product = parsePower(p);
  for (let factor = product; gluesToNext(p, factor, p.source[p.span(from).to - 1]); ) {
    factor = parsePower(p);
    product = { kind: 'binary', op: '*', left: product, right: factor, dotted: false, span: p.span(from) };
  }
  return product;
}

/**
 * Julia's juxtaposition: a number or adjoint before a name or `(`, and `)` or `]` (`last`, the last character
 * read) before a name — never before a number (`f(2)2`).
 */
function gluesToNext(p: Parser, factor: Expr, last: string | undefined): boolean {
  const t = p.peek();
  if (t.spaceBefore) return false;
  if (factor.kind === 'number' || factor.kind === 'adjoint') return t.kind === 'ident' || isPunct(t, '(');
  return t.kind === 'ident' && (last === ')' || last === ']');
}

function parsePower(p: Parser): Expr {
  const from = p.peek().from;
  const base = parsePostfix(p);
  const t = p.peek();
  if (t.kind !== 'op' || t.text !== '^') return base;
  p.next();
  p.skipNewlines();
  const exponent = p.nest(() => parseExponent(p));
  return { kind: 'binary', op: '^', left: base, right: exponent, dotted: t.dotted, span: p.span(from) };
}

/** `2^-1`, `x^-y`: a unary sign is allowed right after `^`. */
function parseExponent(p: Parser): Expr {
  const t = p.peek();
  if (t.kind !== 'op' || !UNARY.has(t.text)) return parsePower(p);
  p.next();
  return unary(p, t, p.nest(() => parseExponent(p)));
}

/**
 * `view(X, i, :)` reads what `X[i, :]` reads (models never write through a view), so it becomes that
 * index, where a bare `:` is allowed; `getindex(X, i, :)` is what `X[i, :]` lowers to in Julia.
 */
function viewAsIndex(call: Call): Expr {
  const [target, ...indices] = call.args;
  const isView = call.callee.kind === 'ident' && (call.callee.name === 'view' || call.callee.name === 'getindex') && !call.broadcast && call.kwargs.length === 0;
  return isView && target !== undefined && indices.length > 0 ? { kind: 'index', target, indices, span: call.span } : call;
}

/** Calls, indexing, curly types, fields, broadcast calls, `'`, then an optional `::T`. */
export function parsePostfix(p: Parser): Expr {
  const from = p.peek().from;
  let e = parsePrimary(p);
  for (;;) {
    const t = p.peek();
    // In `[f (x)]` and `[x [1]]` the space separates two elements.
    const glued = !(p.ctx.spaceSensitive && t.spaceBefore);
    if (t.kind === 'punct' && '([{'.includes(t.text) && glued && e.kind !== 'number' && e.kind !== 'adjoint') {
      p.next();
      if (t.text === '(') {
        const call = parseCallRest(p, e, t, from, false);
        e = p.atKeyword('do') ? parseDoBlock(p, call) : viewAsIndex(call);
      }
      else if (t.text === '[') e = parseIndexRest(p, e, t, from);
      else e = parseCurlyRest(p, e, t, from);
    } else if (isPunct(t, '.') && glued && (isPunct(p.peek(1), '(') || p.peek(1).kind === 'ident')) {
      p.next();
      const after = p.next();
      e = after.kind === 'ident' ? { kind: 'field', target: e, name: after.text, span: p.span(from) } : parseCallRest(p, e, after, from, true);
      if (e.kind === 'call' && p.atKeyword('do')) {
        p.error(p.peek(), '`f.(xs) do x … end`: Julia has no `do` block for a dot call (it is a syntax error there too): write `map(xs) do x … end`, or `f.(x -> …, xs)`');
        // Read the block anyway, so that its `end` closes it rather than the model.
        e = parseDoBlock(p, e);
      }
    } else if (t.kind === 'op' && t.text === "'" && !t.dotted) {
      p.next();
      e = { kind: 'adjoint', operand: e, span: p.span(from) };
    } else {
      break;
    }
  }
  if (!p.atOp('::')) return e;
  p.next();
  const type = parsePostfix(p);
  return { kind: 'typeassert', expr: e, type, span: p.span(from) };
}

function parsePrimary(p: Parser): Expr {
  const t = p.peek();
  const span = { from: t.from, to: t.to };
  switch (t.kind) {
    case 'number':
      p.next();
      return { kind: 'number', ...numberValue(t.text), span };
    case 'string':
      p.next();
      return parseString(p, t);
    case 'char':
      p.next();
      return { kind: 'char', value: t.text, span };
    case 'ident': {
      p.next();
      const glued = p.peek();
      // Dates' `dateformat"dd/mm/yyyy"` is its format's text, which `Date(s, format)` reads.
      if (glued.kind === 'string' && glued.from === t.to && t.text === 'dateformat') {
        p.next();
        return { kind: 'string', value: glued.text, span: { from: t.from, to: glued.to } };
      }
      // `r"^x"`, a regular expression, as scripts select columns by name (`select(df, r"^x")`).
      if (glued.kind === 'string' && glued.from === t.to && t.text === 'r') {
        p.next();
        return callNamed('Regex', [{ kind: 'string', value: glued.text, span: { from: glued.from, to: glued.to } }], { from: t.from, to: glued.to });
      }
      if (glued.kind === 'string' && glued.from === t.to) {
        p.fail({ from: t.from, to: glued.to }, `\`${t.text}"…"\` is a non-standard string literal (Julia's \`@${t.text}_str\` macro), which Tilde does not read: a model uses strings only as arguments that ignore them`);
      }
      return { kind: 'ident', name: t.text, span };
    }
    case 'keyword':
      if (t.text === 'true' || t.text === 'false') {
        p.next();
        return { kind: 'bool', value: t.text === 'true', span };
      }
      if (t.text === 'function' && isPunct(p.peek(1), '(')) return parseAnonymousFunction(p);
      if (t.text === 'end' && p.ctx.inIndex) {
        p.next();
        return { kind: 'end', span };
      }
      // Every array and tuple of the language starts at 1, so `x[begin]` is `x[1]`.
      if (t.text === 'begin' && p.ctx.inIndex) {
        p.next();
        return { kind: 'number', value: 1, isInteger: true, span };
      }
      if (t.text === 'if' || t.text === 'begin' || t.text === 'let') return parseBlockValue(p);
      break;
    case 'punct':
      if (t.text === '(') return parseParenthesised(p);
      if (t.text === '[') return parseArrayLiteral(p);
      break;
    case 'op':
      if (operatorCalled(p, t)) {
        p.next();
        return { kind: 'ident', name: t.text, span };
      }
      if (t.text === ':' && !t.dotted) return parseColon(p, t);
      if (t.text === '$') return parseInterpolation(p, t);
      break;
    case 'macro':
      if (isFrameMacro(t)) return parseFrameMacro(p);
      if (t.text === '.') {
        p.next();
        return broadcastExpr(p.with({ dotMacro: true }, () => parseMacroArgument(p)));
      }
      if (isTransparentMacro({ token: t })) {
        p.next();
        return parseMacroArgument(p);
      }
      if (t.text === 'varname') return parseVarName(p);
      if (t.text === 'namedtuple') {
        p.next();
        return namedTupleOf(p, parseMacroArgument(p), t.from);
      }
      if (PATH_MACROS.has(t.text)) {
        p.next();
        return { kind: 'ident', name: `@${t.text}`, span };
      }
      break;
  }
  return p.unexpected('an expression');
}

/** A bare `:` (all of a dimension in `x[:, j]`), or a Symbol `:name` (`nt[:a]`, `haskey(nt, :a)`, a sampler's `:s => MH()`). */
function parseColon(p: Parser, t: Token): Expr {
  p.next();
  const after = p.peek();
  if (!after.spaceBefore && after.kind === 'ident') {
    p.next();
    return { kind: 'symbol', name: after.text, span: p.span(t.from) };
  }
  if (!after.spaceBefore && (after.kind === 'keyword' || isPunct(after, '('))) p.fail({ from: t.from, to: after.to }, 'quoted expressions (`:(…)`, `:end`) are not supported; a Symbol is written `:name`');
  return { kind: 'colon', span: { from: t.from, to: t.to } };
}

/**
 * `$(e)` inside `@.`: `e` stays unbroadcast. Elsewhere DynamicPPL's `@model` interpolates `e`'s value where the model
 * is defined (Turing's own tests write `μ ~ $(MvNormal(fill(m, K), σ²_μ * I))`); the compiler says where that is allowed.
 */
function parseInterpolation(p: Parser, t: Token): Expr {
  const atDefinition = !p.ctx.dotMacro;
  p.next();
  const expr = p.with({ dotMacro: false }, () => parsePrimary(p));
  return atDefinition ? { kind: 'interpolate', expr, atDefinition, span: p.span(t.from) } : { kind: 'interpolate', expr, span: p.span(t.from) };
}
