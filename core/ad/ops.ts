import { lgamma, digamma, trigamma, polygamma, erf, erfc, normcdf, normlogcdf, log1pexp, log1mexp, logistic, logit, gamma } from '../math/index.js';
import { node, value, type Real } from './real.js';

/**
 * Scalar operations on `Real`. Plain numbers take the plain path; anything else becomes one node with
 * its hand-derived partials, so every backend gets every operation from this one file.
 */

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

function unary(x: Real, v: number, dv: () => number): Real {
  return typeof x === 'number' ? v : node(v, [x], [dv()]);
}

export function add(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  return node(value(a) + value(b), [a, b], [1, 1]);
}

export function sub(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return node(value(a) - value(b), [a, b], [1, -1]);
}

export function mul(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  const av = value(a);
  const bv = value(b);
  return node(av * bv, [a, b], [bv, av]);
}

export function div(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const av = value(a);
  const bv = value(b);
  return node(av / bv, [a, b], [1 / bv, -av / (bv * bv)]);
}

export function neg(a: Real): Real {
  return typeof a === 'number' ? -a : node(-a.v, [a], [-1]);
}

export function pow(a: Real, b: Real): Real {
  const av = value(a);
  const bv = value(b);
  const v = Math.pow(av, bv);
  if (typeof a === 'number' && typeof b === 'number') return v;
  // d/da a^b = b a^(b-1); d/db a^b = a^b log a (taken as 0 when a = 0 and the term cannot matter).
  const da = bv === 0 ? 0 : bv * Math.pow(av, bv - 1);
  const db = typeof b === 'number' ? 0 : av === 0 ? 0 : v * Math.log(av);
  return node(v, [a, b], [da, db]);
}

export function exp(x: Real): Real {
  const v = Math.exp(value(x));
  return unary(x, v, () => v);
}

export function log(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.log(xv), () => 1 / xv);
}

export function log1p(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.log1p(xv), () => 1 / (1 + xv));
}

export function expm1(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.expm1(xv), () => Math.exp(xv));
}

export function log2(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.log2(xv), () => 1 / (xv * Math.LN2));
}

export function log10(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.log10(xv), () => 1 / (xv * Math.LN10));
}

export function sqrt(x: Real): Real {
  const v = Math.sqrt(value(x));
  return unary(x, v, () => 0.5 / v);
}

export function cbrt(x: Real): Real {
  const v = Math.cbrt(value(x));
  return unary(x, v, () => 1 / (3 * v * v));
}

export function abs(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.abs(xv), () => (xv > 0 ? 1 : xv < 0 ? -1 : 0));
}

export function abs2(x: Real): Real {
  const xv = value(x);
  return unary(x, xv * xv, () => 2 * xv);
}

export function square(x: Real): Real {
  return abs2(x);
}

export function sin(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.sin(xv), () => Math.cos(xv));
}

export function cos(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.cos(xv), () => -Math.sin(xv));
}

export function tan(x: Real): Real {
  const xv = value(x);
  const t = Math.tan(xv);
  return unary(x, t, () => 1 + t * t);
}

export function asin(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.asin(xv), () => 1 / Math.sqrt(1 - xv * xv));
}

export function acos(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.acos(xv), () => -1 / Math.sqrt(1 - xv * xv));
}

export function atan(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.atan(xv), () => 1 / (1 + xv * xv));
}

export function atan2(y: Real, x: Real): Real {
  const yv = value(y);
  const xv = value(x);
  const v = Math.atan2(yv, xv);
  if (typeof y === 'number' && typeof x === 'number') return v;
  const r2 = xv * xv + yv * yv;
  return node(v, [y, x], [xv / r2, -yv / r2]);
}

export function sinh(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.sinh(xv), () => Math.cosh(xv));
}

export function cosh(x: Real): Real {
  const xv = value(x);
  return unary(x, Math.cosh(xv), () => Math.sinh(xv));
}

export function tanh(x: Real): Real {
  const t = Math.tanh(value(x));
  return unary(x, t, () => 1 - t * t);
}

export function logisticOp(x: Real): Real {
  const s = logistic(value(x));
  return unary(x, s, () => s * (1 - s));
}

