import { describe, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { bindSource, expectGradient, type GradientCheckOptions, type GradientPoints } from './index.js';

/**
 * Models of TuringLang/ADTests, the Turing team's AD test set, as pasted (data the files generate made
 * smaller), each for a feature it exercises. Every backend must agree with finite differences, as
 * ADTests' run_ad checks Turing's backends.
 */

/** Stan's initial points, uniform(−2, 2) unconstrained: where a prior draw's log density is too extreme for finite differences. */
function stanInits(source: string, data: string | undefined, count = 2): number[][] {
  const n = bindSource(source, data).bound.dimension;
  const rng = Rng.seeded(5);
  return Array.from({ length: count }, () => Array.from({ length: n }, () => 4 * rng.uniform() - 2));
}

const LAZY = 'using LazyArrays\nlazyarray(f, x) = LazyArray(Base.broadcasted(f, x))\n';

const MODELS: [feature: string, source: string, data?: object, points?: 'stan' | number[][], options?: GradientCheckOptions][] = [
  ['dynamic_constraint: a truncation bound that is a parameter', '@model function dynamic_constraint()\n    a ~ Normal()\n    b ~ truncated(Normal(); lower=a)\nend\n'],
  [
    'multiple_constraints_same_var: four supports in one vector, a Dirichlet on a slice',
    '@model function multiple_constraints_same_var(::Type{TV}=Vector{Float64}) where {TV}\n    x = TV(undef, 5)\n    x[1] ~ Normal()\n    x[2] ~ InverseGamma(2, 3)\n    x[3] ~ truncated(Normal(), -5, 20)\n    x[4:5] ~ Dirichlet([1.0, 2.0])\nend\n',
  ],
  ['assume_lkjcholu: an upper Cholesky factor', "@model function assume_lkjcholu()\n    a ~ LKJCholesky(5, 1.0, 'U')\nend\n"],
  ['assume_wishart', '@model function assume_wishart()\n    a ~ Wishart(7, [1.0 0.5; 0.5 1.0])\nend\n'],
  ['broadcast_macro: `@. x ~ …` with `$(…)` left unbroadcast', '@model function broadcast_macro(x = [1.5, 2.0], ::Type{TV} = Vector{Float64}) where {TV}\n    a ~ Normal(0, 1)\n    b ~ InverseGamma(2, 3)\n    @. x ~ Normal(a, $(sqrt(b)))\nend\n'],
  [
    'demo_assume_submodel_observe_index_literal: an unprefixed submodel returning a tuple',
    '@model function _prior_dot_assume(::Type{TV} = Vector{Float64}) where {TV}\n    s = TV(undef, 2)\n    s .~ InverseGamma(2, 3)\n    m = TV(undef, 2)\n    m ~ product_distribution(Normal.(0, sqrt.(s)))\n    return s, m\nend\n\n@model function demo_assume_submodel_observe_index_literal()\n    priors ~ to_submodel(_prior_dot_assume(), false)\n    s, m = priors\n    1.5 ~ Normal(m[1], sqrt(s[1]))\n    2.0 ~ Normal(m[2], sqrt(s[2]))\nend\n',
  ],
  [
    'control_flow: the compiled tape refuses a branch on a parameter (ADTests prepares at a > 0 and evaluates at a < 0)',
    '@model function control_flow()\n    a ~ Normal()\n    if a > 0\n        b ~ Normal()\n    else\n        b ~ Beta(2, 2)\n    end\nend\n',
    undefined,
    [
      [-0.5, 0.5],
      [0.5, -0.5],
    ],
    { recordAt: [0.5, -0.5], compiledRefuses: /a comparison \(`>`\) depends on a parameter's value/ },
  ],
  ['multithreaded: `Threads.@threads for`', '@model function multithreaded(x)\n    a ~ Normal()\n    Threads.@threads for i in eachindex(x)\n        x[i] ~ Normal(a)\n    end\nend\n', { x: [1.5, 2.0, 2.5, 1.5, 2.0, 2.5] }],
  [
    'dppl_hier_poisson: LazyArray(Base.broadcasted(LogPoisson, α))',
    `${LAZY}@model dppl_hier_poisson(y, x, idx, ns) = begin\n    a0 ~ Normal(0, 10)\n    a1 ~ Normal(0, 1)\n    a0_sig ~ truncated(Cauchy(0, 1); lower=0)\n    a0s ~ filldist(Normal(0, a0_sig), ns)\n    alpha = a0 .+ a0s[idx] .+ a1 * x\n    y ~ arraydist(lazyarray(LogPoisson, alpha))\nend\n`,
    { y: [3, 5, 2, 8, 6, 4], x: [0.5, 0.5, 1.2, 1.2, 0.9, 0.9], idx: [1, 1, 2, 2, 3, 3], ns: 3 },
  ],
  [
    "dppl_logistic_regression: a lambda over eps(T) of the helper's `where {T}`",
    `using StatsFuns: logistic\n${LAZY}function safelogistic(x::T) where {T}\n    logistic(x) * (1 - 2 * eps(T)) + eps(T)\nend\n\n@model function dppl_logistic_regression(Xt, y)\n    N, D = size(Xt)\n    w ~ filldist(Normal(), D)\n    y ~ arraydist(lazyarray(x -> Bernoulli(safelogistic(x)), Xt * w))\nend\n`,
    { Xt: [[0.3, -1.2, 0.5], [1.1, 0.4, -0.7], [-0.2, 0.9, 1.5], [0.8, -0.3, 0.1]], y: [1, 0, 1, 1] },
  ],
  [
    'dppl_lda: log.(phi * theta) indexed by CartesianIndex.(w, doc) in @addlogprob!',
    'using FillArrays\n@model function dppl_lda(k, m, w, doc, alpha, beta)\n    theta ~ product_distribution(FillArrays.Fill(Dirichlet(alpha), m))\n    phi ~ product_distribution(FillArrays.Fill(Dirichlet(beta), k))\n    log_phi_dot_theta = log.(phi * theta)\n    @addlogprob! sum(log_phi_dot_theta[CartesianIndex.(w, doc)])\nend\n',
    { k: 2, m: 3, w: [1, 3, 4, 2, 2, 4, 1, 3, 3], doc: [1, 1, 1, 2, 2, 2, 3, 3, 3], alpha: [1.0, 1.0], beta: [1.0, 1.0, 1.0, 1.0] },
  ],
  [
    'dppl_hmm_semisup: a forward pass in arrays of eltype(theta), logsumexp and gamma .= …',
    'using FillArrays\nusing StatsFuns: logsumexp\n@model function dppl_hmm_semisup(K, T, T_unsup, w, z, u, alpha, beta)\n    theta ~ product_distribution(FillArrays.Fill(Dirichlet(alpha), K))\n    phi ~ product_distribution(FillArrays.Fill(Dirichlet(beta), K))\n    for t = 1:T\n        w[t] ~ Categorical(phi[:, z[t]])\n    end\n    for t = 2:T\n        z[t] ~ Categorical(theta[:, z[t-1]])\n    end\n    TF = eltype(theta)\n    acc = similar(alpha, TF, K)\n    gamma = similar(alpha, TF, K)\n    temp_gamma = similar(alpha, TF, K)\n    for k = 1:K\n        gamma[k] = log(phi[u[1], k])\n    end\n    for t = 2:T_unsup\n        for k = 1:K\n            for j = 1:K\n                acc[j] = gamma[j] + log(theta[k, j]) + log(phi[u[t], k])\n            end\n            temp_gamma[k] = logsumexp(acc)\n        end\n        gamma .= temp_gamma\n    end\n    @addlogprob! logsumexp(gamma)\nend\n',
    { K: 2, T: 4, T_unsup: 5, w: [1, 3, 2, 3], z: [1, 2, 2, 1], u: [2, 3, 1, 1, 3], alpha: [1.0, 1.0], beta: [0.1, 0.1, 0.1] },
    'stan',
  ],
  [
    'pdb_garch11: Flat, FlatPos and a Uniform whose upper bound is 1 − alpha1 + eps()',
    '@model function pdb_garch11(T, y, sigma1)\n    mu ~ Flat()\n    alpha0 ~ FlatPos(0.0)\n    alpha1 ~ Uniform(0, 1)\n    beta1 ~ Uniform(0, 1 - alpha1 + eps())\n    sigma = Vector{typeof(mu)}(undef, T)\n    sigma[1] = sigma1\n    for t = 2:T\n        sigma[t] = sqrt(alpha0 + alpha1 * (y[t-1] - mu)^2 + beta1 * sigma[t-1]^2)\n    end\n    for t = 1:T\n        y[t] ~ Normal(mu, sigma[t])\n    end\nend\n',
    { T: 5, y: [0.3, -0.8, 1.4, 0.2, -0.5], sigma1: 1.0 },
    'stan',
  ],
  [
    'abstractgps: the GP tutorial\'s putting model through AbstractGPs, as ADTests writes it',
    'using AbstractGPs\nusing LogExpFunctions\n@model function abstractgps(d, n, y; jitter = 1e-4)\n    v ~ Gamma(2, 1)\n    l ~ Gamma(4, 1)\n    f = GP(v * with_lengthscale(SEKernel(), l))\n    f_latent ~ f(d, jitter)\n    y ~ product_distribution(Binomial.(n, logistic.(f_latent)))\n    return (fx = f(d, jitter), f_latent = f_latent, y = y)\nend\n',
    { d: [2.0, 3.0, 4.0, 5.0, 6.0], n: [1443, 694, 455, 353, 272], y: [1346, 577, 337, 208, 149] },
  ],
  // The same GP written by hand, and what the refusal of `using Lux` tells the user to write instead (Lux_nn).
  [
    'AbstractGPs_GP rewritten: the kernel matrix by a comprehension, the GP as an MvNormal',
    'using LogExpFunctions\n@model function gp(d, n, y)\n    v ~ Gamma(2, 1)\n    l ~ Gamma(4, 1)\n    K = [v * exp(-(d[i] - d[j])^2 / (2 * l^2)) for i in eachindex(d), j in eachindex(d)]\n    f_latent ~ MvNormal(zeros(length(d)), K + 1e-4 * I)\n    y ~ product_distribution(Binomial.(n, logistic.(f_latent)))\nend\n',
    { d: [2.0, 3.0, 4.0, 5.0, 6.0], n: [1443, 694, 455, 353, 272], y: [1346, 577, 337, 208, 149] },
  ],
  [
    'Lux_nn rewritten: the layers in the model, the weights drawn with ~',
    '@model function bnn(X, t)\n    W1 ~ filldist(Normal(0, 3), 3, 2)\n    b1 ~ filldist(Normal(0, 3), 3)\n    w2 ~ filldist(Normal(0, 3), 3)\n    for i in eachindex(t)\n        h = tanh.(W1 * X[:, i] .+ b1)\n        t[i] ~ Bernoulli(logistic(dot(w2, h)))\n    end\nend\n',
    { X: [[0.5, 1.0, -1.2, 0.3], [1.5, -0.2, 0.4, -1.0]], t: [1, 0, 1, 0] },
  ],
];

describe('gradients of the ADTests models', () => {
  it.each(MODELS)('%s', (_, source, data, points, options) => {
    const json = data === undefined ? undefined : JSON.stringify(data);
    const at: GradientPoints = points === 'stan' ? stanInits(source, json) : (points ?? 'prior');
    expectGradient(source, json, at, { ...options, ...(points === 'stan' ? { recordAt: stanInits(source, json, 3)[2]! } : {}) });
  });
});
