import { LocalDuals, compileJacobian, foreignValuesMet, isAD, node, recordsForReplay, replayAgrees, value, type ADNum, type Real } from '../../ad/index.js';
import { JArray, JNamedTuple, JRange, JSymbol, JTuple, MISSING, NOTHING, isReal, type Value } from '../../model/index.js';
import type { RightHandSide, Trajectory } from '../../ode/index.js';

/** The user's right-hand side at (u, p, t) (a delay problem's reading the solution so far through `past`). */
export type Evaluate = (u: readonly Real[], p: Value, t: Real, past: (t: number) => readonly Real[]) => readonly Real[];

/** `solve`'s integration from the initial state given, with the parameters given and the right-hand side made of them. */
export type Run = (u0: readonly Real[], p: Value, rhs: RightHandSide) => Trajectory;

/**
 * A solve differentiated as Stan differentiates one, and as the distributions are: on plain numbers, then one node
 * per saved value of the outer backend with its partials towards the AD numbers of u0 and p. The partials come from
 * running the integrator itself in local forward mode, one direction per AD input (discretise, then differentiate),
 * so they are the exact derivatives of the discrete solution, as the outer backend would have found them by
 * recording every stage of every step: a reverse tape then holds a node per saved value instead of the whole
 * solve, and forward mode carries as many directions as the solve has inputs, not the model.
 *
 * Gives undefined where this cannot stand for the solve, and the caller runs it on the outer numbers as before:
 * - no AD number in u0 or p (nothing to differentiate here; a right-hand side closing over a parameter still is);
 * - p holds something other than numbers, arrays and tuples of them (a function, a struct), which could hide one;
 * - a recording for a compiled tape, which replays its nodes by rule at other θ: the adaptive steps refuse it there,
 *   with the reason, and a fixed-step solve's own operations replay;
 * - the right-hand side (or `isoutofdomain`, or a delay problem's history) reached for an AD value it was not given
 *   through u0 or p, such as a model's parameter it closes over: the local numbers cannot carry that derivative.
 */
export function solveAsOneNode(u0: readonly Real[], p: Value, evaluate: Evaluate, run: Run, compilable: boolean): Trajectory | undefined {
  const inputs: ADNum[] = [];
  const collect = (x: Real): Real => {
    if (isAD(x)) inputs.push(x);
    return x;
  };
  u0.forEach(collect);
  if (mapReals(p, collect) === undefined || inputs.length === 0 || recordsForReplay(inputs[0]!)) return undefined;
  const duals = new LocalDuals(inputs.length);
  let k = 0;
  const seed = (x: Real): Real => (isAD(x) ? duals.seed(x.v, k++) : x);
  const u = u0.map(seed);
  const q = mapReals(p, seed)!;
  const met = foreignValuesMet();
  let trajectory: Trajectory;
  try {
    const interpreted: RightHandSide = (x, t, past) => duals.scoped(() => evaluate(x, q, t, past));
    trajectory = run(u, q, compilable ? replayed(evaluate, q, u.length, duals, interpreted) : interpreted);
  } catch (e) {
    // The error of values meeting, wrapped by the interpreter on its way out.
    if (foreignValuesMet() !== met) return undefined;
    throw e;
  }
  // Met where user code caught the error.
  if (foreignValuesMet() !== met) return undefined;
  const outer = (x: Real): Real => (typeof x === 'number' ? x : node(x.v, inputs, duals.partials(x)));
  return { ...trajectory, u: trajectory.u.map((state) => state.map(outer)), at: (t) => trajectory.at(t).map(outer) };
}

/**
 * The right-hand side replayed from a compiled tape of it (values and the Jacobian towards u, p and t), recorded at
 * its first call and checked against `interpreted` at its second: a solve calls it hundreds of times, and a replay
 * costs a small part of running the interpreted function. Where the tape cannot stand for the function (a branch on
 * u, p or t, as `t > 0 ? dose : 0.0`; an operation without a replay rule; a replay that disagrees), every call is
 * `interpreted`.
 */
function replayed(evaluate: Evaluate, p: Value, n: number, duals: LocalDuals, interpreted: RightHandSide): RightHandSide {
  const leaves: Real[] = [];
  mapReals(p, (x) => {
    leaves.push(x);
    return x;
  });
  const m = leaves.length;
  const inputs: Real[] = new Array(n + m);
  for (let k = 0; k < m; k++) inputs[n + k] = leaves[k]!;
  let jacobian: ReturnType<typeof compileJacobian> | undefined;
  let calls = 0;
  const theta = new Float64Array(n + m + 1);
  return (u, t, past) => {
    if (calls < 0) return interpreted(u, t, past);
    for (let i = 0; i < n; i++) theta[i] = value(u[i]!);
    for (let k = 0; k < m; k++) theta[n + k] = value(leaves[k]!);
    theta[n + m] = t;
    if (calls++ === 0) {
      try {
        jacobian = compileJacobian((x) => {
          let k = n;
          return evaluate(x.slice(0, n), mapReals(p, () => x[k++]!)!, x[n + m]!, past);
        }, theta);
      } catch {
        calls = -1;
        return interpreted(u, t, past);
      }
    }
    const { values, jacobian: rows } = jacobian!(theta);
    for (let i = 0; i < n; i++) inputs[i] = u[i]!;
    const out: Real[] = new Array(values.length);
    for (let j = 0; j < values.length; j++) out[j] = duals.node(values[j]!, inputs, rows[j]!);
    if (calls === 2) {
      const check = interpreted(u, t, past);
      const same = (a: Real, b: Real): boolean => replayAgrees(value(a), value(b)) && (typeof b === 'number' || duals.partials(b).every((d, k) => replayAgrees(typeof a === 'number' ? 0 : duals.partials(a)[k]!, d)));
      if (check.length !== out.length || !check.every((x, j) => same(out[j]!, x))) {
        calls = -1;
        return check;
      }
    }
    return out;
  };
}

/** `v` with every number replaced by `f` of it, or undefined when `v` holds values whose numbers this cannot see. */
function mapReals(v: Value, f: (x: Real) => Real): Value | undefined {
  if (isReal(v)) return f(v);
  if (typeof v === 'boolean' || typeof v === 'string' || v === NOTHING || v === MISSING || v instanceof JSymbol || v instanceof JRange) return v;
  if (v instanceof JArray) {
    const data = mapAll(v.data, f);
    if (data === undefined) return undefined;
    const mapped = new JArray(v.shape.slice(), data, v.eltype);
    mapped.frozen = v.frozen;
    return mapped;
  }
  if (v instanceof JTuple) {
    const items = mapAll(v.items, f);
    return items && new JTuple(items as Value[]);
  }
  // Not its subclasses (an ODEProblem), whose fields are not all it holds.
  if (v instanceof JNamedTuple && v.constructor === JNamedTuple) {
    const values = mapAll([...v.entries.values()], f);
    return values && new JNamedTuple(new Map([...v.entries.keys()].map((key, i) => [key, values[i]!])));
  }
  return undefined;
}

function mapAll(vs: readonly (Value | undefined)[], f: (x: Real) => Real): (Value | undefined)[] | undefined {
  const out: (Value | undefined)[] = new Array(vs.length);
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (v === undefined) continue;
    const mapped = mapReals(v, f);
    if (mapped === undefined) return undefined;
    out[i] = mapped;
  }
  return out;
}
