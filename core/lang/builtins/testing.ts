import { JType, type Value } from '../../model/index.js';
import { builtins, callType } from './index.js';

/** Test helper: call a built-in by its Julia name. */
export function call(name: string, args: Value[], kwargs: Record<string, Value> = {}): Value {
  const f = builtins.get(name);
  if (!f) throw new Error(`no built-in ${name}`);
  return f.call(args, new Map(Object.entries(kwargs)));
}

export function construct(type: string, params: string[], args: Value[]): Value {
  return callType(new JType(type, params.map((p) => new JType(p))), args, new Map());
}
