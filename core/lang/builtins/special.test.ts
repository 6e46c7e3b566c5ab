import { describe, expect, it } from 'vitest';
import { MISSING } from '../../model/index.js';
import { call } from './testing.js';

/** Reference values from mpmath at 30 digits (the functions' definitions, not another implementation). */
const near = (name: string, args: number[], expected: number, digits = 13): void => {
  const got = call(name, args) as number;
  expect(got, `${name}(${args.join(', ')})`).toBeCloseTo(expected, digits - Math.max(0, Math.ceil(Math.log10(Math.abs(expected)))));
};

describe('LogExpFunctions and StatsFuns helpers', () => {
  it('match their definitions, also where the naive formula overflows', () => {
    near('logsubexp', [2, 1], 1.5413248546129181);
    near('logsubexp', [1, 2], 1.5413248546129181);
    near('logexpm1', [0.01], -4.6001660193248969);
    near('invsoftplus', [50], 50);
    near('softplus', [800], 800);
    near('logcosh', [3], 2.3093285045777851);
    near('logcosh', [-800], 799.30685281944005);
    near('cloglog', [0.3], -1.0309304331587231);
    near('cexpexp', [0.5], 0.80770435445203507);
    near('logitexp', [-0.5], 0.43275212956718857);
    near('loglogistic', [1.5], -0.20141327798275241);
    near('log1mlogistic', [1.5], -1.7014132779827524);
    near('log1psq', [2], Math.log(5));
    near('exp2', [10], 1024);
    near('exp10', [-2], 0.01);
  });

  it('xlogy, xlog1py and xlogx are 0 where x is 0, as in Julia, even where the log is infinite', () => {
    near('xlogy', [2, 3], 2.1972245773362194);
    near('xlog1py', [2, 0.5], 0.81093021621632876);
    near('xlogx', [0.3], -0.3611918412977808);
    expect(call('xlogy', [0, 0])).toBe(0);
    expect(call('xlog1py', [0, -1])).toBe(0);
    expect(call('xlogx', [0])).toBe(0);
    expect(call('xlogy', [0, NaN])).toBeNaN();
  });

  it('the normal functions take z, or μ, σ and x in StatsFuns’ order', () => {
    near('normpdf', [1, 2, 0.5], 0.1933340584014246);
    near('normlogpdf', [1, 2, 0.5], -1.6433357137646181);
    near('normcdf', [1, 2, 0.5], 0.40129367431707628);
    near('normlogpdf', [0], -0.5 * Math.log(2 * Math.PI));
    expect((call('normccdf', [9]) as number) / 1.1285884059534409e-19).toBeCloseTo(1, 12);
    near('normlogccdf', [3], -6.6077262215103495);
    near('norminvcdf', [0.975], 1.9599639845400542);
    near('norminvcdf', [1, 2, 0.975], 4.9199279690801085);
    expect(call('normcdf', [MISSING])).toBe(MISSING);
    expect(() => call('normpdf', [0, 1])).toThrow('normpdf takes z, or μ, σ and x');
  });
});

describe('special functions', () => {
  it('erfinv keeps its relative precision near 0; erfcinv and polygamma match their definitions', () => {
    near('erfinv', [0.5], 0.47693627620446987);
    expect((call('erfinv', [1e-10]) as number) / 8.8622692545275801e-11).toBeCloseTo(1, 14);
    expect(call('erfinv', [1])).toBe(Infinity);
    near('erfcinv', [0.3], 0.73286907795921685);
    near('polygamma', [1, 2.5], 0.49035775610023486);
    near('polygamma', [3, 0.7], 25.879149678427732, 12);
    expect(call('logbeta', [2, 3])).toBe(call('lbeta', [2, 3]));
  });

  it('besselk and besselkx of real order (Abramowitz & Stegun 9.8), with the order given as a number', () => {
    near('besselk', [0, 1], 0.42102443824070834);
    near('besselk', [-1, 1], 0.60190723019723457);
    near('besselkx', [1, 1], 0.60190723019723457 * Math.E);
    expect(call('besselk', [2, 0])).toBe(Infinity);
    expect(call('besselk', [2, -1])).toBeNaN();
  });

  it('factorial, binomial and logfactorial take integers, as Julia’s methods do', () => {
    expect(call('factorial', [5])).toBe(120);
    expect(call('factorial', [20])).toBe(2432902008176640000);
    expect(() => call('factorial', [21])).toThrow('factorial(21) overflows Int64');
    expect(() => call('factorial', [2.5])).toThrow('factorial needs an integer n, got 2.5');
    expect(call('binomial', [30, 12])).toBe(86493225);
    expect(call('binomial', [5, 7])).toBe(0);
    expect(call('binomial', [5, -1])).toBe(0);
    // Julia extends it to negative n: binomial(-3, 2) = 6, binomial(-3, 3) = -10.
    expect(call('binomial', [-3, 2])).toBe(6);
    expect(call('binomial', [-3, 3])).toBe(-10);
    expect(call('binomial', [-3, -1])).toBe(0);
    near('logfactorial', [10], 15.104412573075515);
    expect(call('logfactorial', [0])).toBe(0);
    expect(() => call('logfactorial', [-1])).toThrow('DomainError');
  });
});
