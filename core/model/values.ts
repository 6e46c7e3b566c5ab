import { isAD, type Real } from '../ad/index.js';
import { UnivariateDistribution, type Distribution } from '../dist/index.js';
import type { Context } from './context.js';
import { DataFrame } from './data-frame.js';
import { JDict } from './dict.js';
import { JDate, JDateTime, JPeriod } from './date.js';

/**
 * Run-time values of the model language. Numbers (plain or AD) are `Real`; Julia's Bool is a JS
 * boolean; strings are JS strings. Everything else is one of the classes below.
 */

/** Julia's `missing`. */
export const MISSING = Object.freeze({ kind: 'missing' as const, toString: () => 'missing' });
/** Julia's `nothing`. */
export const NOTHING = Object.freeze({ kind: 'nothing' as const, toString: () => 'nothing' });
export type Missing = typeof MISSING;
export type Nothing = typeof NOTHING;

/** Element type tag: what `Vector{Int}(undef, n)` or data binding promised. `any` accepts everything. */
export type ElementType = 'float' | 'int' | 'bool' | 'any';

/**
 * A Julia array: shape plus column-major data. Elements are usually `Real`, but arrays of
 * distributions (`Normal.(μ, σ)`), of arrays, or with `missing` holes are arrays too.
 * `undefined` marks an element of `Vector{T}(undef, n)` not yet assigned.
 */
export class JArray {
  /** Bound data is frozen: a model that assigns into it works on a copy, never on the user's data. */
  frozen = false;

  constructor(
    readonly shape: number[],
    readonly data: (Value | undefined)[],
    readonly eltype: ElementType = 'any',
  ) {}

  get length(): number {
    return this.data.length;
  }

  get ndims(): number {
    return this.shape.length;
  }

  static vector(data: (Value | undefined)[], eltype: ElementType = 'any'): JArray {
    return new JArray([data.length], data, eltype);
  }

  static matrix(rows: number, cols: number, data: (Value | undefined)[], eltype: ElementType = 'any'): JArray {
    return new JArray([rows, cols], data, eltype);
  }

  copy(): JArray {
    return new JArray(this.shape.slice(), this.data.slice(), this.eltype);
  }
}

/** `a:b` and `a:s:b`, kept lazy so `for i in 1:n` allocates nothing. */
export class JRange {
  readonly length: number;
  /**
   * Julia's range of Float64 (`1:2.5` is 1.0:1.0:2.0): a bound or the step is not whole. Tilde's numbers do not
   * tell 2 from 2.0, so this is what keeps its whole elements from serving as indices, which Julia refuses.
   */
  readonly float: boolean;
  /**
   * Julia computes a float range's elements in twice the precision, so `0:0.1:1` holds 0.3, not 0.1 + 0.1 + 0.1:
   * the power of ten that makes the start and the step whole gives the same values (1 for whole ones; 0 when none
   * below 1e15 does, and the elements are then start + i·step).
   */
  private readonly scale: number;

  constructor(
    readonly start: number,
    readonly step: number,
    readonly stop: number,
  ) {
    const n = Math.floor((stop - start) / step + 1e-10) + 1;
    this.length = Number.isFinite(n) && n > 0 ? n : 0;
    this.float = !Number.isInteger(start) || !Number.isInteger(step) || !Number.isInteger(stop);
    const whole = (scale: number) => Number.isInteger(step * scale) && Number.isInteger(start * scale);
    let scale = 1;
    while (scale < 1e15 && !whole(scale)) scale *= 10;
    this.scale = whole(scale) ? scale : 0;
  }

  at(i: number): number {
    if (this.scale <= 1) return this.start + i * this.step;
    // Whole numbers times a whole index: exact, so the one rounding is the division's.
    return (this.start * this.scale + i * (this.step * this.scale)) / this.scale;
  }

  /** The last element actually reached (`1:2:6` ends at 5). */
  get last(): number {
    return this.at(this.length - 1);
  }
}

export class JTuple {
  constructor(readonly items: Value[]) {}
}

/**
 * Julia's NamedTuple, `(a = 1, b = 2)` or `(; μ, σ)`: fields in order (a Map keeps insertion order). Not a
 * JTuple subclass, because Julia tells them apart where tuple code would not: `(a = 1,) != (1,)`, a named
 * tuple is not a `Tuple`, and it cannot be broadcast over.
 */
