import type * as A from '../ast.js';
import { DataFrame, JArray, JDict, ModelInstance, type Span, type Value } from '../../model/index.js';
import { isSampleCall, nameOf } from '../calls.js';
import { forEachChild } from './walk.js';

/** What a top-level line gives when evaluated before the model: its value, or why it cannot run. */
/** A top-level line's value, with what it assigns for the file inside (`y` of `x = (y = 2) + 1`), or why it cannot run. */
export type TopLevelValue = { value: Value; assigned?: ReadonlyMap<string, Value> } | { problem: string };

/** Where the script makes the model object that supplies the data, and the values by name. */
export interface ScriptArguments {
  span: Span;
  /** The arguments and the random variables the object conditions. */
  values: Map<string, Value>;
  /** The random variables it fixes (`fix(model, σ = 1.0)`): constants, with no density. */
  fixed: Map<string, Value>;
}

/** A top-level line and, for `name = …`, the value it evaluated to. */
export interface ScriptLine {
  expr: A.Expr;
  value?: Value;
}

/** What an expression stands for where a line at `offset` reads it: a name followed to the value of its last `name = …` line before. */
export type ResolveAt = (e: A.Expr, offset: number) => A.Expr;

/** DynamicPPL's functions that make a model object from another: `condition(m(t), y = yf)`, `DynamicPPL.fix(m(t), …)`. */
const MODEL_TRANSFORMS: ReadonlySet<string> = new Set(['condition', 'decondition', 'fix', 'unfix', 'setthreadsafe']);

/** Takes a line's value as the script writes it, following no names. */
const asWritten = (e: A.Expr): A.Expr => e;

/**
 * The model of which a top-level line's value is a model object in Turing (`gdemo(x)`, `m(t) | (; y = yf)`,
 * `condition(m(t), y = yf)`, `fix(m(t), σ = 1)`), as written, whether or not its arguments can be known
 * before the model runs. `resolve` follows the names a script gives its model objects on the way
 * (`conditioned = model | (; y = y)` after `model = m(X)`); without it a name is no model object.
 */
export function modelObjectOf(e: A.Expr, models: ReadonlySet<string>, resolve = asWritten): string | undefined {
  const call = modelCallIn(e, models, resolve);
  return call?.callee.kind === 'ident' ? call.callee.name : undefined;
}

/** The call of the model itself in a model object as written: `gdemo(x)` in `condition(gdemo(x), y = 1)`. */
function modelCallIn(written: A.Expr, models: ReadonlySet<string>, resolve = asWritten): A.Call | undefined {
  const e = resolve(written);
  if (e.kind === 'binary' && e.op === '|' && !e.dotted) return modelCallIn(e.left, models, resolve);
  if (e.kind !== 'call' || e.broadcast) return undefined;
  if (e.callee.kind === 'ident' && models.has(e.callee.name)) return e;
  const transform = nameOf(e);
  const first = e.args[0];
  return transform !== undefined && MODEL_TRANSFORMS.has(transform) && first !== undefined ? modelCallIn(first, models, resolve) : undefined;
}

/** Whether a top-level line's value is a model object: the line's use here is the data it gives. */
export function isModelObject(e: A.Expr, models: ReadonlySet<string>): boolean {
  return modelObjectOf(e, models) !== undefined;
}

/**
 * Read-only copies, as the data panel's arrays are: a model that writes into its data then works on a copy
 * (not on a value the next run would see changed), and constant data gets the same fast paths.
 */
function asData(v: Value): Value {
  // A data frame a model takes whole (`m(df)`): its columns read-only, as the data panel's arrays are.
  if (v instanceof DataFrame) return new DataFrame(new Map([...v.columns].map(([name, c]) => [name, asData(c) as JArray])));
  // A Dict a model takes (`m(y, lookup)`): read-only too, so a model writing into it works on a copy of its own.
  if (v instanceof JDict) {
    const copy = v.copy();
    for (const entry of copy.entries.values()) entry.value = asData(entry.value);
    copy.frozen = true;
    return copy;
  }
  // Structured arrays (Diagonal, row vectors) keep their kind; they are read-only already.
  if (!(v instanceof JArray) || v.constructor !== JArray) return v;
  const copy = new JArray(v.shape.slice(), v.data.map((x) => (x === undefined ? x : asData(x))), v.eltype);
  copy.frozen = true;
  return copy;
}

/**
 * A script's call of the model that could not run before it: why, what it passes for each argument, by name, and the
 * values of those arguments that can be known before the model (`GP(y, X, 0.0, 1.0)` with `y` read from a file still
 * gives its prior's hyperparameters, where the model's defaults would silently stand in for them).
 */
export interface FailedCall {
  problem: string;
  span: Span;
  passed: Map<string, A.Expr>;
  known: Map<string, Value>;
  /** The random variables the sampled object observes (`m(x) | (; y)`): data the run must be given, never parameters. */
  conditions?: string[];
}

type Made = { instance: ModelInstance; span: Span } | FailedCall;

/** What a call passes for each of the model's arguments: positional ones in order, keyword ones by name. */
function passedArguments(def: A.FunctionDef, call: A.Call | undefined): Map<string, A.Expr> {
  const passed = new Map<string, A.Expr>();
  if (call === undefined) return passed;
  call.args.forEach((arg, i) => {
    const param = def.params[i];
    if (param !== undefined && !param.splat && arg.kind !== 'splat') passed.set(param.name, arg);
  });
  for (const kw of call.kwargs) passed.set(kw.name, kw.value);
  return passed;
}

