import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

/**
 * Gradients through AbstractGPs' finite GP and KernelFunctions' kernel matrices, on every AD backend against
 * finite differences, the compiled tape recorded at one draw and replayed at others. Both are single nodes
 * (the log density) or blocks (the matrix) whose partials come from the kernels' hand-derived derivatives.
 */

const GOLF = JSON.stringify({
  d: [2, 3, 4, 5, 6, 7, 8],
  n: [1443, 694, 455, 353, 272, 256, 240],
  y: [1346, 577, 337, 208, 149, 136, 111],
});

const putting = (kernel: string): string => `
using AbstractGPs, LogExpFunctions, Turing
@model function putting_model(d, n; jitter=1e-4)
    v ~ Gamma(2, 1)
    l ~ Gamma(4, 1)
    f = GP(${kernel})
    f_latent ~ f(d, jitter)
    y ~ product_distribution(Binomial.(n, logistic.(f_latent)))
end
`;

describe('gradients through AbstractGPs', () => {
  it("the exact posterior's predictive mean and variances at new points, through the language's Cholesky", () => {
    const source = `
using AbstractGPs
@model function predictive(x, y)
    a ~ LogNormal(0, 0.5)
    ℓ ~ LogNormal(0, 0.5)
    σ ~ LogNormal(-1, 0.3)
    fx = GP(a * with_lengthscale(Matern52Kernel(), ℓ))(x, σ^2)
    y ~ fx
    m, v = mean_and_var(posterior(fx, y)([0.4, 2.5], 0.01))
    @addlogprob! -sum(abs2, m .- 1) - sum(v)
end
`;
    expectGradient(source, JSON.stringify({ x: [-1.0, 0.2, 0.9, 1.8], y: [0.1, 0.6, 0.4, -0.3] }), 'prior', { draws: 3 });
  });

  it("the putting model's latent GP (SE, Matern 5/2, Matern 3/2, exponential kernels, and Matérn of ν = 2 and 0.8 by Bessel functions), at prior draws", () => {
    for (const k of ['SEKernel()', 'Matern52Kernel()', 'Matern32Kernel()', 'ExponentialKernel()', 'MaternKernel(ν=2.0)', 'MaternKernel(; nu=0.8)']) {
      expectGradient(putting(`v * with_lengthscale(${k}, l)`), GOLF, 'prior', { draws: 2 });
    }
  });

  it('a Matérn smoothness ν that is a parameter, and besselk of a parameter order', () => {
    const source = `
using AbstractGPs, SpecialFunctions
@model function smoothness(x, y)
    ν ~ Uniform(0.3, 4)
    ℓ ~ LogNormal(0, 0.5)
    y ~ GP(with_lengthscale(MaternKernel(; ν=ν), ℓ))(x, 0.1)
    @addlogprob! -besselk(ν, ℓ)
end
`;
    expectGradient(source, JSON.stringify({ x: [-1.2, -0.4, 0.3, 0.9, 1.7], y: [0.4, -0.2, 0.5, 1.1, 0.8] }), 'prior', { draws: 3 });
  });

  it('small and large lengthscales: the unconstrained log ℓ set far to either side', () => {
    for (const logL of [Math.log(0.05), Math.log(40)]) expectGradient(putting('v * with_lengthscale(SEKernel(), l)'), GOLF, 'prior', { draws: 2, set: { l: logL } });
  });

  it('sums and products of kernels, k ∘ ScaleTransform, and the rational-quadratic, periodic, linear, polynomial and γ-exponential kernels with parameters', () => {
    const source = `
using AbstractGPs
@model function gp_regression(x, y)
    a ~ LogNormal(0, 0.5)
    s ~ LogNormal(0, 0.5)
    α ~ LogNormal(0, 0.5)
    r ~ LogNormal(0, 0.5)
    c ~ LogNormal(0, 0.5)
    σ ~ LogNormal(-1, 0.3)
    γ ~ Uniform(0.5, 1.9)
    k = a * (SqExponentialKernel() ∘ ScaleTransform(s)) + RationalQuadraticKernel(; α=α) * PeriodicKernel(; r=[r]) + LinearKernel(; c=c) + 0.1 * PolynomialKernel(; degree=2, c=c) + 0.3 * GammaExponentialKernel(; γ=γ)
    f = GP(0.5, k)
    y ~ f(x, σ^2)
end
`;
    expectGradient(source, JSON.stringify({ x: [-1.2, -0.4, 0.3, 0.9, 1.7], y: [0.4, -0.2, 0.5, 1.1, 0.8] }), 'prior', { draws: 3 });
  });

  it('a vector of noise variances, GP(ConstMean(m), k) or a mean function of a parameter, and logpdf(f(x), y) added by hand', () => {
    const source = `
using AbstractGPs
@model function hetero(x, y)
    m ~ Normal(0, 1)
    l ~ LogNormal(0, 0.5)
    τ ~ filldist(LogNormal(-2, 0.5), length(x))
    f = GP(ConstMean(m), with_lengthscale(Matern32Kernel(), l))
    @addlogprob! logpdf(f(x, τ), y)
end
`;
    expectGradient(source, JSON.stringify({ x: [0.1, 0.5, 1.3, 2.2], y: [0.3, 0.1, -0.4, 0.2] }), 'prior', { draws: 3 });
    const trend = source.replace('GP(ConstMean(m), ', 'GP(x -> m * x, ').replace('hetero', 'trend');
    expectGradient(trend, JSON.stringify({ x: [0.1, 0.5, 1.3, 2.2], y: [0.3, 0.1, -0.4, 0.2] }), 'prior', { draws: 3 });
  });

  it("the GPLVM tutorial's model: ARD over latent inputs that are parameters (ColVecs(Z)), through cov(gp(ColVecs(Z), noise)) into MvNormal", () => {
    const source = `
using AbstractGPs, FillArrays, LinearAlgebra
sekernel(α, σ) = σ * SqExponentialKernel() ∘ ARDTransform(α)
@model function GPLVM(Y, K)
    N, D = size(Y)
    noise = 1e-3
    α ~ MvLogNormal(MvNormal(Zeros(K), I))
    σ ~ LogNormal(0.0, 1.0)
    Z ~ filldist(Normal(), K, N)
    mu ~ filldist(Normal(), N)
    gp = GP(sekernel(α, σ))
    gpz = gp(ColVecs(Z), noise)
    Y ~ filldist(MvNormal(mu, cov(gpz)), D)
end
`;
    const Y = [
      [0.3, -1.1, 0.8],
      [1.2, 0.4, -0.5],
      [-0.7, 0.9, 0.1],
      [0.2, -0.3, 1.4],
      [-1.0, 0.6, -0.2],
    ];
    expectGradient(source, JSON.stringify({ Y, K: 2 }), 'prior', { draws: 2 });
  });

  it('kernelmatrix with a lengthscale per dimension on RowVecs, against other points too, and kernelmatrix_diag', () => {
    const source = `
using KernelFunctions, LinearAlgebra
@model function ard(X, y)
    ℓ ~ filldist(LogNormal(0, 0.5), 2)
    v ~ LogNormal(0, 0.5)
    k = v * with_lengthscale(Matern52Kernel(), ℓ)
    K = kernelmatrix(k, RowVecs(X)) + 0.01 * I
    y ~ MvNormal(zeros(length(y)), Symmetric(K))
    @addlogprob! -sum(kernelmatrix_diag(k, RowVecs(X)))
    @addlogprob! -sum(abs2, kernelmatrix(k, RowVecs(X), RowVecs(X[1:2, :] .+ 0.3)))
end
`;
    const X = [
      [0.1, 1.0],
      [0.7, -0.3],
      [1.5, 0.4],
      [-0.6, 0.8],
    ];
    expectGradient(source, JSON.stringify({ X, y: [0.2, -0.1, 0.4, 0.3] }), 'prior', { draws: 3 });
  });
});