export class JNamedTuple {
  /** The file's struct it is a value of, if any: a plain struct's fields are read as a named tuple's. */
  readonly structName?: string;

  constructor(readonly entries: Map<string, Value>) {}
}

export class JChar {
  constructor(readonly value: string) {}
}

/** Julia's Symbol (`:a`, the keys of a named tuple): one object per name, so that `==`, `===` and `in` compare it by identity. */
export class JSymbol {
  private static readonly byName = new Map<string, JSymbol>();

  private constructor(readonly name: string) {}

  static of(name: string): JSymbol {
    let s = JSymbol.byName.get(name);
    if (s === undefined) JSymbol.byName.set(name, (s = new JSymbol(name)));
    return s;
  }
}

/** `I` and `λ * I`: the identity of whatever size the other operand needs. */
export class UniformScaling {
  constructor(readonly lambda: Real) {}
}

/** `cholesky(A)`: the lower factor, with `.L`, `.U` and `.UL` views. */
export class JCholesky {
  constructor(
    readonly lower: JArray,
    readonly uplo: 'L' | 'U' = 'L',
  ) {}
}

/** A type used as a value: `Float64`, `Int`, `Vector{Float64}`, or a function's type parameter `T`. */
export class JType {
  constructor(
    readonly name: string,
    readonly params: JType[] = [],
  ) {}

  toString(): string {
    return this.params.length ? `${this.name}{${this.params.map(String).join(', ')}}` : this.name;
  }
}

export interface CallArgs {
  args: Value[];
  kwargs: Map<string, Value>;
}

/** A callable: a built-in or a user function. `call` may throw; the evaluator attaches the span. */
export class JFunction {
  constructor(
    readonly name: string,
    readonly call: (args: Value[], kwargs: Map<string, Value>) => Value,
    /**
     * Whether some method takes n positional arguments, where the function knows (the file's functions and
     * lambdas): `ODEProblem` tells `f(du, u, p, t)` from `f(u, p, t)` by it, as DifferentialEquations does.
     */
    readonly takes?: (n: number) => boolean,
  ) {}
}

const NO_VALUES: ReadonlyMap<string, Value> = new Map();

/**
 * Random variables a model object gives values (DynamicPPL's `condition` and `fix`), by name relative to
 * the model: conditioned ones are observed at their value, fixed ones are constants that add no density.
 */
export interface GivenVariables {
  readonly conditioned: ReadonlyMap<string, Value>;
  readonly fixed: ReadonlyMap<string, Value>;
}

/**
 * A model called with its arguments (`inner(x)`), Turing's model object: it runs inside another model as
 * a submodel, and in a pasted script (`model = gdemo(x) | (; y = 2)`) it says what data the model gets.
 */
export class ModelInstance {
  private named: ReadonlyMap<string, Value> | undefined;

  constructor(
    readonly name: string,
    /** Runs the model's body under the caller's context; variable names get `prefix` (empty for none). */
    readonly run: (ctx: Context, prefix: string, given?: GivenVariables) => Value,
    /** Makes `args` when first asked: a submodel call, made at every evaluation of the model around it, never asks. */
    private readonly argsOf: () => ReadonlyMap<string, Value> = () => NO_VALUES,
    /** Random variables given values by `model | (; y = …)` / `condition(model, …)`. */
    readonly conditions: ReadonlyMap<string, Value> = NO_VALUES,
    /** Random variables made constants by `fix(model, …)`. */
    readonly fixes: ReadonlyMap<string, Value> = NO_VALUES,
  ) {}

  /** The arguments of the call, by parameter name (positional and keyword; defaults left out). */
  get args(): ReadonlyMap<string, Value> {
    return (this.named ??= this.argsOf());
  }

  /** DynamicPPL's `condition`: the same call, with more random variables given values. */
  conditioned(values: ReadonlyMap<string, Value>): ModelInstance {
    return new ModelInstance(this.name, this.run, () => this.args, new Map([...this.conditions, ...values]), this.fixes);
  }

  /** DynamicPPL's `fix`: the same call, with more random variables made constants. */
  fixed(values: ReadonlyMap<string, Value>): ModelInstance {
    return new ModelInstance(this.name, this.run, () => this.args, this.conditions, new Map([...this.fixes, ...values]));
  }

