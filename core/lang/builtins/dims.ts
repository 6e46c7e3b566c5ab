import { JTuple, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';

/**
 * The most elements one array made by a constructor may have. Filling 3 × 10⁷ takes V8 half a second, 10⁸
 * took 44 s on a busy machine, and 10⁹ (`zeros(10^9)`, a typo'd exponent) ran the worker out of memory after
 * 17 s, reported as a crash rather than at the call that asked.
 */
export const MAX_ELEMENTS = 3e7;

/** Array dimensions given as `n, m` or as one tuple `(n, m)`, as Julia's constructors accept both. */
export function dimsFrom(name: string, args: readonly Value[]): number[] {
  const list = args.length === 1 && args[0] instanceof JTuple ? args[0].items : args;
  const dims = list.map((d) => {
    const n = toInt(d, `${name}: a dimension`);
    if (n < 0) fail(`${name}: dimensions cannot be negative, got ${n}`);
    return n;
  });
  const elements = dims.reduce((a, b) => a * b, 1);
  if (elements > MAX_ELEMENTS) {
    const gigabytes = (8 * elements) / 1e9;
    const count = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
    fail(`an array this large cannot be allocated (${name}: dimensions ${dims.join(' × ')} make ${count(elements)} elements, ${gigabytes.toPrecision(3)} GB of numbers; one array holds ${count(MAX_ELEMENTS)} at most): check the size this asks for`);
  }
  return dims;
}
