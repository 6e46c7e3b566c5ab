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

/** A call of the model in the script, with what conditions it: `m(…) | (; y = …)` or `condition(m(…), …)`. */
interface ModelCall {
  call: A.Call;
  /** A named tuple's fields or a call's keyword arguments: random variables given values. */
  conditions: readonly A.KeywordArg[];
}

const isCallOf = (name: string, e: A.Expr | undefined): e is A.Call => e?.kind === 'call' && !e.broadcast && e.callee.kind === 'ident' && e.callee.name === name;

/** The fields of `(; y = …)`, or nothing for anything else. */
const fieldsOf = (e: A.Expr | undefined): readonly A.KeywordArg[] => (e?.kind === 'namedtuple' ? e.fields : []);

/**
 * Whether a top-level line's value is a model object in Turing (`gdemo(x)`, `m(t) | (; y = yf)`,
 * `condition(m(t), y = yf)`): Tilde has no such values; the line's use is the data it gives.
 */
export function isModelObject(e: A.Expr, models: ReadonlySet<string>): boolean {
  const called = (x: A.Expr | undefined): boolean => x?.kind === 'call' && !x.broadcast && x.callee.kind === 'ident' && models.has(x.callee.name);
  if (e.kind === 'binary' && e.op === '|' && !e.dotted) return called(e.left);
  return called(e) || (isCallOf('condition', e) && called(e.args[0]));
}

/** Every call `name(…)` inside the script's top-level lines, in file order, with its conditioning. */
function callsOf(name: string, roots: readonly A.Expr[]): ModelCall[] {
  const found: ModelCall[] = [];
  const conditioned = new Set<A.Call>();
  const visit = (e: A.Expr): void => {
    if (e.kind === 'binary' && e.op === '|' && !e.dotted && isCallOf(name, e.left)) {
      found.push({ call: e.left, conditions: fieldsOf(e.right) });
      conditioned.add(e.left);
    } else if (isCallOf('condition', e) && isCallOf(name, e.args[0])) {
      found.push({ call: e.args[0], conditions: [...fieldsOf(e.args[1]), ...e.kwargs] });
      conditioned.add(e.args[0]);
    } else if (isCallOf(name, e) && !conditioned.has(e)) {
      found.push({ call: e, conditions: [] });
    }
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

/**
 * The values of one call's arguments by the model's parameter names, and of its conditioned random
 * variables by theirs; undefined when any argument fails to evaluate. A condition that fails (data drawn
 * with `randn` in the script, say) is left for the user's data to give.
 */
function argumentsOf(def: A.FunctionDef, { call, conditions }: ModelCall, evaluate: (e: A.Expr) => TopLevelValue): Map<string, Value> | undefined {
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
  for (const c of conditions) bind(c.name, c.value);
  return values;
}

/**
 * A pasted tutorial script calls its model with the data — `chn = sample(gdemo(1.5, 2), NUTS(), 1000)`,
 * `model = coinflip(; N = 10)`, `decomp(t, c) | (; y = yf)` — and Turing users expect it to run as pasted.
 * The first call of the model whose arguments evaluate before the model runs (literals, top-level
 * constants) gives the arguments it names and the random variables it conditions; the data the user
 * gives takes precedence.
 */
export function scriptArguments(def: A.FunctionDef, roots: readonly A.Expr[], evaluate: (e: A.Expr) => TopLevelValue): ScriptArguments | undefined {
  for (const found of callsOf(def.name, roots)) {
    const values = argumentsOf(def, found, evaluate);
    if (values !== undefined && values.size > 0) return { call: found.call, values };
  }
  return undefined;
}
