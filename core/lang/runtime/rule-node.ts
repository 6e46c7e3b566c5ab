import { node, value, type Real } from '../../ad/index.js';

/** A node's value and partials as one function of its inputs' values (core/ad's `Recompute`). */
export type Rule = (x: ArrayLike<number>, partials: Float64Array) => number;

/**
 * One node whose value and partials come from `rule`, which is handed to the backend as well, so a
 * compiled reverse tape can replay the operation at new parameter values.
 */
export function nodeByRule(inputs: readonly Real[], rule: Rule): Real {
  const n = inputs.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = value(inputs[i]!);
  const p = new Float64Array(n);
  return node(rule(x, p), inputs, p, rule);
}
