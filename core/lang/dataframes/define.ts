import { DataFrame, JFunction, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';

/** How a script-level function of this folder is declared: its Julia name and its body. */
export const fn = (name: string, call: (args: Value[], kwargs: Map<string, Value>) => Value): [string, JFunction] => [name, new JFunction(name, call)];

/** The data frame a function takes, or the error naming the function and what it got. */
export const frameOf = (name: string, v: Value | undefined): DataFrame => (v instanceof DataFrame ? v : fail(`${name} takes a data frame, got ${v === undefined ? 'nothing' : describe(v)}`));
