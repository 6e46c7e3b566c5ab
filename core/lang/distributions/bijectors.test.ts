import { describe, expect, it } from 'vitest';
import { bindSource, expectGradient } from '../../testing/index.js';
import { checkModel } from '../index.js';
import { erf, lbeta } from '../../math/index.js';

const logistic = (y: number): number => 1 / (1 + Math.exp(-y));

/** The generated quantities of a model at the given parameter values. */
function generated(body: string, params: Record<string, unknown>): Record<string, number> {
  const outcome = checkModel({ source: `using Bijectors\n@model function m()\n    x ~ Normal()\n${body}\nend\n`, params });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.value.generated;
}

describe("Bijectors' Logit and inverse", () => {
  it('maps ℝ into (a, b) with inverse(Logit(a, b)), and back with Logit(a, b), elementwise over arrays', () => {
    const g = generated('    y := inverse(Bijectors.Logit(1.0, 3.0))(x)\n    z := Logit(1.0, 3.0)(y)\n    v := inverse(Logit(0, 2))([x, 2x])', { x: 0.4 });
    expect(g['y']).toBeCloseTo(1 + 2 * logistic(0.4), 14);
    expect(g['z']).toBeCloseTo(0.4, 12);
    expect([g['v[1]'], g['v[2]']]).toEqual([2 * logistic(0.4), 2 * logistic(0.8)].map((e) => expect.closeTo(e, 14)));
  });

  it("inverts OrderedBijector() and an inverse, and says what it inverts for anything else", () => {
    const g = generated('    w := inverse(OrderedBijector())(OrderedBijector()([x, 0.5, -1.0]))\n    u := inverse(inverse(Logit(0, 1)))(0.25)', { x: 0.4 });
    expect([g['w[1]'], g['w[2]'], g['w[3]']]).toEqual([0.4, 0.5, -1].map((e) => expect.closeTo(e, 12)));
    expect(g['u']).toBeCloseTo(Math.log(1 / 3), 14);
    const outcome = checkModel({ source: '@model function m()\n    x ~ Normal()\n    y := inverse(exp)(x)\nend\n' });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^inverse: Tilde inverts Bijectors' transforms, `bijector\(D\)`, `Logit\(a, b\)` and `OrderedBijector\(\)`, only; got /)]);
  });

  it('differentiates a parameter mapped into an interval by hand on every backend', () => {
    expectGradient('@model function m(y)\n    s ~ Normal()\n    σ = inverse(Bijectors.Logit(0.1, 5.0))(s)\n    y ~ Normal(0, σ)\nend\n', JSON.stringify({ y: 1.3 }));
  });
});

const logit = (p: number): number => Math.log(p / (1 - p));
const log1pexp = (y: number): number => (y > 0 ? y + Math.log1p(Math.exp(-y)) : Math.log1p(Math.exp(y)));
/** log σ(y) + log(1 − σ(y)): the log-Jacobian of x = logistic(y). */
const logisticJacobian = (y: number): number => -log1pexp(-y) - log1pexp(y);
const betaLogpdf = (x: number, a: number, b: number): number => (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b);

/** The log prior of a model whose variables are given, as `tilde check` prints it. */
function logprior(source: string, params: Record<string, unknown>): number {
  const outcome = checkModel({ source: `using Bijectors\n${source}`, params });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.value.logprior;
}

