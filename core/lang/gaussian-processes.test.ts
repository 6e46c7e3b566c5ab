import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from './index.js';
import { checked as run, jsonData as json } from './testing.js';

/** AbstractGPs and KernelFunctions as Turing's GP tutorials use them, run through the model language. */

const FIXTURE = join(import.meta.dirname, '..', 'gp', 'fixtures', 'putting');
const PUTTING = readFileSync(join(FIXTURE, 'putting.jl'), 'utf8');
const GOLF = JSON.parse(readFileSync(join(FIXTURE, 'golf.json'), 'utf8')) as { d: number[]; n: number[]; y: number[] };

/** The same model as putting.jl with the kernel matrix written out and MvNormal for the GP: another code path. */
const BY_HAND = `
using LogExpFunctions
@model function putting_by_hand(d, n; jitter=1e-4)
    v ~ Gamma(2, 1)
    l ~ Gamma(4, 1)
    K = [v * exp(-(d[i] - d[j])^2 / (2 * l^2)) for i in eachindex(d), j in eachindex(d)]
    f_latent ~ MvNormal(zeros(length(d)), K + jitter * I)
    y ~ product_distribution(Binomial.(n, logistic.(f_latent)))
end
`;

const errorsOf = (source: string): string[] => {
  const outcome = checkModel({ source });
  return outcome.ok ? [] : outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
};

describe("Turing's GP tutorial (golf putting)", () => {
  it('checks as pasted, and its log density is the hand-written MvNormal model’s at the same values', () => {
    const f = GOLF.d.map((d) => 2.5 - 0.25 * d);
    const params = { v: 1.3, l: 2.2, f_latent: f };
    const data = json(GOLF);
    const gp = run({ source: PUTTING, data, params });
    const hand = run({ source: BY_HAND, data, params });
    expect(gp.value.logdensity).toBeCloseTo(hand.value.logdensity, 9);
    expect(gp.value.loglikelihood).toBeCloseTo(hand.value.loglikelihood, 9);
  });
});

