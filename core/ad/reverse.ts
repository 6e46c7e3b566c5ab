import type { GradientResult } from './forward.js';
import type { Real } from './real.js';
import { Tape } from './tape.js';

/**
 * Reverse mode (ReverseDiff.jl's design): record the function once on a tape, then one backward sweep
 * gives the whole gradient, whatever the number of parameters. Pass the same `tape` to repeated calls to
 * reuse its buffers.
 */
export function reverseGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>, tape = new Tape()): GradientResult {
  const out = f(tape.begin(theta, false));
  if (typeof out === 'number') return { value: out, grad: new Float64Array(theta.length) };
  return { value: out.v, grad: tape.gradient(tape.indexOf(out)) };
}

/** A compiled tape cannot represent the function: the message says why and what to use instead. */
export class CompiledTapeError extends Error {
  override readonly name = 'CompiledTapeError';
  /** Where in the model's source, when the interpreter met it there (set by the first construct it passes through). */
  span: { from: number; to: number } | undefined;

  constructor(
    /** Why, in a clause ("`if x > 0` on line 4 depends on a parameter's value"), for messages that quote it. */
    readonly reason: string,
  ) {
    super(`reversediff with a compiled tape cannot differentiate this model: ${reason}. ${INSTEAD}`);
  }
}

const INSTEAD = 'Use reversediff without compile (or forwarddiff, or tracker) for this model.';

/** The compiled recording in progress, and the first reason it cannot be replayed. */
let recording: { tape: Tape; reason: string | undefined } | undefined;

/**
 * The runtime's hook for control flow that a tape cannot see. A compiled tape replays the operations it
 * recorded, so if a comparison or a conversion to a plain number decided what the function did, the
 * replay would silently follow the recorded path at every other θ.
 *
 * Callers (the model language's runtime, and library code that builds several nodes) must call this,
 * synchronously while the function runs, with the value and a description of what decided for the user
 * (e.g. "a comparison (`>`)"; the interpreter adds the statement's place as the error passes) whenever an AD value's number decides anything outside a node:
 * comparisons (`<`, `<=`, `==`, `isless`, `isnan`, `isfinite` …) whose result is used; `value(x)`,
 * `Int`, `floor`, `round` and friends used for a branch, a loop bound, an index, an array size, a pivot
 * or a plain-number constant fed to later operations. Call it for each operand of a comparison (plain
 * numbers are ignored); during a compiled recording a note throws the `CompiledTapeError`. Branching inside a
 * `Recompute` rule needs no note, since the rule runs again at replay: that is why the ops of core/ad
 * (min and max included) need none. Outside a compiled recording, or when `x` is a plain number or
 * belongs to another backend, this returns at once, so callers need not check anything first.
 */
export function noteValueDependence(x: Real, what: string): void {
  if (recording === undefined || typeof x === 'number' || x.backend !== recording.tape) return;
  recording.reason ??= what;
  // Thrown at once, through the interpreter's constructs, so that the error learns the statement's place.
  throw refusal(recording.reason);
}

/**
 * Whether `x` belongs to a recording made for replay (a compiled tape) in progress: code that would differentiate a
 * part of the function by itself, as one node without a replay rule, leaves such a recording the part's own operations.
 */
export function recordsForReplay(x: Real): boolean {
  return recording !== undefined && typeof x !== 'number' && x.backend === recording.tape;
}

/**
 * The runtime's hook for an argument check, like Julia's DomainError for `log` of a negative number:
 * throws `error(v)` when `inside(v)` fails for x's value `v`. During a compiled recording, a value of the
 * recording that passes is also kept on the tape, so that a gradient replay makes the check again and
 * throws where the function would: else a checked value that feeds nothing the output needs
 * (`z := log(m)`) would let the replay accept points the function rejects, a different posterior.
 * `inside` should be one function per kind of check, not a closure per call: a tape checks a value once
 * per kind.
 */
export function checkDomain(x: Real, inside: (v: number) => boolean, error: (v: number) => Error): void {
  const v = typeof x === 'number' ? x : x.v;
  if (!inside(v)) throw error(v);
  if (recording !== undefined && typeof x !== 'number' && x.backend === recording.tape) recording.tape.keepValueCheck(x, inside, error);
}

/**
 * `checkDomain` of a condition on several values together (`a < b` of `Uniform(a, b)`), given them in
 * order: kept on a compiled recording when any of them is a value of it.
 */
export function checkDomainOf(xs: readonly Real[], inside: (v: ArrayLike<number>) => boolean, error: (v: ArrayLike<number>) => Error): void {
  const vs: number[] = new Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    vs[i] = typeof x === 'number' ? x : x.v;
  }
  if (!inside(vs)) throw error(vs);
  keepDomainCheck(xs, inside, error);
}

/**
 * The keeping half of `checkDomainOf`, for a caller that has just made the check itself as part of work
 * it needs anyway (the factorisation of a covariance argument): a second check would double that work
 * at every evaluation, on every backend.
 */
export function keepDomainCheck(xs: readonly Real[], inside: (v: ArrayLike<number>) => boolean, error: (v: ArrayLike<number>) => Error): void {
  if (recording === undefined) return;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (typeof x !== 'number' && x.backend === recording.tape) {
      recording.tape.keepCheck(xs, inside, error);
      return;
    }
  }
}