describe("Bijectors' bijector, transform, with_logabsdet_jacobian and transformed(D)", () => {
  it("bijector(D) is the map Turing samples D through (Beta's Logit(0, 1), Exponential's log), callable, with transform and inverse", () => {
    const g = generated(
      '    b = bijector(Beta(2, 2))\n    p := inverse(b)(x)\n    q := b(p)\n    r := transform(b, 0.25)\n    w := bijector(Exponential())(2.0)\n    u := bijector(truncated(Normal(); upper = 1))(0.5)\n    n := bijector(Normal())(x)\n    v := bijector(Uniform(-1, 3))([0.0, 1.0])',
      { x: 0.4 },
    );
    expect(g['p']).toBeCloseTo(logistic(0.4), 14);
    expect(g['q']).toBeCloseTo(0.4, 12);
    expect(g['r']).toBeCloseTo(logit(0.25), 14);
    expect(g['w']).toBeCloseTo(Math.log(2), 14);
    expect(g['u']).toBeCloseTo(Math.log(0.5), 14);
    expect(g['n']).toBe(0.4);
    expect([g['v[1]'], g['v[2]']]).toEqual([logit(0.25), 0].map((e) => expect.closeTo(e, 14)));
  });

  it('with_logabsdet_jacobian and logabsdetjac give log|det J| of the map and of its inverse, a simplex too', () => {
    const g = generated(
      '    b = bijector(Beta(2, 2))\n    t := with_logabsdet_jacobian(b, 0.25)[2]\n    u := with_logabsdet_jacobian(inverse(b), x)[2]\n    l := logabsdetjac(Logit(1.0, 3.0), 2.5)\n    s := inverse(bijector(Dirichlet(ones(2))))([x])\n    j := logabsdetjac(inverse(bijector(Dirichlet(ones(2)))), [x])',
      { x: 0.4 },
    );
    expect(g['t']).toBeCloseTo(-Math.log(0.25 * 0.75), 14);
    expect(g['u']).toBeCloseTo(logisticJacobian(0.4), 14);
    // d/dx logit((x − 1)/2) = 2 / ((x − 1)(3 − x))
    expect(g['l']).toBeCloseTo(Math.log(2 / (1.5 * 0.5)), 14);
    expect([g['s[1]'], g['s[2]']]).toEqual([logistic(0.4), 1 - logistic(0.4)].map((e) => expect.closeTo(e, 14)));
    expect(g['j']).toBeCloseTo(logisticJacobian(0.4), 12);
  });

  it('y ~ transformed(D) has the pushforward density: D at b⁻¹(y) plus the inverse map’s log-Jacobian', () => {
    const y = -0.7;
    const beta = betaLogpdf(logistic(y), 2, 3) + logisticJacobian(y);
    expect(logprior('@model function m()\n    y ~ transformed(Beta(2, 3))\nend\n', { y })).toBeCloseTo(beta, 12);
    expect(logprior('@model function m()\n    y ~ transformed(Beta(2, 3), bijector(Beta(2, 3)))\nend\n', { y })).toBeCloseTo(beta, 12);
    expect(logprior('@model function m()\n    y ~ transformed(Beta(2, 3), Logit(0, 1))\nend\n', { y })).toBeCloseTo(beta, 12);
    // Exponential(2) through log: x = e^y.
    expect(logprior('@model function m()\n    y ~ transformed(Exponential(2))\nend\n', { y })).toBeCloseTo(-Math.log(2) - Math.exp(y) / 2 + y, 12);
    // An upper bound maps through log(1 − x), decreasing: x = 1 − e^y, and P(Y ≤ y) = P(X ≥ x).
    const x = 1 - Math.exp(y);
    const normal = -0.5 * Math.log(2 * Math.PI) - (x * x) / 2;
    const Φ1 = 0.8413447460685429;
    expect(logprior('@model function m()\n    y ~ transformed(truncated(Normal(); upper = 1))\nend\n', { y })).toBeCloseTo(normal - Math.log(Φ1) + y, 12);
    const cdf = generated('    c := cdf(transformed(truncated(Normal(); upper = 1)), -0.7)', { x: 0 });
    expect(cdf['c']).toBeCloseTo((Φ1 - 0.5 * (1 + erf(x / Math.SQRT2))) / Φ1, 10);
    // Dirichlet(2, 3) on the 2-simplex is Beta(2, 3) of its first element, which the stick-breaking map draws as logistic(y).
    expect(logprior('@model function m()\n    z ~ transformed(Dirichlet([2.0, 3.0]))\nend\n', { z: [y] })).toBeCloseTo(beta, 12);
  });

  it("logpdf_with_trans(D, x, true) is D's density as one on ℝⁿ, logpdf minus log|det J_b(x)|, simplex included; false is logpdf", () => {
    const g = generated('    a := logpdf_with_trans(Beta(2, 3), 0.3, true)\n    b := logpdf_with_trans(Beta(2, 3), 0.3, false)\n    c := logpdf_with_trans(Dirichlet([2.0, 3.0]), [0.3, 0.7], true)', { x: 0 });
    expect(g['a']).toBeCloseTo(betaLogpdf(0.3, 2, 3) + Math.log(0.3 * 0.7), 12);
    expect(g['b']).toBeCloseTo(betaLogpdf(0.3, 2, 3), 12);
    expect(g['c']).toBeCloseTo(betaLogpdf(0.3, 2, 3) + Math.log(0.3 * 0.7), 12);
    expectGradient('@model function m(y)\n    s ~ Flat()\n    σ = exp(s)\n    Turing.@addlogprob! logpdf_with_trans(Gamma(2, 1), σ, true)\n    y ~ Normal(0, σ)\nend\n', JSON.stringify({ y: 0.3 }));
  });

  it("Bijectors PR #263's model, a Flat draw mapped onto the simplex by hand, is the transformed Dirichlet's density", () => {
    const byHand = '@model function foo()\n    d = Dirichlet([2.0, 3.0])\n    x ~ filldist(Flat(), 1)\n    y = transform(inverse(bijector(d)), x)\n    Turing.@addlogprob! logpdf(d, y) + logabsdetjac(inverse(bijector(d)), x)\nend\n';
    const outcome = checkModel({ source: byHand, params: { x: [-0.7] } });
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
    expect(outcome.value.logjoint).toBeCloseTo(betaLogpdf(logistic(-0.7), 2, 3) + logisticJacobian(-0.7), 12);
  });

  it('differentiates through every backend: parameters in D, in the bounds, a simplex or ordered parameter mapped onto ℝⁿ, and through with_logabsdet_jacobian', () => {
    expectGradient('@model function m(y)\n    a ~ Exponential(2)\n    z ~ transformed(Beta(a, 2))\n    w ~ transformed(Dirichlet([a, 1.0, 2.0]))\n    y ~ Normal(z + w[2], 1)\nend\n', JSON.stringify({ y: 0.3 }));
    expectGradient('@model function m(y)\n    p ~ Dirichlet([1.0, 2.0, 3.0])\n    c ~ ordered(MvNormal(zeros(2), I))\n    z = bijector(Dirichlet(ones(3)))(p)\n    w = bijector(ordered(MvNormal(zeros(2), I)))(c)\n    y ~ Normal(z[1] + z[2] + w[2], 1)\nend\n', JSON.stringify({ y: 0.3 }));
    expectGradient('@model function m(y)\n    s ~ Exponential(2)\n    x ~ Normal()\n    p, lj = with_logabsdet_jacobian(inverse(bijector(Uniform(0, s + 1))), x)\n    q = bijector(Uniform(0, s + 1))(p)\n    Turing.@addlogprob! lj + logabsdetjac(bijector(Gamma(2, s)), p + 1)\n    y ~ Normal(p + q, 1)\nend\n', JSON.stringify({ y: 0.3 }));
  });

  it("says what it cannot do: a correlation matrix's map onto ℝⁿ of a parameter, pushing through an inverse, bijector of a non-distribution", () => {
    const message = (body: string) => {
      const outcome = checkModel({ source: `@model function m()\n    x ~ Dirichlet(ones(3))\n${body}\nend\n` });
      return outcome.ok ? '' : outcome.diagnostics[0]!.message;
    };
    // A correlation matrix's map onto ℝⁿ: of data it maps; of a parameter, the gradient says it cannot.
    const { bound } = bindSource('@model function m()\n    x ~ LKJ(3, 2.0)\n    y = bijector(LKJ(3, 2.0))(x)\n    0.5 ~ Normal(y[1] + bijector(LKJ(3, 2.0))([1.0 0.5 0.0; 0.5 1.0 0.0; 0.0 0.0 1.0])[2], 1)\nend\n');
    expect(Number.isFinite(bound.logdensity([0.1, 0.2, 0.3]))).toBe(true);
    expect(() => bound.gradient('forwarddiff')(Float64Array.of(0.1, 0.2, 0.3))).toThrow(/^bijector\(LKJ\): Tilde cannot differentiate this transform of a parameter onto ℝⁿ/);
    expect(message('    y ~ transformed(MvNormal(zeros(3), I), inverse(bijector(LKJ(3, 1.0))))')).toBe('transformed: Tilde cannot push a distribution into correlation or positive definite matrices: draw them from LKJ, LKJCholesky, Wishart or InverseWishart');
    expect(message('    y ~ transformed(Normal(), sqrt)')).toMatch(/^transformed: Tilde pushes a distribution through `OrderedBijector\(\)`, `bijector\(D\)`, .* got the function sqrt$/);
    expect(message('    b = bijector(3)')).toBe('bijector: the argument must be a distribution, got the integer 3');
  });
});


