import type { Context, Diagnostic, Value } from '../../model/index.js';
import type { Scope } from './scope.js';

/** What a running model needs besides its scope: the context and where `~` names come from. */
export interface Runtime {
  ctx: Context;
  /** Submodel prefix for variable names (`a` makes `x` into `a.x`), empty at the top. */
  prefix: string;
  /** The model's argument names: only these can be observed by `~` (DynamicPPL's rule). */
  argNames: ReadonlySet<string>;
  /**
   * Random variables given values by the data (DynamicPPL's `condition` / `model | (; y = …)`): `y ~ D` and
   * `y[i] ~ D` observe these values whatever the model has assigned to `y` meanwhile.
   */
  conditioned?: ReadonlyMap<string, Value>;
  /** Random variables made constants (DynamicPPL's `fix`): `y ~ D` and `y[i] ~ D` take these values and add no density. */
  fixed?: ReadonlyMap<string, Value>;
  /** What `end` refers to inside the index being evaluated. */
  endStack: { target: Value; dim: number; ndims: number }[];
  /** The value of the last expression statement: a Julia function's implicit return value. */
  last: Value;
}

export type Ev = (s: Scope, rt: Runtime) => Value;

export type Signal = { kind: 'break' } | { kind: 'continue' } | { kind: 'return'; value: Value };

/** A statement: returns a signal for break/continue/return, or undefined to go on. */
export type Exec = (s: Scope, rt: Runtime) => Signal | undefined;

export interface CompileContext {
  source: string;
  diagnostics: Diagnostic[];
  /** Names bound anywhere in the function being compiled (parameters, assignments, loop variables…). */
  locals: ReadonlySet<string>;
  inModel: boolean;
  /** Compiling the body of an anonymous function (`x -> begin … end`, a `do` block), where `~` and `:=` have no meaning. */
  inAnonymousFunction?: boolean;
  /** In a model: the names its body assigns with `=` that are not its arguments, and where first (see TildeCompiler's warning). */
  assignedLocals?: ReadonlyMap<string, number>;
  /** In a model: the names it assigns from a copy of an argument (`y = collect(y_val)`), see `argumentCopies`. */
  argumentCopies?: ReadonlyMap<string, { argument: string; at: number }>;
}
