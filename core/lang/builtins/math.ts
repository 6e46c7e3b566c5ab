import { checkDomain, nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { fail } from '../runtime/errors.js';
import { binaryOp } from '../runtime/arithmetic.js';
import { realArith } from '../runtime/scalars.js';
import { dependsOn } from '../runtime/dependence.js';
import { ArgumentDomainError, JArray, MISSING, describe, type Value } from '../../model/index.js';
import { isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { realsOf } from '../runtime/convert.js';
import { arg, arity, allowKwargs, builtin, single, type Builtin } from './define.js';
import { matrixExp } from './linalg.js';
import { binary, scalarArg, unary } from './scalar.js';

/**
 * Elementary functions. Like Julia, real `sqrt`/`log` of a negative number is a DomainError, not NaN: one that
 * depends on the values drawn (`sqrt(s)` with `s ~ Normal()`), so the check passes over such a prior draw.
 */

function domain(name: string, ok: (x: number) => boolean, f: (x: Real) => Real): (x: Real) => Real {
  const inside = (v: number): boolean => ok(v) || Number.isNaN(v);
  const error = (v: number): Error => new ArgumentDomainError(`${name} was called with ${v}, outside its domain (DomainError)`, undefined);
  return (x) => {
    checkDomain(x, inside, error);
    return f(x);
  };
}

const nonNegative = (x: number): boolean => x >= 0;

/** mod takes the sign of the divisor: x − y·floor(x / y), with floor recomputed when a tape replays it. */
function mod(x: Real, y: Real): Real {
  if (typeof x === 'number' && typeof y === 'number') return x - y * Math.floor(x / y);
  return nodeByRule([x, y], (v, p) => {
    const q = Math.floor(v[0]! / v[1]!);
    p[0] = 1;
    p[1] = -q;
    return v[0]! - q * v[1]!;
  });
}

const checkedLog = domain('log', nonNegative, ops.log);

function logBase(args: Real[]): Real {
  if (args.length === 1) return checkedLog(args[0]!);
  return ops.div(checkedLog(args[1]!), checkedLog(args[0]!));
}

/** log(x) and log(b, x). */
const log: Builtin = builtin('log(x) / log(b, x)', (args, kwargs) => {
  arity('log', args, 1, 2);
  allowKwargs('log', kwargs);
  const xs = args.map((a) => scalarArg('log', a));
  if (xs.includes(undefined)) return MISSING;
  return logBase(xs as Real[]);
});

/** atan(x) and the two-argument atan(y, x). */
const atan: Builtin = builtin('atan(x) / atan(y, x)', (args, kwargs) => {
  arity('atan', args, 1, 2);
  allowKwargs('atan', kwargs);
  const xs = args.map((a) => scalarArg('atan', a));
  if (xs.includes(undefined)) return MISSING;
  return xs.length === 1 ? ops.atan(xs[0]!) : ops.atan2(xs[0]!, xs[1]!);
});

/** Julia's n-ary min/max of numbers; on a whole array Julia wants minimum/maximum. */
function extremum(name: 'min' | 'max', pick: (a: Real, b: Real) => Real): Builtin {
  return builtin(`${name}(x, y, ...)`, (args, kwargs) => {
    arity(name, args, 1, Infinity);
    allowKwargs(name, kwargs);
    const xs = args.map((a) => {
      if (isArrayValue(a)) fail(`${name} compares its arguments; for the ${name === 'min' ? 'smallest' : 'largest'} element of a collection use ${name}imum(x)`);
      return scalarArg(name, a);
    });
    if (xs.includes(undefined)) return MISSING;
    return (xs as Real[]).reduce((a, b) => (Number.isNaN(value(a)) ? a : Number.isNaN(value(b)) ? b : pick(a, b)));
  });
}

/**
 * sin(πx) and cos(πx) as Julia's sinpi/cospi: exact at integers and half-integers (sin(π) is 1.2e-16,
 * sinpi(1) is 0), by reducing x to a quarter turn t ∈ [−1/4, 1/4] past a multiple k of half turns.
 */
function quarterTurns(x: number): { k: number; t: number } {
  const r = ((x % 2) + 2) % 2;
  const k = Math.round(2 * r);
  return { k, t: r - k / 2 };
}

function sinpiValue(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { k, t } = quarterTurns(x);
  const v = [Math.sin(Math.PI * t), Math.cos(Math.PI * t), -Math.sin(Math.PI * t), -Math.cos(Math.PI * t)][k % 4]!;
  // Julia's zeros of sinpi take the sign of x; those of cospi are +0.
  return v === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : v;
}

function cospiValue(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { k, t } = quarterTurns(x);
  return [Math.cos(Math.PI * t), -Math.sin(Math.PI * t), -Math.cos(Math.PI * t), Math.sin(Math.PI * t)][k % 4]! + 0;
}

function sinpi(x: Real): Real {
  return nodeByRule([x], (v, p) => {
    p[0] = Math.PI * cospiValue(v[0]!);
    return sinpiValue(v[0]!);
  });
}

function cospi(x: Real): Real {
  return nodeByRule([x], (v, p) => {
    p[0] = -Math.PI * sinpiValue(v[0]!);
    return cospiValue(v[0]!);
  });
}

/** Math.f with its derivative as one node: the inverse hyperbolic functions. */
function withDerivative(f: (x: number) => number, d: (x: number) => number): (x: Real) => Real {
  return (x) =>
    nodeByRule([x], (v, p) => {
      p[0] = d(v[0]!);
      return f(v[0]!);
    });
}

/** fld and cld: the quotient rounded down or up. Piecewise constant, so a plain number. */
function roundedQuotient(name: string, round: (q: number) => number): (x: Real, y: Real) => Real {
  return (x, y) => {
    dependsOn(`\`${name}\``, [x, y]);
    return round(value(x) / value(y));
  };
}

/** mod1(x, y): mod(x, y) but y where that is 0, so that 1-based indices wrap around to 1…y. */
function mod1(x: Real, y: Real): Real {
  return nodeByRule([x, y], (v, p) => {
    const q = Math.floor(v[0]! / v[1]!);
    const m = v[0]! - q * v[1]!;
    p[0] = m === 0 ? 0 : 1;
    p[1] = m === 0 ? 1 : -q;
    return m === 0 ? v[1]! : m;
  });
}

/**
 * The real part: Tilde's numbers are all real, so a number or array is its own real part (Julia returns a real array
 * itself), as pasted code takes it of a matrix exponential or a transform it knows to be real.
 */
function realPart(x: Value): Value {
  if (x === MISSING) return x;
  if (isArrayValue(x)) realsOf(x, 'real');
  else scalarArg('real', x);
  return x;
}

function imaginaryPart(x: Value): Value {
  if (x === MISSING) return x;
  if (!isArrayValue(x)) return scalarArg('imag', x) === undefined ? MISSING : 0;
  const shape = shapeOfArray(x);
  return new JArray(shape.slice(), new Array<Value>(realsOf(x, 'imag').length).fill(0), 'float');
}

export const mathBuiltins: Builtin[] = [
  single('real(x)', realPart),
  single('imag(x)', imaginaryPart),
  // A square matrix's is the matrix exponential, as in Julia; `exp.(A)` takes each entry's.
  builtin('exp(x)', (args, kwargs) => {
    arity('exp', args, 1);
    allowKwargs('exp', kwargs);
    const x = arg(args, 0);
    if (isArrayValue(x) && shapeOfArray(x).length === 2) return matrixExp(x);
    const r = scalarArg('exp', x);
    return r === undefined ? MISSING : ops.exp(r);
  }),
  log,
  unary('log1p(x)', domain('log1p', (x) => x >= -1, ops.log1p)),
  unary('expm1(x)', ops.expm1),
  unary('log2(x)', domain('log2', nonNegative, ops.log2)),
  unary('log10(x)', domain('log10', nonNegative, ops.log10)),
  unary('sqrt(x)', domain('sqrt', nonNegative, ops.sqrt)),
  unary('cbrt(x)', ops.cbrt),
  unary('abs(x)', ops.abs),
  unary('abs2(x)', ops.abs2),
  // Piecewise constant: a plain number, so no derivative is carried.
  unary('sign(x)', (x) => {
    dependsOn('`sign`', [x]);
    return Math.sign(value(x));
  }),
  unary('sin(x)', ops.sin),
  unary('cos(x)', ops.cos),
  unary('tan(x)', ops.tan),
  unary('sinpi(x)', sinpi),
  unary('cospi(x)', cospi),
  unary('asin(x)', domain('asin', (x) => Math.abs(x) <= 1, ops.asin)),
  unary('acos(x)', domain('acos', (x) => Math.abs(x) <= 1, ops.acos)),
  atan,
  unary('sinh(x)', ops.sinh),
  unary('cosh(x)', ops.cosh),
  unary('tanh(x)', ops.tanh),
  unary('asinh(x)', withDerivative(Math.asinh, (x) => 1 / Math.sqrt(x * x + 1))),
  unary('acosh(x)', domain('acosh', (x) => x >= 1, withDerivative(Math.acosh, (x) => 1 / Math.sqrt(x * x - 1)))),
  unary('atanh(x)', domain('atanh', (x) => Math.abs(x) <= 1, withDerivative(Math.atanh, (x) => 1 / (1 - x * x)))),
  unary('sec(x)', (x) => ops.div(1, ops.cos(x))),
  unary('csc(x)', (x) => ops.div(1, ops.sin(x))),
  unary('cot(x)', (x) => ops.div(1, ops.tan(x))),
  unary('deg2rad(x)', (x) => ops.mul(x, Math.PI / 180)),
  unary('rad2deg(x)', (x) => ops.mul(x, 180 / Math.PI)),
  extremum('min', ops.min),
  extremum('max', ops.max),
  binary('rem(x, y)', (x, y) => realArith('%', x, y)),
  binary('div(x, y)', (x, y) => realArith('÷', x, y)),
  binary('mod(x, y)', mod),
  binary('mod1(x, y)', mod1),
  binary('fld(x, y)', roundedQuotient('fld', Math.floor)),
  binary('cld(x, y)', roundedQuotient('cld', Math.ceil)),
  binary('hypot(x, y)', (x, y) => ops.sqrt(ops.add(ops.abs2(x), ops.abs2(y)))),
  // A function, not a branch: both values are computed, as in Julia. A condition that compared a
  // parameter was already reported to a compiled tape by the comparison itself.
  builtin('ifelse(cond, a, b)', (args, kwargs) => {
    arity('ifelse', args, 3);
    allowKwargs('ifelse', kwargs);
    const [cond, a, b] = args as [Value, Value, Value];
    if (typeof cond !== 'boolean') fail(`ifelse needs true or false as its condition, got ${describe(cond)}`);
    return cond ? a : b;
  }),
  // Julia may fuse it into one rounding; x * y + z differs from that only in the last bit.
  builtin('muladd(x, y, z)', (args, kwargs) => {
    arity('muladd', args, 3);
    allowKwargs('muladd', kwargs);
    const [x, y, z] = args as [Value, Value, Value];
    return binaryOp('+', binaryOp('*', x, y), z);
  }),
  builtin('clamp(x, lo, hi)', (args, kwargs) => {
    arity('clamp', args, 3);
    allowKwargs('clamp', kwargs);
    const [x, lo, hi] = args.map((a) => scalarArg('clamp', a));
    if (x === undefined || lo === undefined || hi === undefined) return MISSING;
    // Through min and max, whose replay rules choose again at every parameter value.
    return ops.min(ops.max(x, lo), hi);
  }),
];
