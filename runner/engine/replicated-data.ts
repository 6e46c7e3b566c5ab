import { DataFrame, describe, JArray, JNamedTuple, ModelError, type Model, type Value } from '../../core/model/index.js';
import { missingLike } from '../../core/run/index.js';

/** The argument and its field that `name` stands for (`df.y` of a model observing `df.y[i] ~ …`). */
function observedField(model: Model, name: string): { argument: string; field: string } | undefined {
  const dot = name.indexOf('.');
  const [argument, field] = [name.slice(0, dot), name.slice(dot + 1)];
  return dot > 0 && model.params.some((p) => p.name === argument && p.observedFields?.includes(field)) ? { argument, field } : undefined;
}

const fieldOf = (v: Value | undefined, field: string): Value | undefined => (v instanceof DataFrame ? v.columns.get(field) : v instanceof JNamedTuple ? v.entries.get(field) : undefined);

/** A copy of the table (or named tuple) with `field` replaced: the data's own is left as it is. */
function withField(v: Value | undefined, field: string, replaced: Value): Value {
  if (v instanceof DataFrame) return new DataFrame(new Map([...v.columns].map(([n, c]) => [n, n === field ? (replaced as JArray) : c])));
  if (v instanceof JNamedTuple) return new JNamedTuple(new Map([...v.entries].map(([n, x]) => [n, n === field ? replaced : x])));
  throw new ModelError(`\`${field}\` is replicated in a table or a named tuple, not in ${v === undefined ? 'nothing' : describe(v)}`, undefined);
}

/**
 * The data a run of the model has by name: an argument given, else the file's own call's (a script's table), and a
 * table argument's column the model observes (`df.y`).
 */
export function dataOf(model: Model, args: ReadonlyMap<string, Value>): (name: string) => Value | undefined {
  const argument = (name: string): Value | undefined => args.get(name) ?? (model.params.some((p) => p.name === name && p.fromScript) ? model.scriptArguments?.get(name) : undefined);
  return (name) => {
    const field = observedField(model, name);
    return field ? fieldOf(argument(field.argument), field.field) : argument(name);
  };
}

/**
 * Makes `name` wholly missing in `given`, for `predict` to draw it: an argument, or a column of a table argument
 * (`df.y`, in a copy of the table). False when `name` is neither.
 */
export function setMissing(model: Model, given: Map<string, Value>, data: (name: string) => Value | undefined, name: string): boolean {
  if (model.params.some((p) => p.name === name)) given.set(name, missingLike(data(name)));
  else {
    const field = observedField(model, name);
    if (!field) return false;
    given.set(field.argument, withField(given.get(field.argument) ?? data(field.argument), field.field, missingLike(data(name))));
  }
  return true;
}