export function logitOp(x: Real): Real {
  const xv = value(x);
  return unary(x, logit(xv), () => 1 / (xv * (1 - xv)));
}

export function log1pexpOp(x: Real): Real {
  const xv = value(x);
  return unary(x, log1pexp(xv), () => logistic(xv));
}

export function log1mexpOp(x: Real): Real {
  // log(1 - e^x) for x < 0; derivative -e^x / (1 - e^x) = -1 / expm1(-x)
  const xv = value(x);
  return unary(x, log1mexp(xv), () => -1 / Math.expm1(-xv));
}

export function lgammaOp(x: Real): Real {
  const xv = value(x);
  return unary(x, lgamma(xv), () => digamma(xv));
}

export function gammaOp(x: Real): Real {
  const xv = value(x);
  const v = gamma(xv);
  return unary(x, v, () => v * digamma(xv));
}

export function digammaOp(x: Real): Real {
  const xv = value(x);
  return unary(x, digamma(xv), () => trigamma(xv));
}

export function trigammaOp(x: Real): Real {
  const xv = value(x);
  return unary(x, trigamma(xv), () => polygamma(2, xv));
}

export function erfOp(x: Real): Real {
  const xv = value(x);
  return unary(x, erf(xv), () => (2 / Math.sqrt(Math.PI)) * Math.exp(-xv * xv));
}

export function erfcOp(x: Real): Real {
  const xv = value(x);
  return unary(x, erfc(xv), () => (-2 / Math.sqrt(Math.PI)) * Math.exp(-xv * xv));
}

export function normcdfOp(x: Real): Real {
  const xv = value(x);
  return unary(x, normcdf(xv), () => (SQRT_2_OVER_PI / 2) * Math.exp(-0.5 * xv * xv));
}

export function normlogcdfOp(x: Real): Real {
  const xv = value(x);
  const v = normlogcdf(xv);
  return unary(x, v, () => (SQRT_2_OVER_PI / 2) * Math.exp(-0.5 * xv * xv - v));
}

export function lbetaOp(a: Real, b: Real): Real {
  const av = value(a);
  const bv = value(b);
  const v = lgamma(av) + lgamma(bv) - lgamma(av + bv);
  if (typeof a === 'number' && typeof b === 'number') return v;
  const dab = digamma(av + bv);
  return node(v, [a, b], [digamma(av) - dab, digamma(bv) - dab]);
}

export function min(a: Real, b: Real): Real {
  return value(a) <= value(b) ? a : b;
}

export function max(a: Real, b: Real): Real {
  return value(a) >= value(b) ? a : b;
}

/** Sum with one node, whatever the length: the reverse backends see one entry, not a chain of adds. */
export function sumOf(xs: readonly Real[]): Real {
  let s = 0;
  for (const x of xs) s += value(x);
  if (xs.every((x) => typeof x === 'number')) return s;
  return node(s, xs, new Float64Array(xs.length).fill(1));
}

/** log Σ exp(x) with one node; the partials are the softmax weights. */
export function logsumexpOf(xs: readonly Real[]): Real {
  if (xs.length === 0) return -Infinity;
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, value(x));
  if (m === -Infinity) return -Infinity;
  if (m === Infinity) return Infinity;
  let s = 0;
  for (const x of xs) s += Math.exp(value(x) - m);
  const v = m + Math.log(s);
  if (xs.every((x) => typeof x === 'number')) return v;
  const w = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) w[i] = Math.exp(value(xs[i]!) - v);
  return node(v, xs, w);
}

/** Σ a_i b_i with one node. */
export function dotOf(a: readonly Real[], b: readonly Real[]): Real {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += value(a[i]!) * value(b[i]!);
  if (a.every((x) => typeof x === 'number') && b.every((x) => typeof x === 'number')) return s;
  const inputs: Real[] = new Array(2 * n);
  const partials = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    inputs[i] = a[i]!;
    inputs[n + i] = b[i]!;
    partials[i] = value(b[i]!);
    partials[n + i] = value(a[i]!);
  }
  return node(s, inputs, partials);
}