describe('kernels and GPs in a model', () => {
  it('k(x, y), kernelmatrix, kernelmatrix_diag on ColVecs, and a kernel built with ∘ and with_lengthscale', () => {
    const source = `
using KernelFunctions
@model function kernels()
    θ ~ Normal()
    k = 2.0 * with_lengthscale(Matern32Kernel(), 1.5)
    a := k(0.3, 1.1)
    K := kernelmatrix(k, [0.0, 1.0, 2.5])
    Kxy := kernelmatrix(SEKernel() ∘ ScaleTransform(0.5), [0.0, 1.0], [3.0])
    D := kernelmatrix_diag(k + WhiteKernel(), ColVecs([0.0 1.0; 2.0 3.0]))
    n := length(RowVecs([0.0 1.0; 2.0 3.0; 4.0 5.0]))
end
`;
    const g = run({ source, params: { θ: 0 } }).value.generated;
    const m32 = (r: number) => 2 * (1 + Math.sqrt(3) * (r / 1.5)) * Math.exp((-Math.sqrt(3) * r) / 1.5);
    expect(g['a']).toBeCloseTo(m32(0.8), 14);
    expect(g['K[3, 1]']).toBeCloseTo(m32(2.5), 14);
    expect(g['K[2, 2]']).toBe(2);
    expect(g['Kxy[2, 1]']).toBeCloseTo(Math.exp(-((0.5 * 2) ** 2) / 2), 14);
    expect([g['D[1]'], g['D[2]']]).toEqual([3, 3]);
    expect(g['n']).toBe(3);
  });

  it("KernelFunctions' constructors of composite kernels, positional parameters, GammaExponentialKernel and marginals(fx)", () => {
    const source = `
using AbstractGPs
@model function constructors()
    θ ~ Normal()
    k = KernelSum(ScaledKernel(SEKernel(), 2.0), KernelProduct([LinearKernel(0.5), PolynomialKernel(3, 1.0)]))
    a := k(0.5, 1.5)
    b := TransformedKernel(GammaExponentialKernel(; γ=1.5), ScaleTransform(2.0))(0.0, 0.5)
    ms = marginals(GP(1.0, SEKernel())([0.0, 1.0], 0.44))
    s := std(ms[2])
    μ := mean(ms[1])
end
`;
    const g = run({ source, params: { θ: 0 } }).value.generated;
    expect(g['a']).toBeCloseTo(2 * Math.exp(-0.5) + (0.75 + 0.5) * (0.75 + 1) ** 3, 13);
    expect(g['b']).toBeCloseTo(Math.exp(-1), 15);
    expect(g['s']).toBeCloseTo(1.2, 15);
    expect(g['μ']).toBe(1);
  });

  it('names qualified by their package, as pasted code writes them (AbstractGPs.GP, KernelFunctions.kernelmatrix)', () => {
    const source = `
using AbstractGPs, KernelFunctions
@model function qualified(x)
    v ~ Gamma(2, 1)
    f = AbstractGPs.GP(v * KernelFunctions.with_lengthscale(KernelFunctions.Matern52Kernel(), 2.0))
    K := KernelFunctions.kernelmatrix(KernelFunctions.SEKernel(), x)
    f_latent ~ f(x, 1e-6)
end
`;
    expect(run({ source, data: json({ x: [0, 1] }), params: { v: 1, f_latent: [0, 0] } }).value.generated['K[1, 2]']).toBeCloseTo(Math.exp(-0.5), 15);
  });

  it('mean, var, cov and mean_and_var of f(x, σ²) (and StatsBase\'s mean_and_var of numbers), with GP(ConstMean(c), k) and a noise vector', () => {
    const source = `
using AbstractGPs
@model function stats()
    θ ~ Normal()
    f = GP(ConstMean(0.5), with_lengthscale(SEKernel(), 2.0))
    fx = f([0.0, 1.0], [0.1, 0.2])
    m := mean(fx)
    v := var(fx)
    C := cov(fx)
    mv := mean_and_var(fx)[2]
    sv := mean_and_var([1.0, 2.0, 4.0])
    lp := logpdf(fx, [0.3, 0.9])
end
`;
    const g = run({ source, params: { θ: 0 } }).value.generated;
    const k = Math.exp(-1 / 8);
    expect([g['m[1]'], g['m[2]']]).toEqual([0.5, 0.5]);
    expect([g['v[1]'], g['v[2]']]).toEqual([1.1, 1.2]);
    expect([g['mv[1]'], g['mv[2]']]).toEqual([1.1, 1.2]);
    // StatsBase's mean_and_var of numbers, which shares the name.
    expect(g['sv[1]']).toBeCloseTo(7 / 3, 15);
    expect(g['sv[2]']).toBeCloseTo(7 / 3, 15);
    expect(g['C[1, 2]']).toBeCloseTo(k, 15);
    const det = 1.1 * 1.2 - k * k;
    const [r1, r2] = [0.3 - 0.5, 0.9 - 0.5];
    expect(g['lp']).toBeCloseTo(-Math.log(2 * Math.PI) - 0.5 * Math.log(det) - (0.5 * (1.2 * r1 * r1 - 2 * k * r1 * r2 + 1.1 * r2 * r2)) / det, 12);
  });

  it("a function as the mean (AbstractGPs' CustomMean), and the older GPLVM tutorial's GP(mu, k) whose mean only cov ignores", () => {
    const source = `
using AbstractGPs
@model function means()
    θ ~ Normal()
    f = GP(x -> 2x + 1, SEKernel())
    m := mean(f([0.5, 1.5]))
    g = GP(CustomMean(sum), SEKernel())
    s := mean(g(ColVecs([1.0 2.0; 3.0 4.0])))
    mu = [0.1, 0.2]
    c := cov(GP(mu, Matern32Kernel())([0.0, 1.0], 0.5))
end
`;
    const g = run({ source, params: { θ: 0 } }).value.generated;
    expect([g['m[1]'], g['m[2]'], g['s[1]'], g['s[2]']]).toEqual([2, 4, 4, 6]);
    expect(g['c[1, 1]']).toBe(1.5);
  });

  it("posterior(f(x, σ²), y): the predictive mean and variance at a new point, AbstractGPs' exact posterior", () => {
    const source = `
using AbstractGPs
@model function predictive()
    θ ~ Normal()
    f = GP(SEKernel())
    p = posterior(f([0.0, 1.0], 0.1), [1.0, -1.0])
    m, v = mean_and_var(p([0.5]))
    pm := m[1]
    pv := v[1]
    C := cov(p([0.5, 2.0]))
end
`;
    const g = run({ source, params: { θ: 0 } }).value.generated;
    // K = [1.1 k; k 1.1], k* = [exp(−1/8), exp(−1/8)] at 0.5.
    const k = Math.exp(-0.5);
    const ks = Math.exp(-1 / 8);
    const det = 1.1 * 1.1 - k * k;
    const alpha = [(1.1 * 1 - k * -1) / det, (1.1 * -1 - k * 1) / det];
    expect(g['pm']).toBeCloseTo(ks * alpha[0]! + ks * alpha[1]!, 12);
    const quad = (ks * ks * (1.1 + 1.1) - 2 * k * ks * ks) / det;
    expect(g['pv']).toBeCloseTo(1 - quad + 1e-18, 12);
    expect(g['C[1, 1]']).toBeCloseTo(g['pv'] as number, 12);
  });
});

