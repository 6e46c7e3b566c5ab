import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

/** Parameters flowing through anonymous functions, checked on every AD backend against finite differences. */

const DATA = JSON.stringify({ x: [0.4, -1.3, 2.2, 0.9] });

describe('gradients through anonymous functions', () => {
  it('map, sum(f, x), mapreduce and a broadcast closure, each capturing parameters', () => {
    const source = `
@model function normals(x)
    μ ~ Normal(0, 1)
    σ ~ Exponential(1)
    lps = map(xi -> logpdf(Normal(μ, σ), xi), x)
    @addlogprob! sum(lps)
    @addlogprob! sum(xi -> -abs2(xi - μ) / σ, x)
    k = 0.5
    @addlogprob! mapreduce(i -> k * x[i] * μ, +, 1:length(x))
    scale = (v, c) -> v * σ + c
    @addlogprob! -sum(abs2, scale.(x, μ))
    fs = []
    for i in 1:2
        push!(fs, t -> t * i * μ)
    end
    @addlogprob! fs[1](σ) - fs[2](σ)
end`;
    expectGradient(source, DATA);
  });

  it('reduce, foldl, foldr, mapreduce with init, foreach and `do` blocks, each carrying parameters', () => {
    const source = `
@model function folds(x)
    μ ~ Normal(0, 1)
    σ ~ Exponential(1)
    @addlogprob! -reduce(+, abs2.(x .- μ); init = 0.0) / (2σ^2) - length(x) * log(σ)
    @addlogprob! -foldl((acc, xi) -> acc + abs(xi - μ) * σ, x; init = 0.0) / 10
    @addlogprob! foldr(*, [σ, μ, 0.5]) + reduce(max, [μ, -μ, σ])
    @addlogprob! mapreduce(xi -> xi * μ, +, x; init = σ)
    lps = map(x) do xi
        z = (xi - μ) / σ
        return -z^2 / 2
    end
    @addlogprob! sum(lps) + reduce(vcat, [[μ], [σ, μ]])[3]
    total = 0.0
    foreach(x) do xi
        total += xi * σ
    end
    @addlogprob! total / 10
end`;
    expectGradient(source, DATA);
  });

  it('a compiled tape refuses a lambda whose branch depends on a parameter, naming the comparison', () => {
    const source = `
@model function kinked(x)
    μ ~ Normal(0, 1)
    @addlogprob! -sum(xi -> xi - μ > 0 ? xi - μ : 2 * (μ - xi), x)
end`;
    expectGradient(source, DATA, 'prior', { compiledRefuses: /a comparison \(`>`\) depends on a parameter/ });
  });
});