/** The outermost model object of `name` written in `e`, evaluated before the model runs, or why it could not be. */
function instanceIn(def: A.FunctionDef, e: A.Expr, evaluate: (e: A.Expr) => TopLevelValue): Made | undefined {
  const name = def.name;
  const call = modelCallIn(e, new Set([name]));
  if (call !== undefined) {
    const result = evaluate(e);
    if ('problem' in result) {
      const passed = passedArguments(def, call);
      const known = new Map<string, Value>();
      for (const [param, arg] of passed) {
        const v = evaluate(arg);
        if ('value' in v) known.set(param, asData(v.value));
      }
      return { problem: result.problem, span: e.span, passed, known };
    }
    if (result.value instanceof ModelInstance && result.value.name === name) return { instance: result.value, span: e.span };
  }
  let found: Made | undefined;
  forEachChild(e, (c) => (found ??= instanceIn(def, c, evaluate)));
  return found;
}

/**
 * The model object of `def` a `sample(…)` line samples, made before the model: `sample(model, NUTS(), 1000)`,
 * `sample(m(x) | (; y), …)`, `sample(condition(model, y = y), …)`. It is the one the script fits, where other
 * calls of the model may give other data (a prior predictive `rand(m(t, c))` on unscaled inputs before it, or
 * `rand(m(x) | true_params)` simulating the data the sampled `m(x) | (; y)` conditions on): when it cannot be
 * made, why, and never another call's data.
 */
function sampledInstance(def: A.FunctionDef, lines: readonly ScriptLine[], evaluate: (e: A.Expr) => TopLevelValue, resolveAt: ResolveAt): Made | undefined {
  for (const line of lines) {
    if (!isSampleCall(line.expr)) continue;
    const before = (e: A.Expr): A.Expr => resolveAt(e, line.expr.span.from);
    for (const a of line.expr.args) {
      const v = evaluate(a);
      if ('value' in v && v.value instanceof ModelInstance && v.value.name === def.name) {
        const instance = v.value;
        // Said where the object was made: `model = m(x) | (; y)` on a line of its own, else the argument.
        return { instance, span: lines.find((l) => l.value === instance)?.expr.span ?? a.span };
      }
      if (modelObjectOf(a, new Set([def.name]), before) === undefined) continue;
      const written = before(a);
      const made = instanceIn(def, written, evaluate) ?? { problem: 'problem' in v ? v.problem : 'it is not a model object', span: written.span, passed: new Map(), known: new Map() };
      return 'problem' in made ? { ...made, conditions: conditionedNames(written, before) } : made;
    }
  }
  return undefined;
}

/** The names a model object as written conditions on: `y` of `m(x) | (; y)`, `condition(m(x), y = yf)`, `condition(model, (; y))`. */
function conditionedNames(written: A.Expr, resolve: (e: A.Expr) => A.Expr): string[] {
  const e = resolve(written);
  const fields = (c: A.Expr | undefined): string[] => (c?.kind === 'namedtuple' ? c.fields.map((f) => f.name) : []);
  if (e.kind === 'binary' && e.op === '|' && !e.dotted) return [...conditionedNames(e.left, resolve), ...fields(resolve(e.right))];
  const [first, second] = e.kind === 'call' ? e.args : [];
  if (e.kind !== 'call' || nameOf(e) !== 'condition' || first === undefined) return [];
  return [...conditionedNames(first, resolve), ...fields(second === undefined ? undefined : resolve(second)), ...e.kwargs.map((k) => k.name)];
}

/** The arguments, conditions and fixes a model object was made with, as data; undefined when it has none. */
function argumentsOf(made: { instance: ModelInstance; span: Span }): ScriptArguments | undefined {
  const values = new Map<string, Value>();
  for (const [name, v] of [...made.instance.args, ...made.instance.conditions]) values.set(name, asData(v));
  const fixed = new Map([...made.instance.fixes].map(([name, v]) => [name, asData(v)]));
  return values.size > 0 || fixed.size > 0 ? { span: made.span, values, fixed } : undefined;
}

/**
 * A pasted tutorial script makes its model object with the data — `chn = sample(gdemo(1.5, 2), NUTS(), 1000)`,
 * `model = coinflip(data)`, `model = decomp(t, c) | (; y = yf)` — and Turing users expect it to run as
 * pasted. The object a `sample` line samples, else the first such object the script makes (evaluated as Julia
 * would, functions of the file included, with what is known before the model runs), gives the arguments it
 * was called with and the random variables it conditions; the data the user gives takes precedence. When no
 * such object can be made, the first failure's reason (`gdemo(x)` with an `x` read from a CSV file Tilde does not read).
 */
export function scriptArguments(def: A.FunctionDef, lines: readonly ScriptLine[], evaluate: (e: A.Expr) => TopLevelValue, resolveAt: ResolveAt): ScriptArguments | FailedCall | undefined {
  const sampled = sampledInstance(def, lines, evaluate, resolveAt);
  if (sampled) return 'problem' in sampled ? sampled : argumentsOf(sampled);
  let failed: FailedCall | undefined;
  for (const line of lines) {
    const made = line.value instanceof ModelInstance && line.value.name === def.name ? { instance: line.value, span: line.expr.span } : instanceIn(def, line.expr, evaluate);
    if (made === undefined) continue;
    if ('problem' in made) {
      failed ??= made;
      continue;
    }
    const found = argumentsOf(made);
    if (found) return found;
  }
  // Said where nothing else gives the data: the user would otherwise not learn why the script's call was not used.
  return failed;
}
