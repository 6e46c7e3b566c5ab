import { anyAD, ops, value, type Real } from '../../ad/index.js';
import { bijectorFor, type Bijector, type Support } from '../../bijectors/index.js';
import { pushforward, type Distribution } from '../../dist/index.js';
import { JArray, JFunction, JTuple, ModelError, describe, isDistribution, logpdfFlat, toFlat, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
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
interface Transform {
  readonly support: Support;
  /** The distribution's shape: what the inverse of a structured support returns. */
  readonly shape: readonly number[];
  readonly toReal: boolean;
}

const transforms = new WeakMap<JFunction, Transform>();

const POSITIVE: Support = { kind: 'lower', lower: 0 };
const UNIT: Support = { kind: 'interval', lower: 0, upper: 1 };

/** Base's functions that Bijectors takes as transforms (through ChangesOfVariables): one direction of a map onto ℝ. */
const NAMED: ReadonlyMap<string, Transform> = new Map([
  ['log', { support: POSITIVE, shape: [], toReal: true }],
  ['exp', { support: POSITIVE, shape: [], toReal: false }],
  ['logit', { support: UNIT, shape: [], toReal: true }],
  ['logistic', { support: UNIT, shape: [], toReal: false }],
]);

function transformOf(b: Value | undefined): Transform | undefined {
  if (!(b instanceof JFunction)) return undefined;
  return transforms.get(b) ?? (builtins.get(b.name) === b ? NAMED.get(b.name) : undefined);
}

/**
 * The support a transform maps onto ℝⁿ or back from it (`Logit(a, b)`, `elementwise(log)`, `exp`), or the real line for
 * `identity`: what a distribution type of the file whose `bijector(d)` returns it is sampled on.
 */
export function supportOfTransform(b: Value): Support | undefined {
  if (b instanceof JFunction && b === builtins.get('identity')) return { kind: 'real' };
  return transformOf(b)?.support;
}

/**
 * `transformed(D, b)` for a transform `bijector(…)`, `Logit(a, b)`, `elementwise(exp)` or an `inverse` made: D pushed
 * through it, onto ℝⁿ or from ℝⁿ into its support.
 */
export function transformedBy(d: Distribution, b: Value | undefined): Distribution | undefined {
  const t = transformOf(b);
  if (t === undefined) return undefined;
  const n = d.shape.reduce((a, k) => a * k, 1);
  if (t.toReal) return pushforward(d, sized(t.support, n));
  // From ℝⁿ, b⁻¹ takes as many values as D draws: those of an elementwise map, or the unconstrained ones of a structured one.
  return pushforward(d, elementwise(t.support) ? sized(t.support, n) : bijectorFor(t.support), t.support);
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

/** The transform onto ℝⁿ, named `name`, and its inverse, named `inverseName`, as callables, each the other's `inverse`. */
function transformPair(support: Support, shape: readonly number[], name: string, inverseName = `inverse(${name})`): { forward: JFunction; backward: JFunction } {
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
  const backward = make(false, inverseName);
  inversePair(forward, backward);
  return { forward, backward };
}

/** Bijectors' `elementwise(f)` of Base's exp, log, logistic or logit: f on each element, a transform `inverse` knows. */
const elementwiseTransform = new JFunction('elementwise', (args) => {
  arity('elementwise', args, 1, 1);
  const f = args[0];
  const name = f instanceof JFunction && builtins.get(f.name) === f ? f.name : undefined;
  const t = name === undefined ? undefined : NAMED.get(name);
  if (t === undefined) throw new ModelError(`elementwise: Tilde has Bijectors' \`elementwise\` of exp, log, logistic and logit; got ${describe(f)}`, undefined);
  const [onto, into] = t.support === POSITIVE ? ['log', 'exp'] : ['logit', 'logistic'];
  const pair = transformPair(t.support, [], `elementwise(${onto})`, `elementwise(${into})`);
  return t.toReal ? pair.forward : pair.backward;
});

/**
 * Bijectors' `Logit(a, b)`: x ↦ logit((x − a)/(b − a)) from (a, b) onto ℝ, and back, through `inverse`,
 * y ↦ a + (b − a)·logistic(y): a parameter drawn on ℝ mapped into an interval by hand.
 */
const logitBijector = new JFunction('Logit', (args) => {
  arity('Logit', args, 2, 2);
  return transformPair({ kind: 'interval', lower: real('Logit', 'a', args[0]), upper: real('Logit', 'b', args[1]) }, [], 'Logit(a, b)').forward;
});

/** Bijectors' `bijector(D)`: the map of D's support onto ℝⁿ that Turing samples D's variables through (Beta's is `Logit(0, 1)`). */
const bijector = new JFunction('bijector', (args) => {
  arity('bijector', args, 1, 1);
  const d = args[0];
  if (!isDistribution(d)) throw new ModelError(`bijector: the argument must be a distribution, got ${describe(d)}`, undefined);
  return transformPair(d.support(), d.shape, `bijector(${d.family})`).forward;
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

/**
 * Bijectors' `logpdf_with_trans(D, x, true)`: D's log density at x as a density of b(x) on ℝⁿ, b = bijector(D), that is
 * logpdf(D, x) − log|det J_b(x)|, what Turing's sampler sees; with `false`, logpdf(D, x).
 */
const logpdfWithTrans = new JFunction('logpdf_with_trans', (args) => {
  arity('logpdf_with_trans', args, 3, 3);
  const [d, x, trans] = args;
  if (!isDistribution(d)) throw new ModelError(`logpdf_with_trans: the first argument must be a distribution, got ${describe(d)}`, undefined);
  if (typeof trans !== 'boolean') throw new ModelError(`logpdf_with_trans: the third argument says whether to transform, true or false, got ${describe(trans)}`, undefined);
  const density = logpdfFlat(d, toFlat(d, x!, 'the value'));
  if (!trans) return density;
  return ops.sub(density, applyTransform({ support: d.support(), shape: d.shape, toReal: true }, 'logpdf_with_trans', x!).logJac);
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
  ['elementwise', elementwiseTransform],
  ['logpdf_with_trans', logpdfWithTrans],
];
