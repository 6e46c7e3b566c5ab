/**
 * The one numeric interface that model code, distributions and bijectors are written against.
 *
 * A `Real` is either a plain number or a value owned by an AD backend. Every differentiable operation,
 * from `+` to a whole vectorised log density, reaches the backends through a single primitive: `node`,
 * a value together with its partial derivatives with respect to its inputs (Stan Math's "precomputed
 * gradients" vari). A backend therefore implements one method; operations are written once.
 */
export abstract class ADNum {
  /** The primal value. */
  abstract readonly v: number;
  /** The backend that owns this value; nodes built from it are built by the same backend. */
  abstract readonly backend: NodeFactory;
}

export type Real = number | ADNum;

/**
 * The same operation as a function of its inputs' values: returns the value and writes one partial per
 * input (all of them, constants included) into `partials`. A compiled reverse tape records this next to
 * each node so it can replay the operation at new parameter values; `x` and `partials` may be longer
 * than the operation's arity, and the function must not keep either, nor write into `x` (a compiled tape
 * keeps the constants there between replays).
 */
export type Recompute = (x: ArrayLike<number>, partials: Float64Array) => number;

/** Marks a linear rule: a property on the function, not a set of rules, so that a rule made per node (a data row's coefficients) costs no set insertion. */
const LINEAR: unique symbol = Symbol('linear');

type MarkedRule = Recompute & { [LINEAR]?: true };

/**
 * Marks `rule` as linear: its value is Σ partials[i] · x[i] over all its inputs, constants included, and
 * its partials never depend on the input values (sums, differences, scaling by a constant, a row of a
 * data matrix times parameters). A compiled tape then replays the node from its recorded partials,
 * without calling the rule or copying operands: in a regression most nodes are such, and the call was
 * most of their cost. A constant whose partial is not its coefficient breaks the replay: give it 0 and
 * let the coefficient stand at the AD input's partial.
 */
export function linear(rule: Recompute): Recompute {
  (rule as MarkedRule)[LINEAR] = true;
  return rule;
}

export function isLinear(rule: Recompute | undefined): boolean {
  return rule !== undefined && (rule as MarkedRule)[LINEAR] === true;
}

/**
 * An operation with many outputs recorded as one entry (Stan Math's multi-output vari): a product of a
 * data matrix with a parameter vector, an elementwise operation over arrays. A tape then walks one entry
 * per statement, and the operation's own loops run over contiguous memory.
 */
export interface BlockOp {
  /** Writes the outputs' values at `out[at …]` from the inputs' values `x` (constants included, in input order). */
  forward(x: Float64Array, out: Float64Array, at: number): void;
  /** Adds to `adjX` (one entry per input) the inputs' adjoints given the outputs' adjoints `adjoint[at …]`. */
  backward(x: Float64Array, adjoint: Float64Array, at: number, adjX: Float64Array): void;
  /** True when `backward` does not read `x` (a linear map), so the tape need not gather the inputs for it. */
  readonly linear?: boolean;
}

export interface NodeFactory {
  /**
   * `count` outputs of `op` on `inputs`, as one entry. Optional: a backend without it gets the outputs
   * as separate nodes from the caller, so `op` must describe exactly what those nodes would.
   */
  block?(inputs: readonly Real[], op: BlockOp, count: number): ADNum[];

  /**
   * A new value `v` whose derivative is Σ partials[i] · d(inputs[i]). Inputs may repeat and may be plain
   * numbers (their partials are ignored). At least one input belongs to this backend. `partials` is only
   * read during the call (callers may reuse the buffer); `recompute`, when given, must agree with `v`
   * and `partials` at the current input values.
   */
  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>, recompute?: Recompute): ADNum;
}

export function isAD(x: unknown): x is ADNum {
  return x instanceof ADNum;
}

export function value(x: Real): number {
  return typeof x === 'number' ? x : x.v;
}

/**
 * The primal values of a flat `Real[]`, for the plain-number arithmetic every log density runs on. A loop:
 * `Float64Array.from(xs, value)` takes V8's generic iterator path.
 */
export function valuesOf(xs: readonly Real[]): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = value(xs[i]!);
  return out;
}

/** The backend of the first AD input, or undefined when every input is a plain number. */
export function backendOf(inputs: readonly Real[]): NodeFactory | undefined {
  for (const x of inputs) if (typeof x !== 'number') return x.backend;
  return undefined;
}

export function anyAD(inputs: readonly Real[]): boolean {
  for (const x of inputs) if (typeof x !== 'number') return true;
  return false;
}

/**
 * One node whose value and partials come from `rule` at the inputs' current values, with the rule handed
 * to the backend too, so a compiled reverse tape can replay it: value, partials and replay from one
 * formula. Plain inputs only give the value.
 */
export function nodeByRule(inputs: readonly Real[], rule: Recompute): Real {
  const n = inputs.length;
  const buffers = acquire(n);
  const { x, p } = buffers;
  for (let i = 0; i < n; i++) {
    const input = inputs[i]!;
    x[i] = typeof input === 'number' ? input : input.v;
  }
  p.fill(0);
  try {
    return node(rule(x, p), inputs, p, rule);
  } finally {
    buffers.busy = false;
  }
}

interface Scratch {
  x: Float64Array;
  p: Float64Array;
  busy: boolean;
}

/**
 * A rule's argument and partial buffers, kept per length: V8 allocates a Float64Array over 64 bytes outside
 * its heap, at ~0.4 µs each (ten times a small one), which was a sixth of a small model's gradient. Rules and
 * backends read them only during the call (see `NodeFactory.node`); a rule that makes a node itself gets
 * fresh ones.
 */
const scratch: (Scratch | undefined)[] = [];
const KEPT_LENGTH = 4096;

function acquire(n: number): Scratch {
  const kept = n <= KEPT_LENGTH ? scratch[n] : undefined;
  if (kept !== undefined && !kept.busy) {
    kept.busy = true;
    return kept;
  }
  const fresh = { x: new Float64Array(n), p: new Float64Array(n), busy: true };
  if (kept === undefined && n <= KEPT_LENGTH) scratch[n] = fresh;
  return fresh;
}

/** `v` with the given partials when any input is AD, otherwise just `v`. */
export function node(v: number, inputs: readonly Real[], partials: ArrayLike<number>, recompute?: Recompute): Real {
  const backend = backendOf(inputs);
  return backend === undefined ? v : backend.node(v, inputs, partials, recompute);
}

/** How many times a backend was handed a value it did not make (see `foreignValue`). */
let foreignMeetings = 0;

/**
 * Every backend's refusal of a value it did not make (another evaluation's, another backend's). Counted, because
 * a caller that runs part of a computation on numbers of its own (`solve` on local forward-mode numbers) must learn
 * that its numbers met the outer ones even when the error reaches it wrapped by the interpreter, or caught by user code.
 */
export function foreignValue(message: string): never {
  foreignMeetings++;
  throw new Error(message);
}

/** The count of refusals so far: compare it before and after a computation to learn whether it met foreign values. */
export function foreignValuesMet(): number {
  return foreignMeetings;
}