function refusal(reason: string): CompiledTapeError {
  return new CompiledTapeError(`${reason} depends on a parameter's value, so a tape recorded once would follow the recorded path at every other value and give wrong gradients`);
}

/**
 * Records `f` once at `theta` on a tape made for replay, or throws `CompiledTapeError` when the recording
 * cannot stand for `f` at other θ: a value dependence was noted (thrown from the note itself), or a node
 * was built without a recompute rule.
 */
function recordForReplay<T>(f: (theta: readonly Real[]) => T, theta: ArrayLike<number>): { tape: Tape; out: T } {
  const tape = new Tape();
  const outer = recording;
  const state: { tape: Tape; reason: string | undefined } = { tape, reason: undefined };
  recording = state;
  let out: T;
  try {
    out = f(tape.begin(theta, true));
  } catch (e) {
    // A noted dependence that something caught and turned into another error is still the reason.
    if (state.reason !== undefined && !(e instanceof CompiledTapeError)) throw refusal(state.reason);
    throw e;
  } finally {
    recording = outer;
  }
  // Noted where a `try` in the function swallowed the refusal: without its place, but refused.
  if (state.reason !== undefined) throw refusal(state.reason);
  const missing = tape.nodeWithoutRule();
  if (missing !== undefined) {
    throw new CompiledTapeError(
      `tape entry ${missing} of ${tape.length} was built from hand-written partials without a recompute rule (as distributions' log densities and bijectors still are), so it cannot be replayed at new parameter values`,
    );
  }
  return { tape, out };
}

function checkDimension(theta: ArrayLike<number>, n: number): void {
  if (theta.length !== n) throw new RangeError(`compiled tape recorded for ${n} parameters, given ${theta.length}`);
}

/**
 * ReverseDiff's compiled tape: record `f` once at `theta`, then each call replays the recorded operations
 * at the new θ (values and partials, through each node's `Recompute` rule), makes the argument checks
 * `f` made (see `checkDomain`), throwing as `f` would, and sweeps backwards, without running `f` again.
 * Throws `CompiledTapeError` as `recordForReplay` does.
 */
export function compileGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>): (theta: ArrayLike<number>) => GradientResult {
  const { tape, out } = recordForReplay(f, theta);
  const n = theta.length;
  const constant = typeof out === 'number' ? out : undefined;
  const index = typeof out === 'number' ? -1 : tape.indexOf(out);
  return (theta) => {
    checkDimension(theta, n);
    if (constant !== undefined) return { value: constant, grad: new Float64Array(n) };
    tape.replay(theta);
    tape.checkDomains();
    return { value: tape.valueAt(index), grad: tape.gradient(index) };
  };
}

/**
 * A vector-valued `f` on a compiled tape, with its Jacobian: recorded once at `theta`, then each call replays the
 * operations at the new θ, makes `f`'s argument checks (throwing as `f` would, see `checkDomain`) and sweeps back
 * from each output: row i of `jacobian` is output i's gradient. For a small function called many times inside
 * one evaluation (an ODE's right-hand side, some ten times per step of a solve), where the replay is many times
 * cheaper than running `f` again. Throws `CompiledTapeError` as `compileGradient` does.
 */
export function compileJacobian(f: (theta: readonly Real[]) => readonly Real[], theta: ArrayLike<number>): (theta: ArrayLike<number>) => { values: Float64Array; jacobian: Float64Array[] } {
  const { tape, out } = recordForReplay(f, theta);
  const n = theta.length;
  const indices = Int32Array.from(out, (x) => (typeof x === 'number' ? -1 : tape.indexOf(x)));
  const constants = Float64Array.from(out, (x) => (typeof x === 'number' ? x : NaN));
  const none = new Float64Array(n);
  return (theta) => {
    checkDimension(theta, n);
    tape.replay(theta);
    tape.checkDomains();
    const values = new Float64Array(indices.length);
    const jacobian: Float64Array[] = new Array(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const k = indices[i]!;
      values[i] = k >= 0 ? tape.valueAt(k) : constants[i]!;
      jacobian[i] = k >= 0 ? tape.gradient(k) : none;
    }
    return { values, jacobian };
  };
}

/**
 * A vector-valued `f` on a compiled tape: recorded once at `theta`, then each call replays, at the new θ,
 * only the operations the outputs depend on, and reads them, with no sweep (for values wanted at every
 * draw, not differentiated). The argument checks are not made again: an output computed outside its
 * function's domain comes out as the rule gives it (NaN for `log` of a negative number), and the others
 * stand. Throws `CompiledTapeError` as `compileGradient` does.
 */
export function compileValues(f: (theta: readonly Real[]) => readonly Real[], theta: ArrayLike<number>): (theta: ArrayLike<number>) => Float64Array {
  const { tape, out } = recordForReplay(f, theta);
  const n = theta.length;
  const indices = Int32Array.from(out, (x) => (typeof x === 'number' ? -1 : tape.indexOf(x)));
  const constants = Float64Array.from(out, (x) => (typeof x === 'number' ? x : NaN));
  const needed = tape.dependencies(Array.from(indices).filter((k) => k >= 0));
  return (theta) => {
    checkDimension(theta, n);
    tape.replay(theta, needed);
    const values = new Float64Array(indices.length);
    for (let i = 0; i < indices.length; i++) values[i] = indices[i]! >= 0 ? tape.valueAt(indices[i]!) : constants[i]!;
    return values;
  };
}
