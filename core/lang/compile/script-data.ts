import type * as A from '../ast.js';
import { JArray, type Value } from '../../model/index.js';
import { forEachChild } from './walk.js';

/** What a top-level line gives when evaluated before the model: its value, or why it cannot run. */
export type TopLevelValue = { value: Value } | { problem: string };

/** The script's call of a model that supplies its data, and the values by argument name. */
export interface ScriptArguments {
  call: A.Call;
  values: Map<string, Value>;
}

/** Every call `name(…)` inside the script's top-level lines, in file order. */
function callsOf(name: string, roots: readonly A.Expr[]): A.Call[] {
  const found: A.Call[] = [];
  const visit = (e: A.Expr): void => {
    if (e.kind === 'call' && !e.broadcast && e.callee.kind === 'ident' && e.callee.name === name) found.push(e);
    forEachChild(e, visit);
  };
  roots.forEach(visit);
  return found;
}

/**
 * Read-only copies, as the data panel's arrays are: a model that writes into its data then works on a copy
 * (not on a value the next run would see changed), and constant data gets the same fast paths.
 */
function asData(v: Value): Value {
  // Structured arrays (Diagonal, row vectors) keep their kind; they are read-only already.
  if (!(v instanceof JArray) || v.constructor !== JArray) return v;
  const copy = new JArray(v.shape.slice(), v.data.map((x) => (x === undefined ? x : asData(x))), v.eltype);
  copy.frozen = true;
  return copy;
}

/** The values of one call's arguments by the model's parameter names, or undefined when any fails to evaluate. */
function argumentsOf(def: A.FunctionDef, call: A.Call, evaluate: (e: A.Expr) => TopLevelValue): Map<string, Value> | undefined {
  if (call.args.length > def.params.length || def.params.some((p) => p.splat) || call.args.some((a) => a.kind === 'splat')) return undefined;
  const values = new Map<string, Value>();
  const bind = (name: string, e: A.Expr): boolean => {
    const result = evaluate(e);
    if ('problem' in result) return false;
    if (name !== '') values.set(name, asData(result.value));
    return true;
  };
  if (!call.args.every((a, i) => bind(def.params[i]!.name, a))) return undefined;
  for (const k of call.kwargs) {
    if (!def.kwparams.some((p) => p.name === k.name) || !bind(k.name, k.value)) return undefined;
  }
  return values;
}

/**
 * A pasted tutorial script calls its model with the data — `chn = sample(gdemo(1.5, 2), NUTS(), 1000)`,
 * `model = coinflip(; N = 10)` — and Turing users expect it to run as pasted. The first call of the model
 * whose arguments evaluate before the model runs (literals, top-level constants) gives the arguments it
 * names; the data the user gives takes precedence.
 */
export function scriptArguments(def: A.FunctionDef, roots: readonly A.Expr[], evaluate: (e: A.Expr) => TopLevelValue): ScriptArguments | undefined {
  for (const call of callsOf(def.name, roots)) {
    const values = argumentsOf(def, call, evaluate);
    if (values !== undefined && values.size > 0) return { call, values };
  }
  return undefined;
}