  /** DynamicPPL's `decondition` (and `unfix`): without the conditions (fixes) on `names`, or on every variable when none are named. */
  released(kind: 'conditions' | 'fixes', names: readonly string[]): ModelInstance {
    const kept = new Map([...this[kind]].filter(([name]) => names.length > 0 && !names.includes(name)));
    return new ModelInstance(this.name, this.run, () => this.args, kind === 'conditions' ? kept : this.conditions, kind === 'fixes' ? kept : this.fixes);
  }
}

/** `to_submodel(inner(x), autoPrefix)` */
export class Submodel {
  constructor(
    readonly instance: ModelInstance,
    readonly autoPrefix: boolean,
  ) {}
}

export type Value =
  | Real
  | boolean
  | string
  | Missing
  | Nothing
  | JArray
  | JRange
  | JTuple
  | JNamedTuple
  | JChar
  | JSymbol
  | UniformScaling
  | JCholesky
  | JType
  | JFunction
  | ModelInstance
  | Submodel
  | DataFrame
  | JDict
  | JDate
  | JDateTime
  | JPeriod
  | Distribution;

export function isReal(v: unknown): v is Real {
  return typeof v === 'number' || isAD(v);
}

export function isDistribution(v: unknown): v is Distribution {
  // Every `~` asks: most are univariate, found by their prototype before the property probes (slow on the many shapes of values).
  if (v instanceof UnivariateDistribution) return true;
  return typeof v === 'object' && v !== null && 'variate' in v && 'logpdf' in v && typeof (v as Distribution).logpdf === 'function';
}

/** The lengths of a vector's elements where they are all vectors: how ragged rows (Julia's `Vector{Vector}`) bind. */
export function vectorLengths(v: Value | undefined): number[] | undefined {
  if (!(v instanceof JArray) || v.ndims !== 1 || v.length === 0) return undefined;
  const lengths = v.data.map((x) => (x instanceof JArray && x.ndims === 1 ? x.length : -1));
  return lengths.includes(-1) ? undefined : lengths;
}

/** Ragged data says so, with its vectors' lengths: "a vector of length 2" read as two numbers. */
function describeVector(v: JArray): string {
  const lengths = vectorLengths(v);
  if (lengths === undefined) return `a vector of length ${v.length}`;
  const shown = lengths.length > 6 ? `${lengths.slice(0, 6).join(', ')}, …` : lengths.join(', ');
  return `a vector of ${v.length} vector${v.length === 1 ? '' : 's'} (lengths ${shown})`;
}

/** A short, user-facing description of a value's kind, for error messages. */
export function describe(v: Value | undefined): string {
  if (v === undefined) return 'an unassigned element';
  if (typeof v === 'number') return Number.isInteger(v) ? `the integer ${v}` : `the number ${v}`;
  if (isAD(v)) return 'a number';
  if (typeof v === 'boolean') return `the Bool ${v}`;
  if (typeof v === 'string') return 'a string';
  if (v === MISSING) return 'missing';
  if (v === NOTHING) return 'nothing';
  if (v instanceof JArray) return v.ndims === 1 ? describeVector(v) : `a ${v.shape.join('×')} array`;
  if (v instanceof JRange) return `a range of length ${v.length}`;
  if (v instanceof JTuple) return `a tuple of ${v.items.length}`;
  if (v instanceof JNamedTuple && v.structName !== undefined) return `a ${v.structName} (${[...v.entries.keys()].join(', ')})`;
  if (v instanceof JNamedTuple) return v.entries.size ? `a named tuple (${[...v.entries.keys()].join(', ')})` : 'an empty named tuple';
  if (v instanceof JChar) return 'a character';
  if (v instanceof JSymbol) return `the Symbol :${v.name}`;
  if (v instanceof UniformScaling) return 'the identity I';
  if (v instanceof JCholesky) return 'a Cholesky factorisation';
  if (v instanceof JType) return `the type ${v.toString()}`;
  if (v instanceof JFunction) return `the function ${v.name}`;
  if (v instanceof ModelInstance) return `the model ${v.name}`;
  if (v instanceof Submodel) return `the submodel ${v.instance.name}`;
  if (v instanceof DataFrame) return `a data frame (${v.nrow} rows × ${v.ncol} columns)`;
  if (v instanceof JDict) return `a ${v.summary}`;
  if (v instanceof JDate) return `the Date ${v.toString()}`;
  if (v instanceof JDateTime) return `the DateTime ${v.toString()}`;
  if (v instanceof JPeriod) return `the period ${v.toString()}`;
  if (isDistribution(v)) return `a ${v.family} distribution`;
  return 'a value';
}
