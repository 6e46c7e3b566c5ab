import { describe, expect, it } from 'vitest';
import { JType, MISSING } from '../../model/index.js';
import { nums, vec } from '../runtime/testing.js';
import { builtinSignatures, builtins, constants } from './index.js';
import { call } from './testing.js';

const SPEC = `exp log log1p expm1 log2 log10 sqrt cbrt abs abs2 sign sin cos tan asin acos atan sinh cosh tanh
floor ceil round min max clamp logistic logit log1pexp log1mexp logsumexp softmax invlogit
loggamma lgamma gamma digamma trigamma lbeta beta erf erfc normcdf normlogcdf
length size ndims eachindex axes firstindex lastindex zeros ones fill similar copy vcat hcat reshape
vec collect sum prod cumsum cumprod mean var std maximum minimum extrema argmax argmin sort reverse
dot norm transpose adjoint det logdet inv cholesky diag Diagonal I diagm tr kron isnothing ismissing
isfinite isnan iszero one zero float eps eltype Int convert Float64 Real CartesianIndex Symmetric Hermitian Zeros Ones Fill
map enumerate zip first last push! append!`.split(/\s+/);

describe('the built-in table', () => {
  it('has every name of the language reference, as a function or a constant', () => {
    const missing = SPEC.filter((n) => !builtins.has(n) && !constants.has(n));
    expect(missing).toEqual([]);
  });

  it('has a signature for every function', () => {
    for (const name of builtins.keys()) expect(builtinSignatures.get(name), name).toMatch(/\(/);
  });
});

describe('elementary functions', () => {
  it('follow Julia', () => {
    expect(call('exp', [0])).toBe(1);
    expect(call('log', [2, 8])).toBeCloseTo(3, 14);
    expect(call('atan', [1, 1])).toBeCloseTo(Math.PI / 4, 14);
    expect(call('min', [3, 1, 2])).toBe(1);
    expect(call('max', [3, true])).toBe(3);
    expect(call('clamp', [5, 0, 1])).toBe(1);
    expect(call('sign', [-2])).toBe(-1);
    expect(call('sqrt', [MISSING])).toBe(MISSING);
    expect(call('logistic', [0])).toBe(0.5);
    expect(call('lbeta', [1, 1])).toBeCloseTo(0, 14);
    expect(call('mod', [-7, 3])).toBe(2);
    expect(call('rem', [-7, 3])).toBe(-1);
    expect(call('div', [-7, 2])).toBe(-3);
  });

  it('inverse hyperbolic and reciprocal trigonometric functions, angles, and the division helpers follow Julia', () => {
    expect(call('asinh', [-3.5])).toBeCloseTo(-1.9657204716496515, 14);
    expect(call('acosh', [2.5])).toBeCloseTo(1.566799236972411, 14);
    expect(call('atanh', [0.3])).toBeCloseTo(0.30951960420311175, 14);
    expect(() => call('acosh', [0.5])).toThrow('acosh was called with 0.5, outside its domain (DomainError)');
    expect(call('sec', [0.7])).toBeCloseTo(1.3074592597335937, 14);
    expect(call('csc', [0.7])).toBeCloseTo(1.552270326957104, 14);
    expect(call('cot', [0.7])).toBeCloseTo(1.1872418321266793, 14);
    expect(call('deg2rad', [180])).toBe(Math.PI);
    expect(call('rad2deg', [Math.PI / 2])).toBeCloseTo(90, 13);
    expect([call('fld', [7, 2]), call('fld', [-7, 2]), call('cld', [7, 2]), call('cld', [-7, 2])]).toEqual([3, -4, 4, -3]);
    // mod1 wraps 1-based indices around: 1…y, never 0.
    expect([0, 1, 3, 4, 6, -1].map((x) => call('mod1', [x, 3]))).toEqual([3, 1, 3, 1, 3, 2]);
    expect([call('isinteger', [2.0]), call('isinteger', [2.5]), call('isodd', [3]), call('isodd', [-3]), call('iseven', [4]), call('iseven', [3]), call('isodd', [2.5])]).toEqual([true, false, true, true, true, false, false]);
  });

  it('muladd is x * y + z, of arrays too', () => {
    expect(call('muladd', [2, 3, 4])).toBe(10);
    expect(nums(call('muladd', [2, vec(1, 2), vec(1, 1)]))).toEqual([3, 5]);
  });

  it('ifelse chooses between two computed values by a Bool, as a function (not a branch)', () => {
    expect(call('ifelse', [true, 1, 2])).toBe(1);
    expect(call('ifelse', [false, vec(1), 2])).toBe(2);
    expect(() => call('ifelse', [1, 1, 2])).toThrow('ifelse needs true or false as its condition, got the integer 1');
  });

  it('sinpi and cospi are exact at integers and half-integers, as in Julia', () => {
    expect([1, 2, -3, 0.5, -1.5, 2.5].map((x) => call('sinpi', [x]))).toEqual([0, 0, -0, 1, 1, 1]);
    expect([0, 1, 0.5, -1, 2].map((x) => call('cospi', [x]))).toEqual([1, -1, 0, -1, 1]);
    for (const x of [0.25, 2.3, -0.7, 13.1]) {
      expect(call('sinpi', [x])).toBeCloseTo(Math.sin(Math.PI * x), 13);
      expect(call('cospi', [x])).toBeCloseTo(Math.cos(Math.PI * x), 13);
    }
  });

  it('refuse arrays, pointing to the dotted call', () => {
    expect(() => call('exp', [vec(1, 2)])).toThrow('exp is not defined for a 2-element vector; use `exp.(x)`');
    expect(() => call('sqrt', [vec(1, 2)])).toThrow('use `sqrt.(x)`');
    expect(() => call('max', [vec(1, 2)])).toThrow('maximum(x)');
  });

  it('raise DomainError where Julia does', () => {
    expect(() => call('sqrt', [-1])).toThrow('DomainError');
    expect(() => call('log', [-1])).toThrow('DomainError');
    expect(call('log', [0])).toBe(-Infinity);
  });

  it('round like Julia', () => {
    expect(call('round', [2.5])).toBe(2);
    expect(call('round', [3.5])).toBe(4);
    expect(call('round', [-2.5])).toBe(-2);
    expect(call('round', [new JType('Int64'), 2.7])).toBe(3);
    expect(call('floor', [new JType('Int64'), -2.5])).toBe(-3);
    expect(call('round', [3.14159], { digits: 2 })).toBeCloseTo(3.14, 12);
    expect(call('ceil', [1.2])).toBe(2);
  });
});
