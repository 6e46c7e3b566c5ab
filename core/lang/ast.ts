import type { Diagnostic, Span } from '../model/index.js';

/**
 * The syntax tree of the model language. Every node carries the source span it was parsed from, so
 * that every later stage (checks, lowering, run-time errors) can point at the exact construct.
 */

interface Node {
  span: Span;
}

// ───────────── expressions ─────────────

export interface NumberLit extends Node {
  kind: 'number';
  value: number;
  /** Written without a decimal point or exponent (Julia `Int`). */
  isInteger: boolean;
}
export interface StringLit extends Node {
  kind: 'string';
  value: string;
}
/** `"μ = $μ"`, `"$(n - 1) left"`: Julia's string interpolation, the text and values `string` joins. */
export interface InterpolatedString extends Node {
  kind: 'interpolated';
  parts: Expr[];
}
export interface CharLit extends Node {
  kind: 'char';
  value: string;
}
export interface BoolLit extends Node {
  kind: 'bool';
  value: boolean;
}
/** `:name`, Julia's Symbol: the keys of named tuples (`haskey(nt, :a)`, `nt[:a]`) and submodel prefixes. */
export interface SymbolLit extends Node {
  kind: 'symbol';
  name: string;
}
/** A name, including the constants `Inf`, `NaN`, `π`, `pi`, `missing`, `nothing`, `I` (resolved later). */
export interface Ident extends Node {
  kind: 'ident';
  name: string;
}
export interface KeywordArg extends Node {
  name: string;
  value: Expr;
}
export interface Call extends Node {
  kind: 'call';
  callee: Expr;
  args: Expr[];
  kwargs: KeywordArg[];
  /** `f(; nt...)`: named tuples or Dicts of Symbol keys whose entries are further keyword arguments, each after the first `after` of `kwargs`. */
  kwsplats?: { expr: Expr; after: number }[];
  /** `f.(x)` */
  broadcast: boolean;
}
/** A binary operator, e.g. `+`, `*`, `\`, `^`, `%`, `÷`. `dotted` for `.+` etc. */
export interface Binary extends Node {
  kind: 'binary';
  op: string;
  left: Expr;
  right: Expr;
  dotted: boolean;
}
/** Unary `-`, `+`, `!`; `dotted` for `.-x`, `.!x`. */
export interface Unary extends Node {
  kind: 'unary';
  op: string;
  operand: Expr;
  dotted: boolean;
}
/** A (possibly chained) comparison: `a < b <= c` is ops ['<', '<='], operands [a, b, c]. `===`, `!==`, `==`, `!=`, `≤`, `≥`, `≠`, `in`, `∈`, `isa` included. */
export interface Compare extends Node {
  kind: 'compare';
  ops: string[];
  operands: Expr[];
  dotted: boolean[];
}
export interface Logical extends Node {
  kind: 'and' | 'or';
  left: Expr;
  right: Expr;
}
export interface Ternary extends Node {
  kind: 'ternary';
  cond: Expr;
  then: Expr;
  otherwise: Expr;
}
/** `x[i, j]`; indices may contain `Colon` and `End` nodes. */
export interface Index extends Node {
  kind: 'index';
  target: Expr;
  indices: Expr[];
}
/** A bare `:` inside an index. */
export interface Colon extends Node {
  kind: 'colon';
}
/** `end` inside an index. */
export interface End extends Node {
  kind: 'end';
}
/** `a:b` or `a:s:b`. */
export interface Range extends Node {
  kind: 'range';
  start: Expr;
  step?: Expr;
  stop: Expr;
}
/** `cholesky(A).L`, `a.x` */
export interface Field extends Node {
  kind: 'field';
  target: Expr;
  name: string;
}
export interface Tuple extends Node {
  kind: 'tuple';
  items: Expr[];
}
/**
 * `(a = 1, b = x)`, `(a = 1,)`, `(; a, b)`: the fields in order. The parser has already applied Julia's
 * shorthands, so `(; b, x.c)` holds `b = b` and `c = x.c`.
 */
export interface NamedTupleLit extends Node {
  kind: 'namedtuple';
  fields: KeywordArg[];
}
/** `[a, b, c]` (vertical) or `[]`. */
export interface ArrayLit extends Node {
  kind: 'array';
  items: Expr[];
}
/**
 * `[1 2; 3 4]`, `[a b]` (one row), `[a; b]` (vcat): rows of space-separated items. With an element type,
 * Julia's typed_hcat / typed_vcat: `Float64[1 2; 3 4]`, `Int[1 2 3]`.
 */