describe('transformed(D, b) through a map into a support: `inverse(bijector(E))`, `elementwise(exp)`, exp, logistic', () => {
  const normal = (x: number, μ = 0, σ = 1): number => -0.5 * Math.log(2 * Math.PI) - Math.log(σ) - ((x - μ) / σ) ** 2 / 2;

  it("has D's density at b(y) plus log|J_b(y)|: a log-normal from exp, a logit-normal from Beta's inverse bijector", () => {
    // Bijectors PR #461's model: x ~ transformed(filldist(Normal(), 4), elementwise(exp)) is four log-normals.
    const x = [0.5, 1.5, 2.0, 0.1];
    const lognormal = x.reduce((a, v) => a + normal(Math.log(v)) - Math.log(v), 0);
    const source = '@model function demo()\n    x ~ transformed(filldist(Normal(), 4), elementwise(exp))\nend\n';
    const outcome = checkModel({ source, params: { x } });
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
    expect(outcome.value.logprior).toBeCloseTo(lognormal, 12);
    expect(outcome.value.parameters[0]!.support).toBe('(0, ∞)');
    expect(logprior('@model function m()\n    x ~ transformed(Normal(0.5, 2), exp)\nend\n', { x: 1.5 })).toBeCloseTo(normal(Math.log(1.5), 0.5, 2) - Math.log(1.5), 12);
    const p = 0.3;
    const logitNormal = normal(logit(p), 0.2, 1.5) - Math.log(p * (1 - p));
    expect(logprior('@model function m()\n    p ~ transformed(Normal(0.2, 1.5), inverse(bijector(Beta(2, 2))))\nend\n', { p })).toBeCloseTo(logitNormal, 12);
    expect(logprior('@model function m()\n    p ~ transformed(Normal(0.2, 1.5), logistic)\nend\n', { p })).toBeCloseTo(logitNormal, 12);
    // Into the simplex: a 2-simplex from one normal through the stick-breaking map.
    expect(logprior('@model function m()\n    w ~ transformed(filldist(Normal(0.2, 1.5), 1), inverse(bijector(Dirichlet(2, 1.0))))\nend\n', { w: [p, 1 - p] })).toBeCloseTo(logitNormal, 12);
  });

  it('exp, log, logistic and logit are transforms to with_logabsdet_jacobian and inverse too, and the whole is differentiated', () => {
    const g = generated('    a := with_logabsdet_jacobian(exp, x)[2]\n    b := logabsdetjac(log, 2.0)\n    c := inverse(elementwise(exp))(2.0)\n    d := with_logabsdet_jacobian(elementwise(logistic), x)[1]', { x: 0.4 });
    expect(g['a']).toBe(0.4);
    expect(g['b']).toBeCloseTo(-Math.log(2), 14);
    expect(g['c']).toBeCloseTo(Math.log(2), 14);
    expect(g['d']).toBeCloseTo(logistic(0.4), 14);
    expectGradient('@model function m(y)\n    s ~ Exponential()\n    x ~ transformed(filldist(Normal(0, s), 2), elementwise(exp))\n    p ~ transformed(Normal(s, 1), inverse(bijector(Uniform(0, 2 + s))))\n    y ~ Normal(x[1] + p, 1)\nend\n', JSON.stringify({ y: 0.3 }));
  });
});
