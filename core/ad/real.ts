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

export interface NodeFactory {
  /**
   * A new value `v` whose derivative is Σ partials[i] · d(inputs[i]). Inputs may repeat and may be plain
   * numbers (their partials are ignored). At least one input belongs to this backend.
   */
  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>): ADNum;
}

export function isAD(x: unknown): x is ADNum {
  return x instanceof ADNum;
}

export function value(x: Real): number {
  return typeof x === 'number' ? x : x.v;
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

/** `v` with the given partials when any input is AD, otherwise just `v`. */
export function node(v: number, inputs: readonly Real[], partials: ArrayLike<number>): Real {
  const backend = backendOf(inputs);
  return backend === undefined ? v : backend.node(v, inputs, partials);
}
