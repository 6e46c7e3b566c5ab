import { describe, expect, it } from 'vitest';
import { finiteDifferenceGradient, forwardGradient, ops, type Real } from '../../ad/index.js';
import { expectClose } from '../../testing/univariate.js';
import * as D from '../index.js';
import type { Univariate } from '../types.js';

/** mode, entropy, skewness and excess kurtosis, as Distributions.jl defines them; references from SciPy. */

type Case = [name: string, d: Univariate, mode: number, entropy: number | undefined, skewness: number, kurtosis: number];

const CASES: Case[] = [
  ['Normal(0.5, 2)', D.Normal(0.5, 2), 0.5, 2.112085713764618, 0, 0],
  ['Cauchy(0.5, 2)', D.Cauchy(0.5, 2), 0.5, 3.224171427529236, NaN, NaN],
  ['Logistic(0.5, 2)', D.Logistic(0.5, 2), 0.5, 2.6931471805599454, 0, 1.2],
  ['Laplace(0.5, 2)', D.Laplace(0.5, 2), 0.5, 2.386294361119891, 0, 3],
  ['Gumbel(0.5, 2)', D.Gumbel(0.5, 2), 0.5, 2.270362845461478, 1.1395470994046486, 2.4],
  ['LogNormal(0.3, 0.6)', D.LogNormal(0.3, 0.6), Math.exp(0.3 - 0.36), 1.208112909438682, 2.2600838884867054, 10.27335455105926],
  ['Exponential(2.5)', D.Exponential(2.5), 0, 1.916290731874155, 2, 6],
  ['Gamma(2.5, 1.5)', D.Gamma(2.5, 1.5), 2.25, 2.135413017613219, 1.2649110640673518, 2.4],
  ['Beta(2.5, 4)', D.Beta(2.5, 4), 1.5 / 4.5, -0.3411066996197345, 0.30565602486509597, -0.5061919504643962],
  ['Uniform(-1, 3)', D.Uniform(-1, 3), -1, 1.3862943611198906, 0, -1.2],
  ['TDist(5.5)', D.TDist(5.5), 0, 1.60794385465155, 0, 4],
  ['Chisq(3.5)', D.Chisq(3.5), 1.5, 2.1731417193793137, 1.5118578920369088, 3.4285714285714284],
  ['InverseGamma(5.5, 2)', D.InverseGamma(5.5, 2), 2 / 6.5, -0.32114431760272055, 2.993325909419153, 26.4],
  ['Weibull(1.7, 2)', D.Weibull(1.7, 2), 2 * (1 - 1 / 1.7) ** (1 / 1.7), 1.4001959679866414, 0.8650234422644058, 0.7723789795422564],
  ['Rayleigh(1.5)', D.Rayleigh(1.5), 1.5, 1.347499350278958, 0.6311106578189364, 0.24508930068763846],
  ['Pareto(5.5, 2)', D.Pareto(5.5, 2), 2, 0.1702172701397019, 4.148164983130821, 47.018181818181816],
  ['Bernoulli(0.3)', D.Bernoulli(0.3), 0, 0.6108643020548935, 0.8728715609439694, -1.2380952380952381],
  ['Binomial(10, 0.35)', D.Binomial(10, 0.35), 3, undefined, 0.19889806323953885, -0.16043956043956042],
  ['Poisson(3.7)', D.Poisson(3.7), 3, undefined, 0.5198752449100363, 0.27027027027027023],
  ['Geometric(0.3)', D.Geometric(0.3), 0, 2.036214340182978, 2.031888635868469, 6.128571428571429],
  ['NegativeBinomial(3.5, 0.4)', D.NegativeBinomial(3.5, 0.4), 3, undefined, 1.1041048949477668, 1.7904761904761906],
  ['DiscreteUniform(2, 7)', D.DiscreteUniform(2, 7), 2, 1.791759469228055, 0, -1.2685714285714285],
];

describe('mode, entropy, skewness and kurtosis', () => {
  it.each(CASES)('%s', (_, d, mode, entropy, skewness, kurtosis) => {
    expectClose(d.mode!(), mode, 1e-14, 'mode');
    if (entropy === undefined) expect(d.entropy, 'entropy is no closed form in Distributions.jl').toBeUndefined();
    else expectClose(d.entropy!(), entropy, 1e-12, 'entropy');
    if (Number.isNaN(skewness)) expect(d.skewness!()).toBeNaN();
    else expect(Math.abs((d.skewness!() as number) - skewness)).toBeLessThan(1e-12 * Math.max(1, Math.abs(skewness)));
    if (Number.isNaN(kurtosis)) expect(d.kurtosis!()).toBeNaN();
    else expect(Math.abs((d.kurtosis!() as number) - kurtosis)).toBeLessThan(1e-12 * Math.max(1, Math.abs(kurtosis)));
  });

  it('follow Distributions.jl at the edges: no mode for a Gamma shape below 1 or a Beta shape at most 1, NaN moments that do not exist', () => {
    expect(() => D.Gamma(0.5, 1).mode!()).toThrow('Gamma: no mode when the shape α < 1, got 0.5');
    expect(() => D.Beta(1, 3).mode!()).toThrow('Beta: mode is defined only when α > 1, got 1');
    expect(() => D.Beta(2, 0.5).mode!()).toThrow('Beta: mode is defined only when β > 1, got 0.5');
    expect(D.Weibull(0.8, 1).mode!()).toBe(0);
    expect(D.Chisq(1.5).mode!()).toBe(0);
    expect([D.TDist(3).skewness!(), D.TDist(3).kurtosis!(), D.TDist(2).kurtosis!()]).toEqual([NaN, Infinity, NaN]);
    expect([D.InverseGamma(3, 1).skewness!(), D.Pareto(4, 1).kurtosis!()]).toEqual([NaN, NaN]);
    expect([D.Bernoulli(1).entropy!(), D.Geometric(1).entropy!()]).toEqual([0, 0]);
    expect(D.Bernoulli(0.5).mode!()).toBe(0);
    expect(D.Binomial(4, 1).mode!()).toBe(5);
    expect(D.Categorical([0.2, 0.5, 0.3]).mode!()).toBe(2);
    expectClose(D.Categorical([0.2, 0.8, 0]).entropy!(), -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)), 1e-14);
  });

  it('carry the parameters’ derivatives', () => {
    const check = (f: (t: readonly Real[]) => Real, θ: number[]): void => {
      const ad = forwardGradient(f, θ);
      const fd = finiteDifferenceGradient(f, θ);
      ad.grad.forEach((g, i) => expect(g).toBeCloseTo(fd.grad[i]!, 6));
    };
    check(([a, s]) => D.Gamma(a!, s!).entropy!(), [2.5, 1.5]);
    check(([a, b]) => D.Beta(a!, b!).entropy!(), [2.5, 4]);
    check(([a, b]) => D.Beta(a!, b!).kurtosis!(), [2.5, 4]);
    check(([n]) => D.TDist(n!).entropy!(), [5.5]);
    check(([a, s]) => D.Weibull(a!, s!).kurtosis!(), [1.7, 2]);
    check(([m, s]) => D.LogNormal(m!, s!).mode!(), [0.3, 0.6]);
    check(([m, s]) => D.Normal(m!, s!).entropy!(), [0.3, 0.6]);
    check(([p]) => D.Categorical([p!, ops.sub(1, p!)]).entropy!(), [0.3]);
  });
});
