import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel, compile } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/**
 * What Turing code pasted from tutorials, performance tips and forum answers carries besides the model
 * itself: annotations, LazyArrays, `I(n)`, asserts, logging. Each must run as Julia runs it.
 */

const X = [
  [1.0, 0.5],
  [0.3, -1.0],
  [2.0, 1.0],
];

describe('pasted Turing idioms', () => {
  it("a Bernoulli draw is a Bool, as Distributions.jl's: tested by `z ? a : b` and `if`, counted by arithmetic", () => {
    const source = '@model function m(y)\n    p ~ Beta(2, 2)\n    z ~ Bernoulli(p)\n    μ = z ? 1.0 : -1.0\n    if !z\n        μ -= 0.5\n    end\n    twice := 2 * z + sum([z, z])\n    y ~ Normal(μ, 1)\nend\n';
    for (const z of [0, 1]) {
      const outcome = run({ source, data: json({ y: 0.3 }), params: { p: 0.4, z } });
      expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.3, z === 1 ? 1 : -1.5, 1), 12);
      expect(outcome.value.generated['twice']).toBe(4 * z);
    }
  });

  it("data with more dimensions than one draw are independent draws, as DynamicPPL's loglikelihood takes them", () => {
    // A vector against a univariate family, a matrix's columns against a multivariate one (the GMM tutorial's marginalised model).
    const univariate = run({ source: '@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 2)\nend\n', data: json({ y: [0.5, -1, 3] }), params: { μ: 0.2 } });
    expect(univariate.value.loglikelihood).toBeCloseTo([0.5, -1, 3].reduce((a, y) => a + normalLogpdf(y, 0.2, 2), 0), 12);
    const columns = '@model function m(x)\n    μ ~ MvNormal(zeros(2), I)\n    x ~ MvNormal(μ, I)\nend\n';
    const x = [
      [1.0, 2.0, 0.5],
      [0.3, -0.2, 0.1],
    ];
    const byColumn = run({ source: columns, data: json({ x }), params: { μ: [0.5, 0.1] } });
    const expected = [0, 1, 2].reduce((a, j) => a + normalLogpdf(x[0]![j]!, 0.5, 1) + normalLogpdf(x[1]![j]!, 0.1, 1), 0);
    expect(byColumn.value.loglikelihood).toBeCloseTo(expected, 12);
    expectGradient(columns, JSON.stringify({ x }));
    const mixture = '@model function gmm(x, K)\n    D, N = size(x)\n    μ ~ ordered(MvNormal(zeros(K), I))\n    w ~ Dirichlet(K, 1.0)\n    x ~ MixtureModel([MvNormal(fill(μₖ, D), I) for μₖ in μ], w)\nend\n';
    expectGradient(mixture, JSON.stringify({ x, K: 2 }));
    // A count observed as a vector is still checked element by element.
    const counts = checkModel({ source: '@model function m(y)\n    λ ~ Exponential()\n    y ~ Poisson(λ)\nend\n', data: json({ y: [1, -1] }) });
    expect(counts.ok ? [] : counts.diagnostics.map((d) => d.message)).toEqual(['`y`[2] = -1 is not a valid Poisson observation: counts cannot be negative']);
  });

  it("LazyArrays' `arraydist(LazyArray(@~ …))` is the plain `arraydist(…)`", () => {
    const lazy = 'using Turing, LazyArrays\n@model function m(X, y)\n    α ~ Normal(0, 1)\n    β ~ filldist(Normal(0, 1), size(X, 2))\n    y ~ arraydist(LazyArray(@~ BernoulliLogit.(α .+ X * β)))\nend\n';
    const plain = '@model function m(X, y)\n    α ~ Normal(0, 1)\n    β ~ filldist(Normal(0, 1), size(X, 2))\n    y ~ arraydist(BernoulliLogit.(α .+ X * β))\nend\n';
    const data = json({ X, y: [1, 0, 1] });
    const params = { α: 0.3, β: [0.5, -1.2] };
    expect(run({ source: lazy, data, params }).value.loglikelihood).toBe(run({ source: plain, data, params }).value.loglikelihood);
    expectGradient(lazy, JSON.stringify({ X, y: [1, 0, 1] }));
  });

  it("Distributions.jl's older `Product(ds)` is product_distribution(ds)", () => {
    const source = (d: string) => `@model function m(x)\n    s ~ Exponential(1)\n    x ~ ${d}([Normal(0, s), Normal(1, s), Normal(2, s)])\nend\n`;
    const data = json({ x: [0.1, 0.3, -0.2] });
    const lik = (d: string) => run({ source: source(d), data, params: { s: 1.5 } }).value.loglikelihood;
    expect(lik('Product')).toBe(lik('product_distribution'));
    expect(lik('Product')).toBeCloseTo(normalLogpdf(0.1, 0, 1.5) + normalLogpdf(0.3, 1, 1.5) + normalLogpdf(-0.2, 2, 1.5), 12);
  });

  it('a function defined inside the model is a closure over its variables, as in Julia (both forms, recursion too)', () => {
    const source = '@model function nested(y)\n    m ~ Normal(0, 1)\n    lik(x) = logpdf(Normal(m, 1), x)\n    function twice(x)\n        return 2 * lik(x) / 2\n    end\n    fact(n) = n <= 1 ? 1 : n * fact(n - 1)\n    @addlogprob! sum(twice.(y)) + log(fact(3)) - log(6)\nend\n';
    const y = [0.5, -1, 2];
    const outcome = run({ source, data: json({ y }), params: { m: 0.3 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(y.reduce((a, x) => a + normalLogpdf(x, 0.3, 1), 0), 12);
    expectGradient(source, JSON.stringify({ y }));
  });

  it('a function defined inside the model takes defaults, keywords, a splat and `where` as a top-level one does, and still closes over its variables', () => {
    const body =
      '    f(x, s = 1.0; scale = 2.0) = (x - s) * scale * σ\n    function h(xs...; w = σ)\n        return w * sum(xs)\n    end\n    g(v::T) where {T} = v * one(T)\n' +
      '    y ~ Normal(f(μ) + f(μ, 3.0) + f(μ; scale = 1) + h(1.0, 2.0) + h(1.0; w = 3.0) + g(2.0), σ)';
    const source = `@model function m(y)\n    μ ~ Normal(0, 1)\n    σ ~ Exponential(1)\n${body}\nend\n`;
    const [μ, σ] = [0.5, 2];
    const mean = (μ - 1) * 2 * σ + (μ - 3) * 2 * σ + (μ - 1) * σ + 3 * σ + 3 + 2;
    expect(run({ source, data: json({ y: 0.3 }), params: { μ, σ } }).value.loglikelihood).toBeCloseTo(normalLogpdf(0.3, mean, σ), 12);
    expectGradient(source, JSON.stringify({ y: 0.3 }));
    const wrong = checkModel({ source: source.replace('f(μ, 3.0)', 'f(μ, 3.0, 4.0)'), data: json({ y: 0.3 }) });
    expect(wrong.ok ? undefined : wrong.diagnostics[0]!.message).toBe('no method of `f` takes 3 arguments');
    const keyword = checkModel({ source: source.replace('scale = 1)', 'scal = 1)'), data: json({ y: 0.3 }) });
    expect(keyword.ok ? undefined : keyword.diagnostics[0]!.message).toBe('`f` has no keyword argument `scal`: did you mean `scale`?');
    // A top-level helper only a default calls is the model's: its errors are errors, not one warning about an unused helper.
    const helper = checkModel({ source: `unit() = nosuchfn(1)\n${source.replace('scale = 2.0', 'scale = unit()')}`, data: json({ y: 0.3 }) });
    expect(helper.ok ? [] : helper.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([['error', 1, 'unknown function `nosuchfn`']]);
  });

  it('a row of the data from eachrow is read-only as the data is: writing into it writes into a copy', () => {
    const source = '@model function m(X, y)\n    β ~ Normal(0, 1)\n    r = eachrow(X)[1]\n    r[1] = 100.0\n    μ = [dot(row, [β, true]) for row in eachrow(X)]\n    y ~ MvNormal(μ .+ r[1], 1.0)\nend\n';
    const data = json({ X: [[1, 2], [3, 4]], y: [0, 0] });
    // μ = X·[β, 1] (a Bool is 1 in a dot product) from the data as given, plus the copy's 100.
    const means = [0.5 + 2 + 100, 1.5 + 4 + 100];
    for (let evaluation = 0; evaluation < 2; evaluation++) {
      const lik = run({ source, data, params: { β: 0.5 } }).value.loglikelihood;
      expect(lik).toBeCloseTo(normalLogpdf(0, means[0]!, 1) + normalLogpdf(0, means[1]!, 1), 10);
    }
  });

  it("Julia's `Ref(x)` is a box read and written as `r[]`, and one value in a broadcast: `f.(xs, Ref(s))` and `in.(xs, Ref(s))` do not broadcast over s", () => {
    const source =
      'isin(a, b) = a in b\nfunction next!(pos)\n    return (pos[] += 1)\nend\n@model function m(y)\n    μ ~ Normal(0, 1)\n    pos = Ref(0)\n    next!(pos)\n' +
      '    k = sum(isin.([1.0, 3.0, 2.0], Ref([1.0, 2.0]))) + sum(in.([1.0, 3.0], Ref([1.0, 2.0])))\n    y ~ Normal(μ + next!(pos) + k, 1)\nend\n';
    expect(run({ source, data: json({ y: 0.5 }), params: { μ: 0.5 } }).value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0.5 + 2 + 2 + 1, 1), 12);
  });

  it('typed array literals and comprehensions (`Float64[]`, `Int[1, 2]`, `Float64[f(i) for i in …]`) have that element type', () => {
    const source = '@model function m(y)\n    w = Float64[]\n    push!(w, 0.5)\n    k = Int[1, 2]\n    c = Float64[i * j for i in 1:2, j in 1:3]\n    μ ~ Normal(w[1] + k[2] + c[2, 3], 1)\n    y ~ Normal(μ, 1)\nend\n';
    const outcome = run({ source, data: json({ y: 0 }), params: { μ: 0 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0, 8.5, 1), 12);
    const bad = checkModel({ source: source.replace('Int[1, 2]', 'Int[1, 2.5]'), data: json({ y: 0 }) });
    expect(bad.ok ? undefined : bad.diagnostics[0]!.message).toMatch(/^cannot store 2.5 in an integer array \(Julia's InexactError\)/);
  });

  it('typed matrix literals (`Float64[1 2; 3 4]`, `Int[1 2 3]`, `T[a; b]`) concatenate as the untyped ones, then take the element type', () => {
    const source =
      '@model function m(y, ::Type{T} = Float64) where {T}\n    μ ~ Normal(0, 1)\n    A = Float64[1 2; 3 4]\n    r = Int[1 2 3]\n    v = T[μ; 2]\n' +
      '    B = Float64[[1, 2] [3, 4]]\n    y ~ Normal(A[2, 1] + r[1, 3] + v[1] + v[2] + B[2, 1] + length(A) + length(r), 1)\nend\n';
    const outcome = run({ source, data: json({ y: 0 }), params: { μ: 0.5 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0, 3 + 3 + 0.5 + 2 + 2 + 4 + 3, 1), 12);
    expectGradient(source, JSON.stringify({ y: 0 }));
    const message = (src: string) => {
      const o = checkModel({ source: src, data: json({ y: 0 }) });
      return o.ok ? undefined : o.diagnostics[0]!.message;
    };
    expect(message(source.replace('Int[1 2 3]', 'Int[1 2.5 3]'))).toMatch(/^cannot store 2.5 in an integer array \(Julia's InexactError\)/);
    expect(message(source.replace('Int[1 2 3]', 'A[1 2]'))).toBe(
      '`A[…]` with elements separated by spaces or `;` is a typed array literal, as in `Float64[1 2; 3 4]`, but `A` is a 2×2 array, not a type; indices are separated by commas',
    );
  });

  it('a type known only as the model runs makes a typed literal too: `T[]` with `::Type{T} = Float64`, `Vector{Float64}[]`', () => {
    const source =
      '@model function m(y, ::Type{T} = Float64) where {T}\n    μ ~ Normal(0, 1)\n    w = T[]\n    push!(w, μ)\n    v = Vector{Float64}[]\n    push!(v, [1.0, 2.0])\n' +
      '    u = T[2i for i in 1:2]\n    y ~ Normal(w[1] + v[1][2] + u[2], 1)\nend\n';
    const outcome = run({ source, data: json({ y: 0 }), params: { μ: 0.5 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0, 6.5, 1), 12);
    expectGradient(source, JSON.stringify({ y: 0 }));
  });

  it('`I(n)` is the n×n identity, scaled as `σ^2 * I(n)`', () => {
    const source = '@model function m(x)\n    σ ~ Exponential(1)\n    x ~ MvNormal(zeros(length(x)), σ^2 * I(length(x)))\nend\n';
    const x = [1.2, -0.5, 0.3];
    const expected = x.reduce((s, xi) => s - 0.5 * Math.log(2 * Math.PI * 4) - (xi * xi) / 8, 0);
    expect(run({ source, data: json({ x }), params: { σ: 2 } }).value.loglikelihood).toBeCloseTo(expected, 10);
    expectGradient(source, JSON.stringify({ x }));
  });

  it('`getindex(v, idx)` is `v[idx]`, as Julia lowers indexing (a study\'s effects looked up per observation)', () => {
    const source = (lookup: string) => `@model function m(g, X, y)\n    e ~ filldist(Normal(), 3)\n    μ = ${lookup} .+ sum(X)\n    for i in eachindex(y)\n        y[i] ~ Normal(μ[i], 1)\n    end\nend\n`;
    const data = json({ g: [1, 3, 3, 2], X, y: [0.5, -1, 2, 0.1] });
    const params = { e: [0.2, -0.4, 1.1] };
    const lik = (lookup: string) => run({ source: source(lookup), data, params }).value.loglikelihood;
    expect(lik('getindex(e, g)')).toBe(lik('e[g]'));
    expect(lik('getindex(e, g) .+ getindex(X, 2, :)[1]')).toBe(lik('e[g] .+ X[2, :][1]'));
    expectGradient(source('getindex(e, g)'), JSON.stringify({ g: [1, 3, 3, 2], X, y: [0.5, -1, 2, 0.1] }));
  });

  it("Distributions.jl's other names `DoubleExponential`, `MultivariateNormal` and `Gaussian` are Laplace, MvNormal and Normal (a fused-lasso change-point model)", () => {
    const source = (laplace: string, mv: string, normal: string) =>
      `@model function m(y)\n    λ ~ Exponential(1)\n    β ~ arraydist([${laplace}(0, λ) for i in 1:2])\n    s ~ ${normal}(0, 1)\n    y ~ ${mv}(β, diagm(repeat([exp(s)], 2)))\nend\n`;
    const data = json({ y: [0.5, -1] });
    const params = { λ: 0.7, β: [0.2, -0.4], s: 0.3 };
    const joint = (...names: [string, string, string]) => run({ source: source(...names), data, params }).value.logjoint;
    expect(joint('DoubleExponential', 'MultivariateNormal', 'Gaussian')).toBe(joint('Laplace', 'MvNormal', 'Normal'));
  });

  it("nested JSON rows are a vector of vectors where the model reads `y[i][j]` (Julia's Vector{Vector}, Turing issue #868), a matrix elsewhere", () => {
    const source = '@model function m(y)\n    N = length(y)\n    μ ~ filldist(Normal(0, 1), N)\n    s ~ Exponential(1)\n    for i in 1:N\n        for j in 1:length(y[i])\n            y[i][j] ~ Normal(μ[i], s)\n        end\n    end\nend\n';
    const y = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
    const μ = [0.5, -0.2, 1.0];
    const outcome = run({ source, data: json({ y }), params: { μ, s: 2 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(y.reduce((a, row, i) => a + row.reduce((b, v) => b + normalLogpdf(v, μ[i]!, 2), 0), 0), 12);
    const matrix = run({ source: '@model function m(y)\n    μ ~ Normal()\n    y[2, 1] ~ Normal(μ, 1)\nend\n', data: json({ y }), params: { μ: 0 } });
    expect(matrix.value.loglikelihood).toBeCloseTo(normalLogpdf(3, 0, 1), 12);
  });

  it("a name qualified by a package's submodule is the plain name: `Turing.Inference.predict(…)` (Turing PR #1286's script) gets predict's note, a model's `Turing.Core.logistic` is logistic", () => {
    const model = '@model function m(y)\n    θ ~ Normal()\n    y ~ Bernoulli(Turing.Core.logistic(θ))\nend\n';
    const qualified = run({ source: model, data: json({ y: 1 }), params: { θ: 0.3 } }).value.loglikelihood;
    expect(qualified).toBeCloseTo(Math.log(1 / (1 + Math.exp(-0.3))), 14);
    const script = `${model}c = sample(m(1), NUTS(), 100)\np = Turing.Inference.predict(m(1), c)\n`;
    const note = run({ source: script }).warnings.find((w) => w.line === 6);
    expect(note?.message).toMatch(/^top-level `p = …` is ignored: `predict` is not run in Tilde: `tilde predict MODEL/);
  });

  it("`MvLogNormal(μ, σ)` with a number σ is Distributions.jl's older isotropic form, σ a standard deviation, as MvNormal's (a 2PL IRT model)", () => {
    const source = (cov: string) => `@model function m(a)\n    s ~ Exponential(1)\n    a ~ MvLogNormal(fill(0, 3), ${cov})\nend\n`;
    const data = json({ a: [0.5, 1.2, 2.0] });
    const lik = (cov: string) => run({ source: source(cov), data, params: { s: 0.7 } }).value.loglikelihood;
    expect(lik('s')).toBeCloseTo(lik('s^2 * I'), 12);
    expect(lik('s')).toBeCloseTo([0.5, 1.2, 2.0].reduce((acc, x) => acc + normalLogpdf(Math.log(x), 0, 0.7) - Math.log(x), 0), 12);
  });

  it('`y = collect(y_val)` then `y[i] ~ …` draws parameters into the copy, as DynamicPPL does, and says so (a sepsis model meant the data)', () => {
    const source = (copy: string) => `@model function m(y_val)\n    p ~ Beta(1, 1)\n    y = ${copy}\n    for i in eachindex(y)\n        y[i] ~ Normal(p, 1)\n    end\nend\n`;
    const warned = (copy: string) => compile(source(copy)).diagnostics.map((d) => [d.severity, d.line, d.message]);
    const message = "`y` is a copy of the argument `y_val` made in the model (line 3), not an argument, so `~` makes its elements parameters, not observations (DynamicPPL's rule): to observe the data, write `y_val[…] ~ …`";
    expect(warned('collect(y_val)')).toEqual([['warning', 5, message]]);
    expect(warned('Float64.(y_val)')).toEqual([['warning', 5, message]]);
    expect(warned('similar(y_val)')).toEqual([]);
    const outcome = run({ source: source('collect(y_val)'), data: json({ y_val: [0.5, 1.5] }), params: { p: 0.3, y: [0.1, 0.2] } });
    expect(outcome.value.loglikelihood).toBe(0);
  });

  it("DynamicPPL's `leafcontext(__context__) !== PriorContext()` guard names what Tilde does instead, on each call (an astronomy population model)", () => {
    const source = '@model function m(y)\n    π ~ Uniform(0, 1)\n    if DynamicPPL.leafcontext(__context__) !== DynamicPPL.PriorContext()\n        @addlogprob! log(π) * y\n    end\nend\n';
    const outcome = checkModel({ source, data: json({ y: 2 }) });
    const errors = outcome.ok ? [] : outcome.diagnostics.map((d) => [d.line, d.column, d.message.slice(0, d.message.indexOf(' is '))]);
    // `__context__` goes with the refused call that reads it.
    expect(errors).toEqual([
      [3, 8, '`leafcontext`'],
      [3, 48, '`PriorContext`'],
    ]);
    expect(outcome.ok ? '' : outcome.diagnostics[0]!.message).toMatch(/is DynamicPPL's evaluation context, which Tilde does not have: .*keep the lines it guards and drop the test$/);
  });

  it('`@inbounds`, `@views` and `view` change nothing', () => {
    const source = '@model function m(X, y)\n    β ~ filldist(Normal(0, 2), size(X, 2))\n    σ ~ Exponential(1)\n    @inbounds for i in 1:size(X, 1)\n        y[i] ~ Normal(dot(view(X, i, :), β), σ)\n    end\n    @views y ~ MvNormal(X[:, 1] .* β[1], I)\nend\n';
    expectGradient(source, JSON.stringify({ X, y: [0.5, -1.0, 2.0] }));
  });

  it('an `@inline` helper function is the helper function', () => {
    const source = '@inline sq(v) = v^2\n@inline function scaled(v, s)\n    return v * s\nend\n@model function m(x)\n    μ ~ Normal(0, 1)\n    x ~ Normal(scaled(μ, 2), sq(1.5))\nend\n';
    const expected = -0.5 * Math.log(2 * Math.PI * 1.5 ** 4) - (1.0 - 0.6) ** 2 / (2 * 1.5 ** 4);
    expect(run({ source, data: json({ x: 1.0 }), params: { μ: 0.3 } }).value.loglikelihood).toBeCloseTo(expected, 12);
  });

  it("Julia's `√`, `∛`, `⋅` and `x[begin]`", () => {
    const source = '@model function m(x, X)\n    s ~ InverseGamma(2, 3)\n    β ~ filldist(Normal(), 2)\n    x[begin] ~ Normal(X[1, :] ⋅ β, √s)\n    x[begin+1:end] ~ MvNormal(fill(∛s, 2), I)\nend\n';
    const data = { x: [0.5, 1.0, -0.5], X };
    const expected = normalLogpdf(0.5, 1.0 * 0.3 + 0.5 * -0.2, Math.sqrt(2)) + normalLogpdf(1.0, Math.cbrt(2), 1) + normalLogpdf(-0.5, Math.cbrt(2), 1);
    expect(run({ source, data: json(data), params: { s: 2, β: [0.3, -0.2] } }).value.loglikelihood).toBeCloseTo(expected, 12);
    expectGradient(source, JSON.stringify(data));
  });

  it('the probabilistic PCA tutorial as written: `MvNormal(Eye(D))`, `arraydist([… for m in eachcol(genes_mean\')])`', () => {
    const source =
      'n_genes = 2\n@model function pPCA(X::AbstractMatrix{<:Real}, k::Int)\n    N, D = size(X)\n    W ~ filldist(Normal(), D, k)\n    Z ~ filldist(Normal(), k, N)\n    μ ~ MvNormal(Eye(D))\n    genes_mean = W * Z .+ reshape(μ, n_genes, 1)\n    return X ~ arraydist([MvNormal(m, Eye(N)) for m in eachcol(genes_mean\')])\nend;\n';
    const W = [0.5, -1.0];
    const Z = [0.2, -0.4, 1.0];
    const μ = [0.1, 0.3];
    let expected = 0;
    for (let n = 0; n < 3; n++) for (let d = 0; d < 2; d++) expected += normalLogpdf(X[n]![d]!, W[d]! * Z[n]! + μ[d]!, 1);
    expect(run({ source, data: json({ X, k: 1 }), params: { W: [[0.5], [-1.0]], Z: [Z], μ } }).value.loglikelihood).toBeCloseTo(expected, 12);
    expectGradient(source, JSON.stringify({ X, k: 1 }));
  });

  it('`@assert` stops a run whose condition fails, with its message or the condition', () => {
    const source = '@model function m(x, n)\n    @assert length(x) == n "x must have n elements"\n    @assert n > 0\n    μ ~ Normal(0, 1)\n    x ~ filldist(Normal(μ, 1), n)\nend\n';
    expect(run({ source, data: json({ x: [1.5, 2.0], n: 2 }) }).value.parameters.map((v) => v.name)).toEqual(['μ']);
    const failed = checkModel({ source, data: json({ x: [1.0, 2.0], n: 3 }) });
    expect(failed.ok ? [] : failed.diagnostics.map((d) => [d.line, d.message])).toEqual([[2, 'AssertionError: x must have n elements']]);
    const zero = checkModel({ source, data: json({ x: [], n: 0 }) });
    expect(zero.ok ? [] : zero.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'AssertionError: n > 0']]);
  });

  it("DynamicPPL's older `@submodel` is `to_submodel`, unprefixed unless `prefix=true`, or prefixed by a name of one's own", () => {
    const inner = '@model function inner()\n    a ~ Normal()\n    return a\nend\n';
    const names = (body: string) => run({ source: `${inner}@model function outer(x)\n${body}\n    x ~ Normal(0, 1)\nend\n`, data: json({ x: 1.0 }), modelName: 'outer' }).value.parameters.map((v) => v.name);
    expect(names('    @submodel z = inner()\n    y = z + 1')).toEqual(['a']);
    expect(names('    @submodel prefix=true z = inner()')).toEqual(['z.a']);
    expect(names('    @submodel prefix=false z = inner()')).toEqual(['a']);
    expect(names('    @submodel inner()')).toEqual(['a']);
    // DynamicPPL before 0.17, as Turing's own test models (gdemo9) still write it: the name outside the macro.
    expect(names('    z = @submodel inner()\n    y = z + 1')).toEqual(['a']);
    expect(names('    z = @submodel prefix="p" inner()\n    y = z + 1')).toEqual(['p.a']);
    // Before 0.17 the prefix came first, a name or computed (DynamicPPL's own AR1 test).
    expect(names('    z = @submodel sub1 inner()\n    w = @submodel sub2 inner()\n    y = z + w')).toEqual(['sub1.a', 'sub2.a']);
    expect(names('    for i in 1:2\n        z = @submodel $(Symbol("ar_$i")) inner()\n    end')).toEqual(['ar_1.a', 'ar_2.a']);
    // A tuple on the left takes the value apart, as DynamicPPL's own demo models wrote `@submodel s, m = prior()`.
    const pair = '@model function pair()\n    a ~ Normal()\n    b ~ Exponential()\n    return a, b\nend\n';
    for (const line of ['@submodel u, v = pair()', 'u, v = @submodel pair()']) {
      const taken = run({ source: `${pair}@model function outer(x)\n    ${line}\n    x ~ Normal(u, v)\nend\n`, data: json({ x: 1.0 }), modelName: 'outer', params: { a: 0.5, b: 2 } });
      expect(taken.value.parameters.map((v) => v.name)).toEqual(['a', 'b']);
      expect(taken.value.loglikelihood).toBeCloseTo(normalLogpdf(1.0, 0.5, 2), 12);
    }
    const tuple = checkModel({ source: `${pair}@model function outer()\n    @submodel prefix=true u, v = pair()\nend\n` });
    expect(tuple.ok ? [] : tuple.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[7, 27, '`@submodel prefix=true` prefixes with one name: `@submodel prefix=true z = inner(…)`, then take z apart']]);
    // DynamicPPL ≤ 0.24: `prefix="p"` names the variables `p.a`, as `z ~ to_submodel(prefix(inner(), :p), false)` does today.
    expect(names('    @submodel prefix="p" z = inner()\n    @submodel prefix=:q inner()\n    w ~ to_submodel(prefix(inner(), :r))\n    v ~ to_submodel(prefix(inner(), "s"), false)')).toEqual(['p.a', 'q.a', 'w.r.a', 's.a']);
    const middle = '@model function middle()\n    @submodel prefix="m" b = inner()\n    return b\nend\n';
    const nested = run({ source: `${inner}${middle}@model function outer(x)\n    t ~ to_submodel(middle())\n    @submodel prefix="p" u = middle()\n    x ~ Normal(t + u, 1)\nend\n`, data: json({ x: 1.0 }), modelName: 'outer', params: { 't.m.a': 0.5, 'p.m.a': 0.25 } });
    expect(nested.value.parameters.map((v) => v.name)).toEqual(['t.m.a', 'p.m.a']);
    expect(nested.value.loglikelihood).toBeCloseTo(normalLogpdf(1.0, 0.75, 1), 12);
    expectGradient(`${inner}${middle}@model function outer(x)\n    t ~ to_submodel(middle())\n    @submodel prefix="p" u = middle()\n    x ~ Normal(t + u, 1)\nend\n`, JSON.stringify({ x: 1.0 }), 'prior', { modelName: 'outer' });
    const bad = checkModel({ source: `${inner}@model function outer()\n    @submodel prefix=1.5 z = inner()\nend\n` });
    expect(bad.ok ? [] : bad.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[6, 30, 'a submodel prefix is a Symbol or a string, as in `:p` or `"p"`, got the number 1.5']]);
  });

  it("a model ending in `z ~ D` returns z to its parent, as DynamicPPL's `x ~ D` gives x (its submodel tests)", () => {
    const child = '@model function child()\n    z ~ Normal()\nend\n@model function parent(y)\n    a ~ to_submodel(child())\n    y ~ Normal(a)\nend\n';
    const parent = run({ source: child, data: json({ y: 0.0 }), modelName: 'parent', params: { 'a.z': 1.0 } });
    expect(parent.value.parameters.map((v) => v.name)).toEqual(['a.z']);
    expect(parent.value.loglikelihood).toBeCloseTo(normalLogpdf(0, 1, 1), 12);
  });

  it('`x[i] ~ to_submodel(inner(…))` names its variables `x[i].z` and stores its return value in x[i] (DynamicPPL\'s submodel tests)', () => {
    const source = '@model function inner(mu)\n    z ~ Normal(mu, 1)\n    return z * 2\nend\n@model function outer(y)\n    mu ~ Normal()\n    x = zeros(2)\n    for i in 1:2\n        x[i] ~ to_submodel(inner(mu))\n    end\n    y ~ Normal(sum(x), 1)\nend\n';
    const outer = run({ source, data: json({ y: 5.0 }), modelName: 'outer', params: { mu: 0.25, 'x[1].z': 1, 'x[2].z': 2 } });
    expect(outer.value.parameters.map((v) => v.name)).toEqual(['mu', 'x[1].z', 'x[2].z']);
    expect(outer.value.logprior).toBeCloseTo(normalLogpdf(0.25, 0, 1) + normalLogpdf(1, 0.25, 1) + normalLogpdf(2, 0.25, 1), 12);
    expect(outer.value.loglikelihood).toBeCloseTo(normalLogpdf(5, 6, 1), 12);
    expectGradient(source, JSON.stringify({ y: 5.0 }), 'prior', { modelName: 'outer' });
  });

  it("a one-line `@model f() = (a; b)` body, Julia's block in parentheses (DynamicPPL's submodel tests)", () => {
    const chain = '@model t_inner() = (x ~ Normal(); return (; x))\n@model t_middle() = (a ~ to_submodel(t_inner()); return (; x=a.x))\n@model t_outer() = (b ~ to_submodel(t_middle()); return (; x=b.x))\n';
    const outer = run({ source: chain, modelName: 't_outer', params: { 'b.a.x': 0.5 } });
    expect([outer.value.parameters.map((v) => v.name), outer.value.generated['return.x']]).toEqual([['b.a.x'], 0.5]);
  });

  it("`(.~)(x, D)`, `(~)(x, D)` and `return y := e`, as JuliaFormatter leaves Turing's own tests", () => {
    const dotted = run({ source: '@model function dot_gdemo(x)\n    s ~ InverseGamma(2, 3)\n    (~)(m, Normal(0, sqrt(s)))\n    return (.~)(x, Normal(m, sqrt(s)))\nend\n', data: json({ x: [1.5, 2.0] }), params: { s: 2, m: 1 } });
    expect(dotted.value.parameters.map((v) => v.name)).toEqual(['s', 'm']);
    expect(dotted.value.loglikelihood).toBeCloseTo(normalLogpdf(1.5, 1, Math.SQRT2) + normalLogpdf(2.0, 1, Math.SQRT2), 12);
    const tracked = run({ source: '@model function demo_track()\n    x ~ Normal()\n    return y := 100 + x\nend\n', params: { x: 0.5 } });
    // The return value repeats y, which has its column: no second one.
    expect(tracked.value.generated).toEqual({ y: 100.5 });
  });

  it('`do` blocks, `function (x) … end`, `x -> begin … end` and `reduce`, as a forum answer writes a Poisson regression', () => {
    const pasted = `using Turing

@model function poisson_regression(x, y)
    α ~ Normal(0, 1)
    β ~ Normal(0, 1)
    λs = map(x) do xi
        η = α + β * xi
        exp(η)
    end
    loglik = function (λ, k)
        k * log(λ) - λ - loggamma(k + 1)
    end
    @addlogprob! reduce(+, map(loglik, λs, y); init = 0.0)
    squash = v -> begin
        s = abs(v)
        s / (1 + s)
    end
    return foldl((acc, v) -> acc + squash(v), λs; init = 0.0)
end
`;
    const plain = '@model function poisson_regression(x, y)\n    α ~ Normal(0, 1)\n    β ~ Normal(0, 1)\n    for i in eachindex(x)\n        y[i] ~ Poisson(exp(α + β * x[i]))\n    end\nend\n';
    const data = { x: [0.5, -1.0, 2.0], y: [1, 0, 4] };
    const params = { α: 0.3, β: 0.6 };
    const outcome = run({ source: pasted, data: json(data), params });
    expect(outcome.value.loglikelihood).toBeCloseTo(run({ source: plain, data: json(data), params }).value.loglikelihood, 12);
    const λs = data.x.map((v) => Math.exp(0.3 + 0.6 * v));
    expect(outcome.value.generated['return']).toBeCloseTo(λs.reduce((acc, λ) => acc + λ / (1 + λ), 0), 12);
    expectGradient(pasted, JSON.stringify(data));
  });

  it('strings interpolate `$name` and `$(expr)` as Julia does: `error`, `@assert` and `string` carry the values', () => {
    const source =
      '@model function m(x, n)\n    @assert length(x) == n "expected $n elements, got $(length(x))"\n    @info "n = $n"\n    μ ~ Normal(0, 1)\n' +
      '    label = "$(n)x: $(string("(", x[1], ")")) \\$"\n    label == "2x: (1.5) \\$" || error("label is $label")\n    x ~ filldist(Normal(μ, 1), n)\nend\n';
    expect(run({ source, data: json({ x: [1.5, 2.0], n: 2 }) }).value.parameters.map((v) => v.name)).toEqual(['μ']);
    const failed = checkModel({ source, data: json({ x: [1.0, 2.0], n: 3 }) });
    expect(failed.ok ? [] : failed.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message])).toEqual([[2, 'AssertionError: expected 3 elements, got 2']]);
    const labelled = checkModel({ source, data: json({ x: [2.5, 2.0], n: 2 }) });
    expect(labelled.ok ? [] : labelled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['label is 2x: (2.5) $']);
  });

  it('a `$` in a string that interpolates nothing is an error, as in Julia, pointing at it', () => {
    const messages = (line: string) => {
      const o = checkModel({ source: `@model function m()\n    μ ~ Normal(0, 1)\n    ${line}\nend\n`, data: json({}) });
      return o.ok ? [] : o.diagnostics.map((d) => [d.line, d.column, d.message]);
    };
    expect(messages('error("costs $ 5")')).toEqual([[3, 18, 'a `$` in a string interpolates `$name` or `$(expr)`: write `\\$` for a dollar sign']]);
    expect(messages('error("a $(μ +) b")')).toEqual([[3, 19, 'unexpected `)` — expected an expression']]);
    expect(messages('error("a $()")')).toEqual([[3, 14, '`$()` in a string interpolates nothing: write an expression inside, or `\\$` for a dollar sign']]);
  });

  it('`isa`, `<:`, `>:` and `typeof` as helper code checks types: Symbol, Number, AbstractVector, Missing, ranges, distributions', () => {
    const holds = [
      ':a isa Symbol', '1 isa Number', '[1.0] isa AbstractVector', 'missing isa Missing', '1:3 isa AbstractRange', '"s" isa AbstractString',
      'typeof(θ) <: Real', 'typeof(θ) == Float64', 'Int <: Integer', 'Integer >: Bool', 'Vector{Float64} <: AbstractVector{<:Real}',
      'typeof([θ, 1.0]) <: AbstractVector{Float64}', 'typeof(1:3) <: AbstractUnitRange', 'typeof(Normal(θ, 1)) <: ContinuousUnivariateDistribution',
      'typeof(Normal(θ, 1)) <: Normal', 'Float64 isa DataType', '[1, 2] isa Vector{Int}', 'typeof((1, :a)) == Tuple{Float64, Symbol}',
      // An array literal of integers is a Vector{Int64}, one with a float among them a Vector{Float64}.
      'typeof([1, 2, 3]) == Vector{Int}', 'eltype([-1, 2]) == Int64', 'typeof([1, 2.0]) == Vector{Float64}', 'typeof([1, θ]) == Vector{Float64}',
    ];
    const fails = ['Float64 <: Integer', '[1.5] isa Vector{Int}', 'typeof([1, 2]) == Vector{Float64}', 'typeof(Poisson(2)) <: ContinuousUnivariateDistribution', 'Vector{Int} <: Vector{Float64}', ':a isa String'];
    const source = (lines: string[]) => `@model function m(x)\n    θ ~ Normal(0, 1)\n${lines.map((l) => `    @assert ${l}\n`).join('')}    x ~ Normal(θ, 1)\nend\n`;
    expect(run({ source: source([...holds, ...fails.map((f) => `!(${f})`)]), data: json({ x: 1.0 }), params: { θ: 0.3 } }).value.parameters).toHaveLength(1);
    const refused = checkModel({ source: source(['1 <: Real']), data: json({ x: 1.0 }) });
    expect(refused.ok ? [] : refused.diagnostics.map((d) => d.message)).toEqual(['both sides of `<:` must be types, got the integer 1; `typeof(x)` is the type of a value']);
  });

  it("`isa` and `typeof` know the file's own types: a struct's, a distribution type's, as pasted helper code branches on them", () => {
    const source = [
      'struct Priors',
      '    μ₀::Float64',
      'end',
      'struct Shifted <: ContinuousUnivariateDistribution',
      '    μ::Float64',
      'end',
      'Distributions.logpdf(d::Shifted, x::Real) = logpdf(Normal(d.μ, 1), x)',
      'center(p) = p isa Priors ? p.μ₀ : p',
      '@model function m(y, pri = Priors(1.0))',
      '    μ ~ Normal(center(pri), 1)',
      '    d = Shifted(μ)',
      '    @assert d isa Shifted && typeof(d) == Shifted && !(μ isa Shifted) && typeof(pri) == Priors',
      '    if y isa Missing',
      '        y ~ Normal(μ, 1)',
      '    else',
      '        y ~ d',
      '    end',
      'end',
    ].join('\n');
    const outcome = run({ source, data: json({ y: 0.3 }), params: { μ: 0.5 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0.5, 1, 1), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.3, 0.5, 1), 12);
  });

  it("a plain struct holds a script's settings, as forum posts pass them: `Priors(0.0, 2.0)` read by field", () => {
    const source = 'struct Priors\n    μ_mean::Float64\n    σ_scale::Float64\nend\npriors = Priors(0.0, 2.0)\n@model function m(y, priors)\n    μ ~ Normal(priors.μ_mean, 1)\n    σ ~ truncated(Cauchy(0, priors.σ_scale); lower = 0)\n    y ~ Normal(μ, σ)\nend\nmodel = m(1.0, priors)\n';
    const outcome = run({ source, params: { μ: 0.5, σ: 1 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0.5, 0, 1) + Math.log(2 / (Math.PI * 2 * (1 + 1 / 4))), 12);
  });

  it("Turing's posterior predictive in the model: `y_rep = rand(…)` returned and `ŷ := rand.(Poisson.(λ))` recorded, neither a parameter", () => {
    const source = '@model function m(y)\n    λ ~ Gamma(2, 1)\n    y .~ Poisson(λ)\n    ŷ := rand.(Poisson.(fill(λ, length(y))))\n    y_rep = rand(Poisson(λ))\n    return y_rep\nend\n';
    const outcome = run({ source, data: json({ y: [1, 3] }), params: { λ: 2 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['λ']);
    expect(Object.keys(outcome.value.generated)).toEqual(['ŷ[1]', 'ŷ[2]', 'return']);
    expect(Object.values(outcome.value.generated).every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('logging lines are dropped with a warning and the model runs', () => {
    const source = '@model function m(x)\n    μ ~ Normal(0, 1)\n    @show μ\n    println("μ = ", μ)\n    x ~ Normal(μ, 1)\nend\n';
    const outcome = run({ source, data: json({ x: 1.0 }) });
    expect(outcome.warnings.map((w) => w.message)).toEqual(['`@show` prints nothing in Tilde: ignored', '`println(…)` prints nothing in Tilde: ignored']);
  });
  it("Storopoli's ordinal regression: `transformed(D, OrderedBijector())` cutpoints have D on their unconstrained gaps, as Turing samples them", () => {
    const data = json({ X: [[1, 2], [3, 1], [2, 4], [5, 3]], y: [1, 3, 2, 4] });
    const pasted = 'using Bijectors: transformed, OrderedBijector\n@model function ordreg(X, y; predictors=size(X, 2), ncateg=maximum(y))\n    cutpoints ~ transformed(filldist(TDist(3) * 5, ncateg - 1), OrderedBijector())\n    β ~ filldist(TDist(3) * 2.5, predictors)\n    return y ~ arraydist([OrderedLogistic(X[i, :] ⋅ β, cutpoints) for i in 1:length(y)])\nend;\n';
    // The same posterior written on the gaps: u ~ D, and the cutpoints are the bijector applied to u (callable, as in Bijectors).
    const gaps = '@model function ordreg(X, y; predictors=size(X, 2), ncateg=maximum(y))\n    u ~ filldist(TDist(3) * 5, ncateg - 1)\n    cutpoints = OrderedBijector()(u)\n    β ~ filldist(TDist(3) * 2.5, predictors)\n    return y ~ arraydist([OrderedLogistic(X[i, :] ⋅ β, cutpoints) for i in 1:length(y)])\nend;\n';
    const u = [-1.4, Math.log(1.2), 0];
    const β = [-0.07, 0.3];
    const cutpoints = [-1.4, -0.2, 0.8];
    const transformed = run({ source: pasted, data, params: { cutpoints, β } }).value;
    const written = run({ source: gaps, data, params: { u, β } }).value;
    expect(transformed.logdensity).toBeCloseTo(written.logjoint, 12);
    expect(transformed.loglikelihood).toBeCloseTo(written.loglikelihood, 12);
    expectGradient(pasted, JSON.stringify({ X: [[1, 2], [3, 1], [2, 4], [5, 3]], y: [1, 3, 2, 4] }));
  });
  it("the pipe `x |> f` is `f(x)`, at the top level and in a model, as Storopoli's scripts shape their data", () => {
    const source = 'scale = [1.0, 3.0] |> sum |> sqrt\n@model function m(y)\n    μ ~ Normal()\n    ȳ = y |> v -> sum(v) / length(v)\n    y ~ Normal(μ + ȳ, scale)\nend\n';
    const y = [0.5, -1, 3];
    const outcome = run({ source, data: json({ y }), params: { μ: 0.2 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(y.reduce((a, v) => a + normalLogpdf(v, 0.2 + 2.5 / 3, 2), 0), 12);
  });

  it("`~` on a field of a variable that is no argument is DynamicPPL's random variable, refused, not observed (demo_nested_colons)", () => {
    // Tilde observed the 1.0 the model held: log likelihood −1.419 where DynamicPPL draws `s.a` from its prior.
    const local = checkModel({ source: '@model function f()\n    s = (; a = 1.0)\n    s.a ~ Normal(0, 1)\nend\n' });
    expect(local.ok ? [] : local.diagnostics.map((d) => [d.line, d.column, d.message.split(',')[0]])).toEqual([[3, 5, '`s.a` is not inside an argument of the model (`s` is not one)']]);
    // DynamicPPL.TestUtils.demo_nested_colons draws into a named tuple's field, which Tilde cannot hold.
    const nested = `@model function demo_nested_colons(
    x=(; data=[(; subdata=transpose([1.5 2.0;]))]), ::Type{TV}=Array{Float64}
) where {TV}
    n = length(x.data[1].subdata)
    d = n ÷ 2
    s = (; params=[(; subparams=TV(undef, (d, 1, 2)))])
    s.params[1].subparams[:, 1, :] ~ reshape(
        product_distribution(fill(InverseGamma(2, 3), n)), d, 2
    )
    s_vec = vec(s.params[1].subparams)
    s_vec = [x for x in s_vec]
    m ~ MvNormal(zeros(n), Diagonal(s_vec))

    x.data[1].subdata[:, 1] ~ MvNormal(m, Diagonal(s_vec))

    return (; s=s, m=m, x=x)
end
`;
    const refused = checkModel({ source: nested });
    expect(refused.ok ? [] : refused.diagnostics.map((d) => [d.line, d.column])).toEqual([[7, 5]]);
    // Inside an argument (a default named tuple) the same chain of fields and indices is observed.
    const drawn = nested.replace(/ {4}s = \(; params[\s\S]*?s_vec = vec\(s\.params\[1\]\.subparams\)/, '    s ~ reshape(product_distribution(fill(InverseGamma(2, 3), n)), d, 2)\n    s_vec = vec(s)').replace('    return (; s=s, m=m, x=x)\n', '');
    const observed = run({ source: drawn, params: { s: [2, 3], m: [1, 0.5] } });
    expect(observed.value.parameters.map((v) => v.name)).toEqual(['s', 'm']);
    expect(observed.value.loglikelihood).toBeCloseTo(normalLogpdf(1.5, 1, Math.sqrt(2)) + normalLogpdf(2.0, 0.5, Math.sqrt(3)), 12);
  });

  it("DynamicPPL's `$(…)` in a model takes a value of the file's top level, as Turing's GibbsConditional test writes its mixture", () => {
    const source = `K = 2
π = fill(1/K, K)
m = 0.5
σ²_μ = 4.0
σ²_x = 0.01
N = 4

@model function mixture(x)
    μ ~ $(MvNormal(fill(m, K), σ²_μ * I))
    z ~ $(filldist(Categorical(π), N))
    x ~ MvNormal(μ[z], $(σ²_x * I))
    return x
end
`;
    const x = [0.1, 2.3, 0.2, 2.2];
    const μ = [0.2, 2.1];
    const z = [1, 2, 1, 2];
    const r = run({ source, data: json({ x }), params: { μ, z } }).value;
    expect(r.logprior).toBeCloseTo(normalLogpdf(0.2, 0.5, 2) + normalLogpdf(2.1, 0.5, 2) + 4 * Math.log(0.5), 12);
    expect(r.loglikelihood).toBeCloseTo(x.reduce((a, xi, i) => a + normalLogpdf(xi, μ[z[i]! - 1]!, 0.1), 0), 12);
    // DynamicPPL would read the top level's x, not the argument: refused rather than read as the model's own.
    const own = checkModel({ source: '@model function m(x)\n    y = $x\n    x ~ Normal(y, 1)\nend\n', data: json({ x: 1 }) });
    expect(own.ok ? [] : own.diagnostics.map((d) => [d.line, d.column, d.message.split(':')[0]])).toEqual([[2, 9, '`$(…)` takes its value where the model is defined (DynamicPPL interpolates it then), but `x` is a name of the model itself']]);
    const top = compile('y = $(1 + 2)\n').diagnostics.filter((d) => d.severity !== 'info');
    expect(top.map((d) => d.message)).toEqual(["top-level `y = …` is ignored: `$` interpolation is only allowed inside `@.`, or in a @model for a value of the file's top level"]);
  });

  it("DynamicPPL's `x .~ MvNormal(…)` on a matrix, one draw per column before 0.35, is refused with both of today's spellings, and the observed one gives the columns' density", () => {
    const source = (tilde: string) => `@model function demo_dot_assume_dot_observe_matrix(
    x=transpose([1.5 2.0;]), ::Type{TV}=Vector{Float64}
) where {TV}
    s = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m = TV(undef, length(x))
    m .~ Normal.(0, sqrt.(s))

    # Dotted observe for \`Matrix\`.
    x ${tilde} MvNormal(m, Diagonal(s))
end
`;
    const old = checkModel({ source: source('.~') });
    expect(old.ok ? [] : old.diagnostics.map((d) => [d.line, d.column, d.message.split('; ')[1]])).toEqual([
      [10, 10, 'before DynamicPPL 0.35 it meant one draw per column: `x ~ filldist(MvNormal(m, Diagonal(s)), size(x, 2))`, or `x ~ MvNormal(m, Diagonal(s))` to observe the columns of data'],
    ]);
    const r = run({ source: source('~'), params: { s: [2, 3], m: [1, 0.5] } }).value;
    expect(r.loglikelihood).toBeCloseTo(normalLogpdf(1.5, 1, Math.sqrt(2)) + normalLogpdf(2.0, 0.5, Math.sqrt(3)), 12);
  });

  it('a bare `@noinline` in a model body (Turing marks its particle tests\' submodels so) is read as nothing', () => {
    const source = '@model function inner_kwarg(y; n=0.0)\n    @noinline # See above\n    x ~ Normal(n)\n    return y ~ Normal(x)\nend\n@model function outer_kwarg2(n)\n    return a ~ to_submodel(inner_kwarg(5.0; n=n))\nend\nm2 = outer_kwarg2(10.0)\n';
    const r = run({ source, params: { 'a.x': 7 } }).value;
    expect(r.parameters.map((p) => p.name)).toEqual(['a.x']);
    expect(r.logprior).toBeCloseTo(normalLogpdf(7, 10, 1), 12);
    expect(r.loglikelihood).toBeCloseTo(normalLogpdf(5, 7, 1), 12);
  });

  it("`true ~ Dirac(event)` observes an event and `x ~ Dirac(v)` records a value, as hakank's Turing ports write them", () => {
    // hakank/hakank julia/turing/ab_testing.jl's model: the literal `true` on the left was "must be a literal", Dirac unknown.
    const source = `@model function ab_testing(nA=16,nB=16,obsSA=6, obsSB=10)
    rateA ~ Beta(1,1) # priors
    rateB ~ Beta(1,1)
    sA ~ Binomial(nA,rateA) # likelihood
    sB ~ Binomial(nB,rateB)
    true ~ Dirac(sA == obsSA)
    true ~ Dirac(sB == obsSB)
    rateBGtRateA ~ Dirac(rateB > rateA)
end
`;
    const binomial = (k: number, n: number, p: number) => Math.log([...Array(k).keys()].reduce((c, i) => (c * (n - i)) / (i + 1), 1)) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    const at = (sA: number, flag: number) => run({ source, params: { rateA: 0.3, rateB: 0.6, sA, sB: 10, rateBGtRateA: flag } }).value;
    expect(at(6, 1).logjoint).toBeCloseTo(binomial(6, 16, 0.3) + binomial(10, 16, 0.6), 12);
    expect(at(5, 1).logjoint).toBe(-Infinity);
    expect(at(6, 0).logjoint).toBe(-Infinity);
  });

  it("Turing ≤ 0.6's `@logpdf() += x` adds x to the log density, as `@addlogprob! x` does (TuringLang/papers' benchmarks)", () => {
    const old = run({ source: '@model function m(y)\n    μ ~ Normal()\n    @logpdf() += normlogpdf(μ, 1, y)\nend\n', data: json({ y: 0.3 }), params: { μ: 0.5 } }).value;
    expect(old.loglikelihood).toBeCloseTo(normalLogpdf(0.3, 0.5, 1), 12);
    expect(old.logprior).toBeCloseTo(normalLogpdf(0.5, 0, 1), 12);
  });

  it("Base's `Iterators.flatten` runs by its qualified name, as BPA's CJS scripts write it; the module's other functions say so", () => {
    const source = (call: string) => `@model function m(y)\n    μ ~ Normal()\n    v = collect(${call}([[1.0, 2.0], [3.0]]))\n    y ~ Normal(μ + sum(v), 1)\nend\n`;
    const r = run({ source: source('Iterators.flatten'), data: json({ y: 5.5 }), params: { μ: 0 } }).value;
    expect(r.loglikelihood).toBeCloseTo(normalLogpdf(5.5, 6, 1), 12);
    const outcome = checkModel({ source: source('Iterators.product'), data: json({ y: 5.5 }) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toEqual(["`Iterators.product` is not supported: of Base's Iterators Tilde has `Iterators.flatten`"]);
  });
  it("keyword arguments splatted from a Dict of Symbols or a named tuple, as Bayesian Methods for Hackers' port calls `challenger_model(; challenger_data...)`", () => {
    const model = '@model function challenger(; temperature, damaged)\n    α ~ Normal(0, 1000)\n    β ~ Normal(0, 1000)\n    prob = 1 ./ (1 .+ exp.(α .+ β .* temperature))\n    damaged .~ Bernoulli.(prob)\nend\n';
    const call = (data: string, args: string) => `${data}\n${model}chains = sample(challenger(${args}), NUTS(), 1000)\n`;
    const dict = 'const d = Dict(:temperature => [66, 70, 57], :damaged => [0, 1, 1])';
    const params = { α: 15, β: -0.23 };
    const explicit = run({ source: call('', 'temperature = [66, 70, 57], damaged = [0, 1, 1]'), params }).value.loglikelihood;
    const p = (t: number) => 1 / (1 + Math.exp(15 - 0.23 * t));
    expect(explicit).toBeCloseTo(Math.log(1 - p(66)) + Math.log(p(70)) + Math.log(p(57)), 12);
    expect(run({ source: call(dict, '; d...'), params }).value.loglikelihood).toBe(explicit);
    expect(run({ source: call('nt = (temperature = [66, 70, 57], damaged = [0, 1, 1])', '; nt...'), params }).value.loglikelihood).toBe(explicit);
    // A keyword written after the splat wins, as in Julia.
    const later = run({ source: call(dict, '; d..., damaged = [1, 1, 1]'), params }).value.loglikelihood;
    expect(later).toBeCloseTo(Math.log(p(66)) + Math.log(p(70)) + Math.log(p(57)), 12);
    const strings = checkModel({ source: call('const d = Dict("temperature" => [66], "damaged" => [0])', '; d...') });
    expect(strings.ok ? [] : strings.diagnostics.filter((d) => d.severity === 'error' || d.message.startsWith('this call gives')).map((d) => d.message)).toEqual([
      expect.stringContaining('keyword arguments splatted from a Dict need Symbol keys (`:name => value`), got the key a string'),
      expect.stringContaining('no data for the model argument `temperature`'),
    ]);
  });
});
