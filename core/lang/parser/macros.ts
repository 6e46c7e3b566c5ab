import type { Expr, NamedTupleLit, SymbolLit } from '../ast.js';
import { isOp, isPunct, type Token } from '../token.js';
import { parseExpr } from './expressions.js';
import { parseParenthesised } from './brackets.js';
import type { Parser } from './state.js';

/** Tutorials write `Turing.@addlogprob!` as often as `@addlogprob!`; threaded loops are `Threads.@threads for …`. */
const QUALIFIERS: ReadonlySet<string> = new Set(['Turing', 'DynamicPPL', 'Threads', 'Base', 'Parameters']);

/** The macro that starts here, `@name` or `Turing.@name`, with how many tokens it spans. */
export function peekMacro(p: Parser, at = 0): { token: Token; length: number } | undefined {
  const t = p.peek(at);
  if (t.kind === 'macro') return { token: t, length: 1 };
  const dot = p.peek(at + 1);
  const macro = p.peek(at + 2);
  if (t.kind === 'ident' && QUALIFIERS.has(t.text) && isPunct(dot, '.') && !dot.spaceBefore && macro.kind === 'macro' && !macro.spaceBefore) {
    return { token: macro, length: 3 };
  }
  return undefined;
}

/**
 * Performance annotations that do not change what a model computes: pasted code keeps them, and Tilde
 * reads what they annotate (`@inbounds for …`, `@view X[:, i]`, `@inline function f(x) …`, LazyArrays'
 * `@~ BernoulliLogit.(η)`, which Tilde evaluates as it would without it). `@threads for …` runs its
 * iterations in order: the log density is a sum over them, the same in any order (DynamicPPL's threadsafe
 * evaluation), and a model runs on one thread in Tilde.
 */
const TRANSPARENT: ReadonlySet<string> = new Set(['inbounds', 'simd', 'fastmath', 'views', 'view', 'inline', 'noinline', '~', 'threads']);

/**
 * Macros a script wraps its own lines in, read as the line they wrap at the top level only: old TuringModels.jl
 * scripts time their sampling line (`@time chn = sample(…)`) and define models on every worker (`@everywhere @model …`).
 */
const SCRIPT_TRANSPARENT: ReadonlySet<string> = new Set(['time', 'everywhere']);

export function isTransparentMacro(macro: { token: Token }, topLevel = false): boolean {
  return TRANSPARENT.has(macro.token.text) || (topLevel && SCRIPT_TRANSPARENT.has(macro.token.text));
}

export function takeMacro(p: Parser, macro: { length: number }): void {
  for (let i = 0; i < macro.length; i++) p.next();
}

/** `@threads :static for …`: the schedule (`:static`, `:dynamic`, `:greedy`) of a loop run in order here. */
export function skipThreadsSchedule(p: Parser, macro: { token: Token }): void {
  if (macro.token.text !== 'threads' || !isOp(p.peek(), ':')) return;
  const name = p.peek(1);
  if (name.kind !== 'ident' || name.spaceBefore) return;
  p.next();
  p.next();
}

/** `@m expr` or `@m(expr)`: the parenthesised form ends at its `)`. */
export function parseMacroArgument(p: Parser): Expr {
  const t = p.peek();
  return isPunct(t, '(') && !t.spaceBefore ? parseParenthesised(p) : parseExpr(p);
}

/**
 * `@__DIR__` and `@__FILE__`, with which a script finds its data files: read as names, so that the line that uses
 * one is kept and says why it cannot run (Tilde reads no files) instead of vanishing with the names it defines.
 */
export const PATH_MACROS: ReadonlySet<string> = new Set(['__DIR__', '__FILE__']);

/** Julia's logging macros print while the model runs, which Tilde does not show: read and ignored. */
export const PRINTING_MACROS: ReadonlySet<string> = new Set(['show', 'info', 'warn', 'debug', 'printf', 'println']);

/**
 * DynamicPPL's `@varname(a)` / `@varname(x.a)`: the name of a random variable, as conditioning takes it
 * (`inner() | (@varname(a) => 1)`), read as the Symbol `:a` / `:x.a` that names the variable in chains.
 */
export function parseVarName(p: Parser): SymbolLit {
  const at = p.next();
  const e = parseMacroArgument(p);
  const name = dottedName(e);
  if (name === undefined) p.fail(e.span, `\`@varname\` takes a variable's name, \`a\` or \`x.a\`: Tilde conditions and names whole variables (an array's elements are conditioned by giving the array, with \`missing\` where it is not)`);
  return { kind: 'symbol', name, span: p.span(at.from) };
}

/**
 * NamedTupleTools' `@namedtuple(a, b)`, with which older Turing scripts return what their model computed: Julia's
 * `(; a, b)`. `argument` is what follows the macro's name.
 */
export function namedTupleOf(p: Parser, argument: Expr, from: number): NamedTupleLit {
  const names = argument.kind === 'tuple' ? argument.items : [argument];
  const fields = names.map((e) => (e.kind === 'ident' ? { name: e.name, value: e, span: e.span } : p.fail(e.span, '`@namedtuple` takes names: `@namedtuple(a, b)` is `(; a, b)`')));
  return { kind: 'namedtuple', fields, span: p.span(from) };
}

function dottedName(e: Expr): string | undefined {
  if (e.kind === 'ident') return e.name;
  if (e.kind !== 'field') return undefined;
  const target = dottedName(e.target);
  return target === undefined ? undefined : `${target}.${e.name}`;
}