describe("KernelFunctions' MaternKernel of any ν", () => {
  it('is 2^(1−ν)/Γ(ν) · s^ν K_ν(s), s = √(2ν) r, through SpecialFunctions’ besselk; ν defaults to 3/2', () => {
    const source = `
using KernelFunctions, SpecialFunctions
@model function matern()
    θ ~ Normal()
    k2 := MaternKernel(ν=2.0)(0.3, 1.1)
    byHand := 2^(1 - 2.0) / gamma(2.0) * (sqrt(2 * 2.0) * 0.8)^2.0 * besselk(2.0, sqrt(2 * 2.0) * 0.8)
    default := MaternKernel()(0.3, 1.1) - Matern32Kernel()(0.3, 1.1)
end
`;
    const g = run({ source, params: { θ: 0 } }).value.generated;
    expect(g['k2']).toBeCloseTo(g['byHand'] as number, 14);
    expect(g['default']).toBe(0);
  });

});

describe('what Tilde does not run says so', () => {
  it('a bare matrix of inputs, a vector mean where the mean is needed, a kernel argument out of its domain and composition of functions', () => {
    const model = (body: string) => `using AbstractGPs\n@model function m()\n    θ ~ Normal()\n${body}\nend\n`;
    expect(errorsOf(model('    K = kernelmatrix(SEKernel(), [1.0 2.0; 3.0 4.0])'))[0]).toMatch(/a matrix of inputs must say which way its points run, `ColVecs\(X\)` \(one point per column\) or `RowVecs\(X\)`/);
    expect(errorsOf(model('    f = GP([1.0, 2.0], SEKernel())\n    lp = logpdf(f([0.0, 1.0]), [0.0, 0.0])'))[0]).toMatch(/GP\(m, k\): the mean a vector of length 2 is not a function of the inputs, so mean\(f\(x\)\) and logpdf\(f\(x\), y\) cannot be computed/);
    expect(errorsOf(model('    k = RationalQuadraticKernel(; α=-1.0)'))[0]).toMatch(/RationalQuadraticKernel: α must satisfy α > 0, got -1/);
    expect(errorsOf(model('    g = sin ∘ cos'))[0]).toMatch(/`∘` composes a kernel with an input transform/);
    expect(errorsOf(model('    k = with_lengthscale(SEKernel(), [1.0, 2.0])\n    K = kernelmatrix(k, [1.0, 2.0])'))[0]).toMatch(/made for inputs of dimension 2, but the inputs have dimension 1/);
  });

  it("AbstractGPs' sparse GPs and KernelFunctions' other kernels are named, not unknown functions", () => {
    const model = (body: string) => `using AbstractGPs\n@model function m(x)\n    θ ~ Normal()\n${body}\nend\n`;
    expect(errorsOf(model('    fx = SparseFiniteGP(GP(SEKernel())(x), GP(SEKernel())(x))')).join()).toMatch(/`SparseFiniteGP` is one of AbstractGPs' sparse or approximate GPs/);
    expect(errorsOf(model('    k = CosineKernel()')).join()).toMatch(/`CosineKernel` is a KernelFunctions kernel or transform Tilde does not have/);
  });
});
