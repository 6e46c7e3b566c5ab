import { nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { besselKBelowScaled, erf, erfcinv, lgamma, polygamma } from '../../math/index.js';
import { MISSING } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { arity, allowKwargs, builtin, type Builtin } from './define.js';
import { binary, scalarArg, unary } from './scalar.js';

/** Special functions and the StatsFuns / LogExpFunctions helpers, each one AD node or a composition of them. */

/**
 * x·f(y) that is 0 wherever x is 0 (and y is not NaN), whatever f(y) is: LogExpFunctions' xlogy and
 * xlog1py. Julia returns zero(result) there, so the partials are 0 too.
 */
function zeroWhereXIs0(f: (y: number) => number, df: (y: number) => number): (x: Real, y: Real) => Real {
  return (x, y) =>
    nodeByRule([x, y], (v, p) => {
      const a = v[0]!;
      const b = v[1]!;
      if (a === 0 && !Number.isNaN(b)) {
        p[0] = 0;
        p[1] = 0;
        return 0;
      }
      p[0] = f(b);
      p[1] = a * df(b);
      return a * f(b);
    });
}

const xlogy = zeroWhereXIs0(Math.log, (y) => 1 / y);
const xlog1py = zeroWhereXIs0(Math.log1p, (y) => 1 / (1 + y));

/** log(eˣ − 1), through log1mexp so that large x does not overflow. */
function logexpm1(x: Real): Real {
  return ops.add(x, ops.log1mexpOp(ops.neg(x)));
}

/** log|eˣ − eʸ| = max(x, y) + log1mexp(−|x − y|), as LogExpFunctions writes it. */
function logsubexp(x: Real, y: Real): Real {
  return ops.add(ops.max(x, y), ops.log1mexpOp(ops.neg(ops.abs(ops.sub(x, y)))));
}

/** log cosh x = |x| + log1p(e^(−2|x|)) − log 2, finite for large |x|. */
function logcosh(x: Real): Real {
  const a = ops.abs(x);
  return ops.sub(ops.add(a, ops.log1p(ops.exp(ops.mul(-2, a)))), Math.LN2);
}

/** erfinv from erfcinv(1 − x), refined by one Newton step on erf so that small |x| keeps its precision. */
function erfinvValue(x: number): number {
  if (x <= -1 || x >= 1) return x === 1 ? Infinity : x === -1 ? -Infinity : NaN;
  const y = erfcinv(1 - x);
  return y - (erf(y) - x) / ((2 / Math.sqrt(Math.PI)) * Math.exp(-y * y));
}

/** d erfinv(x)/dx = √π/2 · e^(erfinv(x)²) */
function erfinv(x: Real): Real {
  return nodeByRule([x], (v, p) => {
    const y = erfinvValue(v[0]!);
    p[0] = (Math.sqrt(Math.PI) / 2) * Math.exp(y * y);
    return y;
  });
}

/** erfcinv(x) = erfinv(1 − x); d/dx = −√π/2 · e^(erfcinv(x)²) */
function erfcinvOf(x: Real): Real {
  return nodeByRule([x], (v, p) => {
    const y = erfcinv(v[0]!);
    p[0] = -(Math.sqrt(Math.PI) / 2) * Math.exp(y * y);
    return y;
  });
}

/** polygamma(m, x) = ψ⁽ᵐ⁾(x), with ∂/∂x = ψ⁽ᵐ⁺¹⁾(x); the order m is an integer. */
const polygammaBuiltin: Builtin = builtin('polygamma(m, x)', (args, kwargs) => {
  arity('polygamma', args, 2);
  allowKwargs('polygamma', kwargs);
  const m = toInt(args[0]!, 'polygamma: the order m');
  if (m < 0) fail(`polygamma: the order m must be non-negative, got ${m} (DomainError)`);
  const x = scalarArg('polygamma', args[1]!);
  if (x === undefined) return MISSING;
  return nodeByRule([x], (v, p) => {
    p[0] = polygamma(m + 1, v[0]!);
    return polygamma(m, v[0]!);
  });
});

/**
 * SpecialFunctions' besselk(ν, x) = Kᵥ(x), and besselkx(ν, x) = Kᵥ(x) eˣ. In x, K'ᵥ = −K_(ν−1) − (ν/x) Kᵥ; in the
 * order, which has no closed derivative, a central difference (~1e-10 relative). x < 0 is complex in Julia: NaN
 * here, as log(−1) is.
 */
function besselKBuiltin(name: 'besselk' | 'besselkx'): Builtin {
  const scaled = name === 'besselkx';
  const at = (nu: number, x: number): number => (scaled ? 1 : Math.exp(-x)) * besselKBelowScaled(nu, x)[1];
  return builtin(`${name}(ν, x)`, (args, kwargs) => {
    arity(name, args, 2);
    allowKwargs(name, kwargs);
    const order = scalarArg(name, args[0]!);
    const x = scalarArg(name, args[1]!);
    if (order === undefined || x === undefined) return MISSING;
    return nodeByRule([order, x], (v, p) => {
      const nu = Math.abs(v[0]!);
      const y = v[1]!;
      if (y === 0 || !(y > 0)) {
        p[0] = p[1] = y === 0 ? -Infinity : NaN;
        return y === 0 ? Infinity : NaN;
      }
      const [below, k] = besselKBelowScaled(nu, y);
      const unscale = scaled ? 1 : Math.exp(-y);
      const h = 1e-5 * Math.max(1, nu);
      p[0] = (Math.sign(v[0]!) * (at(nu + h, y) - at(Math.abs(nu - h), y))) / (2 * h);
      p[1] = (-below - (nu / y) * k + (scaled ? k : 0)) * unscale;
      return k * unscale;
    });
  });
}

/** A non-negative integer argument of the factorial family: Julia's methods take Integer only. */
function count(name: string, v: Real, what = 'n'): number {
  const n = value(v);
  if (!Number.isInteger(n)) fail(`${name} needs an integer ${what}, got ${n}`);
  return n;
}

/** Int64 overflows past 20!, and Julia says so rather than wrapping around. */
function factorial(v: Real): number {
  const n = count('factorial', v);
  if (n < 0) fail(`factorial: n must be non-negative, got ${n} (DomainError)`);
  if (n > 20) fail(`factorial(${n}) overflows Int64 (OverflowError); use logfactorial(n) or loggamma(n + 1)`);
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/**
 * binomial(n, k) as Julia's integer function: 0 for k < 0 or k > n ≥ 0, (−1)ᵏ C(k − n − 1, k) for n < 0,
 * and an error past Int64.
 */
function binomial(nv: Real, kv: Real): number {
  let n = count('binomial', nv);
  let k = count('binomial', kv, 'k');
  if (k < 0) return 0;
  const sign = n < 0 && k % 2 === 1 ? -1 : 1;
  if (n < 0) n = -n + k - 1;
  if (k > n) return 0;
  k = Math.min(k, n - k);
  let b = 1;
  // Exact at each step: b · (n − k + i) / i is the binomial coefficient C(n − k + i, i).
  for (let i = 1; i <= k; i++) b = (b * (n - k + i)) / i;
  if (b > Number.MAX_SAFE_INTEGER) fail(`binomial(${n}, ${k}) is too large to hold exactly; its logarithm is -log(n + 1) - lbeta(n - k + 1, k + 1)`);
  return sign * Math.round(b);
}

function logfactorial(v: Real): number {
  const n = count('logfactorial', v);
  if (n < 0) fail(`logfactorial: n must be non-negative, got ${n} (DomainError)`);
  return lgamma(n + 1);
}

export const specialBuiltins: Builtin[] = [
  unary('logistic(x)', ops.logisticOp),
  unary('invlogit(x)', ops.logisticOp),
  unary('logit(p)', ops.logitOp),
  unary('log1pexp(x)', ops.log1pexpOp),
  unary('softplus(x)', ops.log1pexpOp),
  unary('log1mexp(x)', ops.log1mexpOp),
  unary('logexpm1(x)', logexpm1),
  unary('invsoftplus(x)', logexpm1),
  unary('log1psq(x)', (x) => ops.log1p(ops.abs2(x))),
  unary('loglogistic(x)', (x) => ops.neg(ops.log1pexpOp(ops.neg(x)))),
  unary('log1mlogistic(x)', (x) => ops.neg(ops.log1pexpOp(x))),
  unary('logitexp(x)', (x) => ops.sub(x, ops.log1mexpOp(x))),
  unary('cloglog(x)', (x) => ops.log(ops.neg(ops.log1p(ops.neg(x))))),
  unary('cexpexp(x)', (x) => ops.neg(ops.expm1(ops.neg(ops.exp(x))))),
  unary('logcosh(x)', logcosh),
  binary('logaddexp(x, y)', (x, y) => ops.logsumexpOf([x, y])),
  binary('logsubexp(x, y)', logsubexp),
  binary('xlogy(x, y)', xlogy),
  binary('xlog1py(x, y)', xlog1py),
  unary('xlogx(x)', (x) => xlogy(x, x)),
  unary('exp2(x)', (x) => ops.pow(2, x)),
  unary('exp10(x)', (x) => ops.pow(10, x)),
  unary('loggamma(x)', ops.lgammaOp),
  unary('lgamma(x)', ops.lgammaOp),
  unary('gamma(x)', ops.gammaOp),
  unary('digamma(x)', ops.digammaOp),
  unary('trigamma(x)', ops.trigammaOp),
  polygammaBuiltin,
  besselKBuiltin('besselk'),
  besselKBuiltin('besselkx'),
  binary('lbeta(a, b)', ops.lbetaOp),
  binary('logbeta(a, b)', ops.lbetaOp),
  binary('beta(a, b)', (a, b) => ops.exp(ops.lbetaOp(a, b))),
  unary('erf(x)', ops.erfOp),
  unary('erfc(x)', ops.erfcOp),
  unary('erfinv(x)', erfinv),
  unary('erfcinv(x)', erfcinvOf),
  unary('factorial(n)', factorial),
  binary('binomial(n, k)', binomial),
  unary('logfactorial(n)', logfactorial),
];
