import { anyAD, ops, value, type Real } from '../../ad/index.js';
import { bijectorFor, type Bijector, type Support } from '../../bijectors/index.js';
import { pushforward, type Distribution } from '../../dist/index.js';
import { JArray, JFunction, JTuple, ModelError, describe, isDistribution, type Value } from '../../model/index.js';
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

/**
 * A Bijectors transform the model holds: `bijector(D)` maps D's support onto ℝⁿ (`toReal`), its `inverse` maps
 * back. An elementwise support (a bound, an interval) applies to each element of whatever it is given, as
 * Bijectors' `Logit` and `elementwise(log)` do; a structured one (simplex, correlation, …) to values of D's shape.
 */
export interface Transform {
  readonly support: Support;
  /** The distribution's shape: what the inverse of a structured support returns. */
  readonly shape: readonly number[];
  readonly toReal: boolean;
}

const transforms = new WeakMap<JFunction, Transform>();

function transformOf(b: Value | undefined): Transform | undefined {
  return b instanceof JFunction ? transforms.get(b) : undefined;
}

/** `transformed(D, b)` where b is a map onto ℝⁿ that `bijector(…)` or `Logit(a, b)` made: D pushed through it. */
export function transformedBy(d: Distribution, b: Value | undefined): Distribution | undefined {
  const t = transformOf(b);
  if (t === undefined || !t.toReal) return undefined;
  return pushforward(d, sized(t.support, d.shape.reduce((a, k) => a * k, 1)));
}

/** A support that maps element by element (a bound, an interval, or a stack of such), whatever shape it is given. */
function elementwise(support: Support): boolean {
  switch (support.kind) {
    case 'real':
    case 'discrete':
    case 'lower':
    case 'upper':
    case 'interval':
      return true;
    case 'elementwise':
      return support.supports.every(elementwise);
    default:
      return false;
  }
}

/** The bijector of a support for n values: a scalar support covers each of them, as Bijectors' `elementwise` does. */
function sized(support: Support, n: number): Bijector {
  return bijectorFor(support, support.kind !== 'elementwise' && elementwise(support) ? n : undefined);
}

/** `b(x)` with log|det J_b(x)|, Bijectors' `with_logabsdet_jacobian(b, x)`; differentiable in x and in the support's bounds. */
function applyTransform(t: Transform, name: string, x: Value): { y: Value; logJac: Real } {
  const array = isArrayValue(x);
  const xs = array ? realsOf(x, name) : [real(name, 'x', x)];
  const b = sized(t.support, xs.length);
  const given = t.toReal ? b.constrainedLength : b.unconstrainedLength;
  if (xs.length !== given) throw new ModelError(`${name}: expected ${given} values, got ${xs.length}`, undefined);
  // An elementwise map keeps the shape it is given; a structured one goes between D's shape and a vector.
  const shaped = (values: Real[]): Value => {
    if (elementwise(t.support)) return array ? new JArray(shapeOfArray(x).slice(), values, 'float') : values[0]!;
    return new JArray(t.toReal ? [values.length] : t.shape.slice(), values, 'float');
  };
  if (!t.toReal) {
    const { x: back, logJac } = b.invlink(xs);
    return { y: shaped(back), logJac };
  }
  if (b.linkReal === undefined && anyAD(xs)) {
    throw new ModelError(`${name}: Tilde cannot differentiate this transform of a parameter onto ℝⁿ; draw the unconstrained value and map it back with \`inverse(b)\`, or draw \`y ~ transformed(D)\``, undefined);
  }
  const ys = b.linkReal ? b.linkReal(xs) : Array.from(b.link(xs.map((xi) => value(xi))));
  // log|J_b(x)| = −log|J_{b⁻¹}(b(x))|, from the inverse Turing samples through.
  return { y: shaped(ys), logJac: ops.neg(b.invlink(ys).logJac) };
}

