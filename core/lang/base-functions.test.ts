import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/**
 * Base, LinearAlgebra and Julia 1.9 functions and operator forms that pasted Turing code calls, with parameters
 * flowing through them: each gives Julia's value, and every AD backend its derivative.
 */

const x = [0.4, -1.1, 2.3];
const data = JSON.stringify({ x });
const lik = (source: string, params: Record<string, number | number[]>) => run({ source, data: json({ x }), params }).value.loglikelihood;

describe('Base functions in a model', () => {
  it('accumulate(+, …) with init: a running sum of parameters', () => {
    const source = '@model function m(x)\n    δ ~ filldist(Normal(0, 1), 3)\n    μ = accumulate(+, δ; init = 1.0)\n    x ~ MvNormal(μ, I)\nend\n';
    const expected = normalLogpdf(0.4, 1.5, 1) + normalLogpdf(-1.1, 1.3, 1) + normalLogpdf(2.3, 1.6, 1);
    expect(lik(source, { δ: [0.5, -0.2, 0.3] })).toBeCloseTo(expected, 12);
    expectGradient(source, data);
  });

  it('cat, stack, eachslice and mapslices carry their elements', () => {
    const source =
      '@model function m(x)\n    a ~ filldist(Normal(0, 1), 2)\n    b ~ Normal(0, 1)\n    M = stack([a, 2a, 3a])\n    c = cat(a, [b]; dims = 1)\n' +
      '    s = [sum(r) for r in eachslice(M; dims = 1)]\n    p = mapslices(v -> v ./ sum(abs2, v), M; dims = 1)\n    x ~ MvNormal(c .+ [s; 0] .+ vec(p[:, 1:3])[1:3], I)\nend\n';
    expectGradient(source, data);
    const a = [0.3, -0.6];
    const b = 0.2;
    const s = [6 * a[0]!, 6 * a[1]!];
    const norm2 = a[0]! ** 2 + a[1]! ** 2;
    const p = [a[0]! / norm2, a[1]! / norm2, (2 * a[0]!) / (4 * norm2)];
    const μ = [a[0]! + s[0]! + p[0]!, a[1]! + s[1]! + p[1]!, b + p[2]!];
    expect(lik(source, { a, b })).toBeCloseTo(x.reduce((t, xi, i) => t + normalLogpdf(xi, μ[i]!, 1), 0), 12);
  });

  it('sum(f, x; init), prod(x; init) and muladd', () => {
    const source = '@model function m(x)\n    θ ~ Normal(0, 1)\n    s = sum(abs2, [θ, 1.0]; init = θ) + prod([θ]; init = 2.0)\n    x ~ MvNormal(fill(muladd(θ, 2.0, s), 3), I)\nend\n';
    const θ = 0.7;
    const μ = 2 * θ + (θ * θ + 1 + θ) + 2 * θ;
    expect(lik(source, { θ })).toBeCloseTo(x.reduce((t, xi) => t + normalLogpdf(xi, μ, 1), 0), 12);
    expectGradient(source, data);
  });

  it('diagm(k => v): a tridiagonal covariance from parameters', () => {
    const source = '@model function m(x)\n    σ ~ filldist(Exponential(1), 3)\n    ρ ~ Uniform(0, 0.4)\n    Σ = diagm(0 => σ .+ 1, 1 => fill(ρ, 2), -1 => fill(ρ, 2))\n    x ~ MvNormal(zeros(3), Σ)\nend\n';
    expectGradient(source, data);
  });

  it('operators as predicates, ≈, isequal and !f select what a model sums', () => {
    const source =
      '@model function m(x)\n    θ ~ Normal(0, 1)\n    k = count(>(0), x) + count(!isnan, x) + count(isequal(2.3), x)\n    i = findfirst(==(-1.1), x)\n    close = 0.1 + 0.2 ≈ 0.3 && !(1.0 ≈ 1.001) && isapprox(1.0, 1.001; atol = 0.01)\n' +
      '    x ~ MvNormal(fill(θ * k * i * close, 3), I)\nend\n';
    const μ = 0.5 * (2 + 3 + 1) * 2;
    expect(lik(source, { θ: 0.5 })).toBeCloseTo(x.reduce((t, xi) => t + normalLogpdf(xi, μ, 1), 0), 12);
    expectGradient(source, data);
  });
});
