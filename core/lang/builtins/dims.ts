import { JTuple, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';

/** Array dimensions given as `n, m` or as one tuple `(n, m)`, as Julia's constructors accept both. */
export function dimsFrom(name: string, args: readonly Value[]): number[] {
  const list = args.length === 1 && args[0] instanceof JTuple ? args[0].items : args;
  return list.map((d) => {
    const n = toInt(d, `${name}: a dimension`);
    if (n < 0) fail(`${name}: dimensions cannot be negative, got ${n}`);
    return n;
  });
}