export interface MatrixLit extends Node {
  kind: 'matrix';
  rows: Expr[][];
  elementType?: Expr;
}
export interface Iteration extends Node {
  /** A name, or a tuple of names for destructuring (`for (i, x) in enumerate(v)`). */
  target: Pattern;
  iter: Expr;
}
/** `[f(i) for i in 1:n if cond]`, also generator arguments `sum(f(i) for i in 1:n)`. */
export interface Comprehension extends Node {
  kind: 'comprehension';
  body: Expr;
  iterations: Iteration[];
  filter?: Expr;
  /** true for `[... for ...]`, false for a bare generator inside a call. */
  collect: boolean;
}
/** Postfix `'` */
export interface Adjoint extends Node {
  kind: 'adjoint';
  operand: Expr;
}
/** `$(e)` inside `@. …`: left unbroadcast. The parser rewrites `@. expr` into dotted operators and calls. */
export interface Interpolate extends Node {
  kind: 'interpolate';
  expr: Expr;
  /** Outside `@.`: DynamicPPL's interpolation of a value where the model is defined (`μ ~ $(MvNormal(m, Σ))`). */
  atDefinition?: true;
}
/** `f(xs...)` */
export interface Splat extends Node {
  kind: 'splat';
  expr: Expr;
}
/** `Vector{Float64}`, `Type{T}`: a type application, evaluated by name. */
export interface Curly extends Node {
  kind: 'curly';
  target: Expr;
  params: Expr[];
}
/** `x::T` in an expression: the annotation is ignored. */
export interface TypeAssert extends Node {
  kind: 'typeassert';
  expr: Expr;
  type: Expr;
}
/**
 * `x -> body`, `(a, b) -> body`, `() -> body`, `function (x) … end`, and the `do x … end` block Julia passes
 * as a call's first argument: an anonymous function; annotations on its parameters are dropped. A
 * parameter may be a tuple of names, destructuring its argument (`do (i, x) … end`).
 */
export interface Lambda extends Node {
  kind: 'lambda';
  params: (Ident | Tuple)[];
  /** One expression (`x -> x + 1`), or statements (`x -> begin … end`, `function`, `do`), where `return` leaves the function. */
  body: Expr | Stmt[];
  /**
   * A function defined inside another with defaults, keywords, a splat or `where` (`f(x, s = 1.0; scale) = …`):
   * its definition, whose arguments bind as a top-level function's do; `params` then names its parameters.
   */
  def?: FunctionDef;
}

/**
 * `if`, `begin` or `let` written where a value goes (`y = if c; 1; else; 2; end`, `z = let a = 2; a^2 end`): the
 * value of the last statement it runs (`nothing` when no branch runs). `if` and `begin` bind in the enclosing scope.
 */
export interface BlockValue extends Node {
  kind: 'blockvalue';
  block: If | Block;
}

export type Expr =
  | NumberLit
  | BlockValue
  | StringLit
  | InterpolatedString
  | CharLit
  | BoolLit
  | SymbolLit
  | Ident
  | Call
  | Binary
  | Unary
  | Compare
  | Logical
  | Ternary
  | Index
  | Colon
  | End
  | Range
  | Field
  | Tuple
  | NamedTupleLit
  | ArrayLit
  | MatrixLit
  | Comprehension
  | Adjoint
  | Interpolate
  | Splat
  | Curly
  | TypeAssert
  | Lambda;

// ───────────── statements ─────────────

/**
 * An assignment target: a name, an indexed place, a tuple of names (`a, rest... = x` slurps the rest), or
 * Julia 1.7's `(; a, b)`, which binds each name to the field of that name (a named tuple of `name = name` fields).
 */
export type Pattern = Ident | Index | Tuple | Field | NamedTupleLit;

