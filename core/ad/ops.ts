import { lgamma, digamma, trigamma, polygamma, erf, erfc, normcdf, normlogcdf, log1pexp, log1mexp, logistic, logit, gamma } from '../math/index.js';
import { linear, node, nodeByRule, value, type Real, type Recompute } from './real.js';

/**
 * Scalar operations on `Real`. Plain numbers take the plain path; anything else becomes one node with
 * its hand-derived partials, so every backend gets every operation from this one file. Each node is
 * built by calling its `Recompute` rule on the current values and is handed the rule too, so a compiled
 * reverse tape can replay it at new parameter values: value, partials and replay come from one formula.
 */

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

// Backends only read a node's partials during `node`, so unary and binary nodes share these buffers
// instead of allocating two arrays per operation.
const args = new Float64Array(2);
const partials = new Float64Array(2);

type Derivative = (x: number, v: number) => number;

/**
 * f with derivative d(x, f(x)); the derivative is computed only for AD inputs. `own` may give the same rule
 * written out: `general`'s calls of f and d are shared by every unary operation, so V8 cannot inline them,
 * and for the commonest (exp, log: softmax, log-probabilities) those two calls were most of a replayed node.
 */
function unaryOp(f: (x: number) => number, d: Derivative, isLinear = false, own?: Recompute): (x: Real) => Real {
  const general: Recompute =
    own ??
    ((x, p) => {
      const xv = x[0]!;
      const v = f(xv);
      p[0] = d(xv, v);
      return v;
    });
  const rule = isLinear ? linear(general) : general;
  return (x) => {
    if (typeof x === 'number') return f(x);
    args[0] = x.v;
    return x.backend.node(rule(args, partials), [x], partials, rule);
  };
}

function binaryNode(a: Real, b: Real, rule: Recompute): Real {
  args[0] = value(a);
  args[1] = value(b);
  return node(rule(args, partials), [a, b], partials, rule);
}

/** f(a, b) with the partials written by `rule`. */
function binaryOp(f: (a: number, b: number) => number, rule: Recompute): (a: Real, b: Real) => Real {
  return (a, b) => (typeof a === 'number' && typeof b === 'number' ? f(a, b) : binaryNode(a, b, rule));
}

export const add = binaryOp(
  (a, b) => a + b,
  linear((x, p) => {
    p[0] = 1;
    p[1] = 1;
    return x[0]! + x[1]!;
  }),
);

export const sub = binaryOp(
  (a, b) => a - b,
  linear((x, p) => {
    p[0] = 1;
    p[1] = -1;
    return x[0]! - x[1]!;
  }),
);

const mulRule: Recompute = (x, p) => {
  p[0] = x[1]!;
  p[1] = x[0]!;
  return x[0]! * x[1]!;
};

/** Products where the first or the second factor is a constant, linear in the other one. */
const scaleByFirst = linear((x, p) => {
  p[0] = 0;
  p[1] = x[0]!;
  return x[0]! * x[1]!;
});

const scaleBySecond = linear((x, p) => {
  p[0] = x[1]!;
  p[1] = 0;
  return x[0]! * x[1]!;
});

export function mul(a: Real, b: Real): Real {
  if (typeof a === 'number') return typeof b === 'number' ? a * b : binaryNode(a, b, scaleByFirst);
  return binaryNode(a, b, typeof b === 'number' ? scaleBySecond : mulRule);
}

const divRule: Recompute = (x, p) => {
  const a = x[0]!;
  const b = x[1]!;
  p[0] = 1 / b;
  p[1] = -a / (b * b);
  return a / b;
};

/** Division by a constant, linear in the numerator. */
const divByConstantRule = linear((x, p) => {
  p[0] = 1 / x[1]!;
  p[1] = 0;
  return x[0]! / x[1]!;
});

export function div(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return binaryNode(a, b, typeof b === 'number' ? divByConstantRule : divRule);
}

export const neg = unaryOp(
  (x) => -x,
  () => -1,
  true,
);

// d/da a^b = b a^(b-1); d/db a^b = a^b log a (taken as 0 when a = 0 and the term cannot matter). A plain
// exponent gets no log a at all, so a negative base with an integer exponent stays finite.
/** The smallest normal double: below it a value has lost relative precision. */
const MIN_NORMAL = 2 ** -1022;

/**
 * ∂aᵇ/∂a = b aᵇ⁻¹, from v = aᵇ as b v / a: Math.pow costs as much as ten exps, and a second one for the partial
 * was two fifths of a model of counts (p = a^n_shock · b^n_avoid per trial). As accurate (one rounding of the
 * quotient for that of the second power); where v has over- or underflowed, or a = 0, the second power stands.
 */
