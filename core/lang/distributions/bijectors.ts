import { ops, type Real } from '../../ad/index.js';
import { JArray, JFunction, ModelError, describe, type Value } from '../../model/index.js';
import { realsOf } from '../runtime/convert.js';
import { isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { arity, real } from './convert.js';

/** Each transform `inverse` knows, with its inverse. */
const inverses = new WeakMap<JFunction, JFunction>();

/** Registers f and g as each other's inverse, for `inverse`. */
export function inversePair(f: JFunction, g: JFunction): void {
  inverses.set(f, g);
  inverses.set(g, f);
}

/** `f` applied to a number, or to each element of an array, as Bijectors applies its elementwise transforms. */
function elementwise(name: string, f: (x: Real) => Real): JFunction {
  return new JFunction(name, (args) => {
    arity(name, args, 1, 1);
    const x = args[0]!;
    if (!isArrayValue(x)) return f(real(name, 'x', x));
    return new JArray(shapeOfArray(x).slice(), realsOf(x, name).map(f), 'float');
  });
}

/**
 * Bijectors' `Logit(a, b)`: x ↦ logit((x − a)/(b − a)) from (a, b) onto ℝ, and back, through `inverse`,
 * y ↦ a + (b − a)·logistic(y): a parameter drawn on ℝ mapped into an interval by hand.
 */
const logitBijector = new JFunction('Logit', (args) => {
  arity('Logit', args, 2, 2);
  const a = real('Logit', 'a', args[0]);
  const b = real('Logit', 'b', args[1]);
  const width = ops.sub(b, a);
  const forward = elementwise('Logit(a, b)', (x) => ops.logitOp(ops.div(ops.sub(x, a), width)));
  const backward = elementwise('inverse(Logit(a, b))', (y) => ops.add(a, ops.mul(width, ops.logisticOp(y))));
  inversePair(forward, backward);
  return forward;
});

const inverse = new JFunction('inverse', (args) => {
  arity('inverse', args, 1, 1);
  const f = args[0] as Value;
  const g = f instanceof JFunction ? inverses.get(f) : undefined;
  if (g === undefined) throw new ModelError(`inverse: Tilde has the inverses of Bijectors' \`Logit(a, b)\` and \`OrderedBijector()\` only; got ${describe(f)}`, undefined);
  return g;
});

export const bijectorFunctions: [string, JFunction][] = [
  ['Logit', logitBijector],
  ['inverse', inverse],
];