/** The transform and its inverse as callables, each the other's `inverse`. */
function transformPair(support: Support, shape: readonly number[], name: string): JFunction {
  const make = (toReal: boolean, label: string): JFunction => {
    const t: Transform = { support, shape, toReal };
    const f = new JFunction(label, (args) => {
      arity(label, args, 1, 1);
      return applyTransform(t, label, args[0]!).y;
    });
    transforms.set(f, t);
    return f;
  };
  const forward = make(true, name);
  inversePair(forward, make(false, `inverse(${name})`));
  return forward;
}

/**
 * Bijectors' `Logit(a, b)`: x ↦ logit((x − a)/(b − a)) from (a, b) onto ℝ, and back, through `inverse`,
 * y ↦ a + (b − a)·logistic(y): a parameter drawn on ℝ mapped into an interval by hand.
 */
const logitBijector = new JFunction('Logit', (args) => {
  arity('Logit', args, 2, 2);
  return transformPair({ kind: 'interval', lower: real('Logit', 'a', args[0]), upper: real('Logit', 'b', args[1]) }, [], 'Logit(a, b)');
});

/** Bijectors' `bijector(D)`: the map of D's support onto ℝⁿ that Turing samples D's variables through (Beta's is `Logit(0, 1)`). */
const bijector = new JFunction('bijector', (args) => {
  arity('bijector', args, 1, 1);
  const d = args[0];
  if (!isDistribution(d)) throw new ModelError(`bijector: the argument must be a distribution, got ${describe(d)}`, undefined);
  return transformPair(d.support(), d.shape, `bijector(${d.family})`);
});

const inverse = new JFunction('inverse', (args) => {
  arity('inverse', args, 1, 1);
  const f = args[0] as Value;
  const g = f instanceof JFunction ? inverses.get(f) : undefined;
  if (g === undefined) throw new ModelError(`inverse: Tilde inverts Bijectors' transforms, \`bijector(D)\`, \`Logit(a, b)\` and \`OrderedBijector()\`, only; got ${describe(f)}`, undefined);
  return g;
});

function transformArgument(name: string, b: Value | undefined): Transform & { label: string } {
  const t = transformOf(b);
  if (t === undefined) throw new ModelError(`${name}: the first argument must be a transform of Bijectors', \`bijector(D)\`, \`Logit(a, b)\` or an \`inverse\` of one, got ${describe(b)}`, undefined);
  return { ...t, label: (b as JFunction).name };
}

/** `with_logabsdet_jacobian(b, x)`: `(b(x), logabsdetjac(b, x))`, as InverseFunctions/ChangesOfVariables define it. */
const withLogabsdetJacobian = new JFunction('with_logabsdet_jacobian', (args) => {
  arity('with_logabsdet_jacobian', args, 2, 2);
  const t = transformArgument('with_logabsdet_jacobian', args[0]);
  const { y, logJac } = applyTransform(t, t.label, args[1]!);
  return new JTuple([y, logJac]);
});

const logabsdetjac = new JFunction('logabsdetjac', (args) => {
  arity('logabsdetjac', args, 2, 2);
  const t = transformArgument('logabsdetjac', args[0]);
  return applyTransform(t, t.label, args[1]!).logJac;
});

/** Bijectors' `transform(b, x)`, which is `b(x)`; DataFrames' `transform(df, …)` is not, and says so. */
const transform = new JFunction('transform', (args, kwargs) => {
  arity('transform', args, 2, 2);
  const b = args[0];
  if (!(b instanceof JFunction)) {
    throw new ModelError(`transform: Bijectors' \`transform(b, x)\` takes a transform, got ${describe(b)}; DataFrames' \`transform(df, …)\` has no place in a model (the data panel or --data gives each model argument its column by name)`, undefined);
  }
  return b.call([args[1]!], kwargs);
});

export const bijectorFunctions: [string, JFunction][] = [
  ['Logit', logitBijector],
  ['bijector', bijector],
  ['inverse', inverse],
  ['with_logabsdet_jacobian', withLogabsdetJacobian],
  ['logabsdetjac', logabsdetjac],
  ['transform', transform],
];