function powBase(a: number, b: number, v: number): number {
  if (b === 0) return 0;
  return a !== 0 && Math.abs(v) >= MIN_NORMAL && Math.abs(v) < Infinity ? b * (v / a) : b * Math.pow(a, b - 1);
}

const powRule: Recompute = (x, p) => {
  const a = x[0]!;
  const b = x[1]!;
  const v = Math.pow(a, b);
  p[0] = powBase(a, b, v);
  p[1] = a === 0 ? 0 : v * Math.log(a);
  return v;
};

const powPlainExponentRule: Recompute = (x, p) => {
  const a = x[0]!;
  const b = x[1]!;
  const v = Math.pow(a, b);
  p[0] = powBase(a, b, v);
  p[1] = 0;
  return v;
};

export function pow(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return Math.pow(a, b);
  return binaryNode(a, b, typeof b === 'number' ? powPlainExponentRule : powRule);
}

export const exp = unaryOp(Math.exp, (_, v) => v, false, (x, p) => {
  const v = Math.exp(x[0]!);
  p[0] = v;
  return v;
});
export const log = unaryOp(Math.log, (x) => 1 / x, false, (x, p) => {
  const xv = x[0]!;
  p[0] = 1 / xv;
  return Math.log(xv);
});
export const log1p = unaryOp(Math.log1p, (x) => 1 / (1 + x));
export const expm1 = unaryOp(Math.expm1, (x) => Math.exp(x));
export const log2 = unaryOp(Math.log2, (x) => 1 / (x * Math.LN2));
export const log10 = unaryOp(Math.log10, (x) => 1 / (x * Math.LN10));
export const sqrt = unaryOp(Math.sqrt, (_, v) => 0.5 / v);
export const cbrt = unaryOp(Math.cbrt, (_, v) => 1 / (3 * v * v));
export const abs = unaryOp(Math.abs, (x) => (x > 0 ? 1 : x < 0 ? -1 : 0));
export const abs2 = unaryOp(
  (x) => x * x,
  (x) => 2 * x,
);

export function square(x: Real): Real {
  return abs2(x);
}

export const sin = unaryOp(Math.sin, (x) => Math.cos(x));
export const cos = unaryOp(Math.cos, (x) => -Math.sin(x));
export const tan = unaryOp(Math.tan, (_, t) => 1 + t * t);
export const asin = unaryOp(Math.asin, (x) => 1 / Math.sqrt(1 - x * x));
export const acos = unaryOp(Math.acos, (x) => -1 / Math.sqrt(1 - x * x));
export const atan = unaryOp(Math.atan, (x) => 1 / (1 + x * x));

export const atan2 = binaryOp(Math.atan2, (x, p) => {
  const yv = x[0]!;
  const xv = x[1]!;
  const r2 = xv * xv + yv * yv;
  p[0] = xv / r2;
  p[1] = -yv / r2;
  return Math.atan2(yv, xv);
});