export interface ExprStmt extends Node {
  kind: 'expr';
  expr: Expr;
}
/** `a = e`, `a += e` (op '+'), `a .= e` (op '.'), `x[i] = e`, `n, d = size(X)`. */
export interface Assign extends Node {
  kind: 'assign';
  target: Pattern;
  /** '' for plain `=`; '+', '-', '*', '/', '^' for updating forms; '.' for `.=`; '.+' etc. for `.+=`. */
  op: string;
  value: Expr;
}
/** `lhs ~ rhs` or `lhs .~ rhs` */
export interface Tilde extends Node {
  kind: 'tilde';
  lhs: Expr;
  rhs: Expr;
  dotted: boolean;
}
/** `name := expr` */
export interface Deterministic extends Node {
  kind: 'deterministic';
  target: Ident | Index;
  value: Expr;
}
/** `@addlogprob! expr` */
export interface AddLogProb extends Node {
  kind: 'addlogprob';
  expr: Expr;
}
export interface For extends Node {
  kind: 'for';
  /** `for i in 1:n, j in 1:m` gives two iterations, outermost first. */
  iterations: Iteration[];
  body: Stmt[];
}
export interface While extends Node {
  kind: 'while';
  cond: Expr;
  body: Stmt[];
}
export interface If extends Node {
  kind: 'if';
  /** `if` then every `elseif`, in order. */
  branches: { cond: Expr; body: Stmt[] }[];
  otherwise?: Stmt[];
}
/** `begin … end` and `let a = 1, b … end` (bindings run first, in a new scope). */
export interface Block extends Node {
  kind: 'block';
  scoped: boolean;
  bindings: Assign[];
  body: Stmt[];
}
export interface Return extends Node {
  kind: 'return';
  value?: Expr;
}
export interface Break extends Node {
  kind: 'break';
}
export interface Continue extends Node {
  kind: 'continue';
}
/** `local x` or `local x = e` */
export interface Local extends Node {
  kind: 'local';
  names: Ident[];
  init?: Assign;
}

export type Stmt = ExprStmt | Assign | Tilde | Deterministic | AddLogProb | For | While | If | Block | Return | Break | Continue | Local;

// ───────────── definitions ─────────────

export interface Param extends Node {
  name: string;
  default?: Expr;
  /** The annotation as written (`::Type{T}`), kept for `Type{T} = Float64` idioms. */
  type?: Expr;
  /** `xs...` */
  splat: boolean;
}

export interface FunctionDef extends Node {
  kind: 'model' | 'function';
  name: string;
  nameSpan: Span;
  params: Param[];
  kwparams: Param[];
  /** Names bound by `where {T}` / `where {T<:Real}`. */
  typeParams: string[];
  body: Stmt[];
  /** The package whose function it adds a method to, as written (`Distributions` of `Distributions.logpdf(d::D, x) = …`). */
  module?: string;
}

/** `using Turing`, `import LinearAlgebra: dot`: the module names and the span of the line. */
export interface Using extends Node {
  kind: 'using';
  modules: { name: string; span: Span }[];
  /** The names after the colon of `using A: f, g`, all from the last module. */
  imports: string[];
}

/**
 * `struct MyLaplace{T<:Real} <: ContinuousUnivariateDistribution; μ::T; b::T; end`: a distribution type of the user's,
 * whose methods (`logpdf(d::MyLaplace, x)`, `rand(rng, d::MyLaplace)`, …) are the file's functions.
 */
export interface StructDef extends Node {
  kind: 'struct';
  name: string;
  nameSpan: Span;
  /** The abstract type it subtypes, as written without its module (`ContinuousUnivariateDistribution`); empty without one. */
  supertype: string;
  /** `mutable struct`: its fields are still only read (see the compiler's refusal of `p.a = …`). */
  mutable: boolean;
  /** Base's `@kwdef struct`: made by keyword too (`Params(b = 2)`), a field left out taking its default. */
  keywords?: boolean;
  /** `type`: the name of a field's declared type without its modules or parameters (`Int`, `Vector`). */
  fields: { name: string; span: Span; type?: string; default?: Expr }[];
}

export interface Program {
  definitions: FunctionDef[];
  /** The file's types: plain data holders and distribution types (other supertypes are refused). */
  structs: StructDef[];
  usings: Using[];
  /**
   * Top-level `name = expr` (and `x, y = expr`) lines, in order: scripts define constants (`σ_prior = 2.5`)
   * and data before the model. The compiler keeps those it can evaluate without data and ignores the rest with a warning.
   */
  globals: Assign[];
  /**
   * Top-level expression statements (`sample(gdemo(1.5, 2), NUTS(), 1000)`): never run, but a call of a
   * model among them, like one inside `globals`, can supply the model's data (see compile/script-data.ts).
   */
  expressions: Expr[];
  /**
   * Top-level statements that change the values of `globals` in place: loops (`for t in 2:T; y[t] = …; end`),
   * writes into arrays (`y[1] = 0`, `x .= …`, `n += 1`) and calls of `!` functions (`push!(y, v)`). A script makes
   * its data with them, so they run in order with `globals` where they can (see compile/top-level.ts).
   */
  mutations: Stmt[];
  /**
   * Top-level plain functions Tilde cannot read (Julia syntax outside the subset), held back until the compiler knows
   * whether a model uses them: their errors if one does, one warning otherwise (research scripts carry JSON readers
   * and result writers their models never touch).
   */
  unread: UnreadDefinition[];
}

export interface UnreadDefinition {
  name: string;
  nameSpan: Span;
  /** The errors reading it reported, first one first. */
  errors: Diagnostic[];
}