export const sinh = unaryOp(Math.sinh, (x) => Math.cosh(x));
export const cosh = unaryOp(Math.cosh, (x) => Math.sinh(x));
export const tanh = unaryOp(Math.tanh, (_, t) => 1 - t * t);
export const logisticOp = unaryOp(logistic, (_, s) => s * (1 - s));
export const logitOp = unaryOp(logit, (x) => 1 / (x * (1 - x)));
export const log1pexpOp = unaryOp(log1pexp, (x) => logistic(x));
// log(1 - e^x) for x < 0; derivative -e^x / (1 - e^x) = -1 / expm1(-x)
export const log1mexpOp = unaryOp(log1mexp, (x) => -1 / Math.expm1(-x));
export const lgammaOp = unaryOp(lgamma, (x) => digamma(x));
export const gammaOp = unaryOp(gamma, (x, v) => v * digamma(x));
export const digammaOp = unaryOp(digamma, (x) => trigamma(x));
export const trigammaOp = unaryOp(trigamma, (x) => polygamma(2, x));
export const erfOp = unaryOp(erf, (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
export const erfcOp = unaryOp(erfc, (x) => (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
export const normcdfOp = unaryOp(normcdf, (x) => (SQRT_2_OVER_PI / 2) * Math.exp(-0.5 * x * x));
export const normlogcdfOp = unaryOp(normlogcdf, (x, v) => (SQRT_2_OVER_PI / 2) * Math.exp(-0.5 * x * x - v));

function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

export const lbetaOp = binaryOp(lbeta, (x, p) => {
  const a = x[0]!;
  const b = x[1]!;
  const dab = digamma(a + b);
  p[0] = digamma(a) - dab;
  p[1] = digamma(b) - dab;
  return lbeta(a, b);
});

// The choice is part of the rule rather than a branch around it, so a compiled tape replays it correctly
// when the order of the two values changes.
export const min = binaryOp(
  (a, b) => (a <= b ? a : b),
  (x, p) => {
    const first = x[0]! <= x[1]!;
    p[0] = first ? 1 : 0;
    p[1] = first ? 0 : 1;
    return first ? x[0]! : x[1]!;
  },
);

export const max = binaryOp(
  (a, b) => (a >= b ? a : b),
  (x, p) => {
    const first = x[0]! >= x[1]!;
    p[0] = first ? 1 : 0;
    p[1] = first ? 0 : 1;
    return first ? x[0]! : x[1]!;
  },
);

/** A loop, not `every`'s callback: `dot` calls it twice per row of a comprehension. */
function allPlain(xs: readonly Real[]): xs is readonly number[] {
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'number') return false;
  return true;
}

/** A rule that depends on its key alone (a length), made once rather than as a closure per node. */
function cachedRule(cache: Map<number, Recompute>, key: number, make: () => Recompute): Recompute {
  let rule = cache.get(key);
  if (rule === undefined) cache.set(key, (rule = make()));
  return rule;
}

const sumRules = new Map<number, Recompute>();

/** Sum with one node, whatever the length: the reverse backends see one entry, not a chain of adds. */
export function sumOf(xs: readonly Real[]): Real {
  const n = xs.length;
  if (allPlain(xs)) {
    let s = 0;
    for (const x of xs) s += x;
    return s;
  }
  const rule = cachedRule(sumRules, n, () =>
    linear((x, p) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += x[i]!;
        p[i] = 1;
      }
      return s;
    }),
  );
  return nodeByRule(xs, rule);
}

/** log Σ exp(x) over the first n values, with the softmax weights as partials when `p` is given. */
function logsumexp(x: ArrayLike<number>, n: number, p?: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) m = Math.max(m, x[i]!);
  if (m === -Infinity || m === Infinity) {
    p?.fill(0, 0, n);
    return n === 0 ? -Infinity : m;
  }
  let s = 0;
  if (p === undefined) {
    for (let i = 0; i < n; i++) s += Math.exp(x[i]! - m);
    return m + Math.log(s);
  }
  // The softmax weights as exp(xᵢ − m) / s, from the exps the sum made: half the exps of exp(xᵢ − log Σ), and
  // without that form's error of |log Σ| ulps (s ≥ 1 holds the largest term's 1).
  for (let i = 0; i < n; i++) {
    const e = Math.exp(x[i]! - m);
    p[i] = e;
    s += e;
  }
  for (let i = 0; i < n; i++) p[i]! /= s;
  return m + Math.log(s);
}

/** log Σ exp(x) with one node; the partials are the softmax weights. */
export function logsumexpOf(xs: readonly Real[]): Real {
  const n = xs.length;
  if (allPlain(xs)) return logsumexp(xs, n);
  return nodeByRule(xs, (x, p) => logsumexp(x, n, p));
}

const dotRules = new Map<number, Recompute>();

/** The rule of `weightedSum`: made apart from it, so that the closure holds the coefficients alone. */
function weightedSumRule(c: readonly number[]): Recompute {
  const n = c.length;
  return linear((x, p) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += c[i]! * x[i]!;
      p[i] = c[i]!;
    }
    return s;
  });
}

/**
 * Σ c_i x_i for constant coefficients c: one node over x alone, with c as its partials. A row of a data
 * matrix times parameters is such, and the data must not pass through the node as inputs: copying them
 * there beside x, then into typed buffers for a rule call, was most of the node's cost (reversediff of
 * `[dot(X[i, :], β) for i in 1:N]` took ten times `X * β`), and a compiled tape stored each as a constant
 * operand. The copy of c keeps the rule's coefficients from a later change to the model's array.
 */
function weightedSum(c: readonly number[], xs: readonly Real[]): Real {
  const coefficients = c.slice();
  let v = 0;
  for (let i = 0; i < coefficients.length; i++) v += coefficients[i]! * value(xs[i]!);
  return node(v, xs, coefficients, weightedSumRule(coefficients));
}

/** Σ a_i b_i with one node. */
export function dotOf(a: readonly Real[], b: readonly Real[]): Real {
  const n = a.length;
  const constantA = allPlain(a);
  const constantB = allPlain(b);
  if (constantA && constantB) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
    return s;
  }
  if (constantA) return weightedSum(a, b);
  if (constantB) return weightedSum(b, a);
  const inputs: Real[] = new Array(2 * n);
  for (let i = 0; i < n; i++) {
    inputs[i] = a[i]!;
    inputs[n + i] = b[i]!;
  }
  const rule = cachedRule(dotRules, n, () => (x, p) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += x[i]! * x[n + i]!;
      p[i] = x[n + i]!;
      p[n + i] = x[i]!;
    }
    return s;
  });
  return nodeByRule(inputs, rule);
}
