import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/** Grouped data as Turing users pass it, `Vector{Vector{Float64}}` of different lengths, and as JSON gives it: ragged rows. */
const y = [[1.0, 2.0], [3.0, 4.0, 5.0], [-1.5]];
const θ = [0.5, 3.5, -1.0];
const expected = y.reduce((a, row, g) => a + row.reduce((b, v) => b + normalLogpdf(v, θ[g]!, 1), 0), 0);

const model = (body: string): string => `@model function groups(y)\n    θ ~ filldist(Normal(0, 10), length(y))\n${body}\nend\n`;

describe("ragged JSON rows bind as a vector of vectors (Julia's Vector{Vector})", () => {
  it('whole vectors, element by element, or through the functions Julia has for vectors: the same likelihood', () => {
    const bodies = [
      '    for g in eachindex(y)\n        y[g] ~ MvNormal(fill(θ[g], length(y[g])), I)\n    end',
      '    for g in eachindex(y)\n        for i in eachindex(y[g])\n            y[g][i] ~ Normal(θ[g], 1)\n        end\n    end',
      '    for g in 1:length(y), i in 1:length(y[g])\n        y[g][i] ~ Normal(θ[g], 1)\n    end',
      '    for (g, row) in enumerate(y)\n        Turing.@addlogprob! sum(logpdf.(Normal(θ[g], 1), row))\n    end',
      '    n = length.(y)\n    all = vcat(y...)\n    group = vcat([fill(g, n[g]) for g in eachindex(y)]...)\n    Turing.@addlogprob! sum(logpdf.(Normal.(θ[group], 1), all))',
      '    for g in eachindex(y)\n        Turing.@addlogprob! loglikelihood(Normal(θ[g], 1), y[g])\n    end\n    @assert mapreduce(length, +, y) == length(reduce(vcat, y)) == 6',
      '    for g in eachindex(y)\n        Turing.@addlogprob! -sum(abs2, y[g] .- θ[g]) / 2 - length(y[g]) * log(2π) / 2\n    end',
    ];
    for (const body of bodies) {
      const outcome = run({ source: model(body), data: json({ y }), params: { θ } });
      expect(outcome.value.loglikelihood, body).toBeCloseTo(expected, 10);
    }
    expectGradient(model(bodies[1]!), JSON.stringify({ y }));
  });

  it('takes an annotation of vectors of vectors, and a null in a row is that element to sample, `y[g][i]` as DynamicPPL names it', () => {
    const typed = run({ source: model('    for g in eachindex(y)\n        y[g] ~ MvNormal(fill(θ[g], length(y[g])), I)\n    end').replace('(y)', '(y::Vector{Vector{Float64}})'), data: json({ y }), params: { θ } });
    expect(typed.value.loglikelihood).toBeCloseTo(expected, 10);
    const holes = [[1.0, null], [3.0, 4.0, 5.0], [-1.5]];
    const byElement = model('    for g in eachindex(y), i in eachindex(y[g])\n        y[g][i] ~ Normal(θ[g], 1)\n    end');
    const outcome = run({ source: byElement, data: json({ y: holes }), params: { θ, 'y[1][2]': 0.25 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['θ', 'y[1][2]']);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected - normalLogpdf(2, 0.5, 1), 10);
    expect(outcome.value.logprior).toBeCloseTo(θ.reduce((a, t) => a + normalLogpdf(t, 0, 10), 0) + normalLogpdf(0.25, 0.5, 1), 10);
    // Observed whole, a group holding a null is refused (DynamicPPL observes a slice whole), pointing to its elements.
    const whole = checkModel({ source: model('    for g in eachindex(y)\n        y[g] ~ MvNormal(fill(θ[g], length(y[g])), I)\n    end'), data: json({ y: holes }) });
    expect(whole.ok ? '' : whole.diagnostics[0]!.message).toMatch(/^`y\[1\]` holds missing values, .*: write its elements as `y\[g\]\[i\] ~ …` in a loop/);
    // A vector of vectors the model builds is no argument: DynamicPPL draws its elements, under the same names.
    const local = run({ source: '@model function m()\n    z = [zeros(2), zeros(1)]\n    for g in 1:2, i in eachindex(z[g])\n        z[g][i] ~ Normal()\n    end\n    s := sum(sum, z)\nend\n', params: { 'z[1][1]': 1, 'z[1][2]': 2, 'z[2][1]': 4 } });
    expect(local.value.parameters.map((p) => p.name)).toEqual(['z[1][1]', 'z[1][2]', 'z[2][1]']);
    expect(local.value.generated['s']).toBe(7);
  });

  it('read as a matrix, `y[g, i]` or `size(y, 2)`, is an error naming the argument, its lengths and the line', () => {
    const reads = [
      ['    for g in 1:length(y), i in 1:length(y[g])\n        y[g, i] ~ Normal(θ[g], 1)\n    end', 4, 'y[g, i]'],
      ['    for g in 1:size(y, 1)\n        for i in 1:size(y, 2)\n            y[g][i] ~ Normal(θ[g], 1)\n        end\n    end', 4, 'size(y, 2)'],
    ] as const;
    for (const [body, line, read] of reads) {
      const outcome = checkModel({ source: model(body), data: json({ y }) });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.diagnostics[0]).toMatchObject({
        line,
        message: `\`y\` is a vector of 3 vectors (lengths 2, 3, 1), ragged data (Julia's \`Vector{Vector}\`), but \`${read}\` reads it as a matrix: write \`y[g][i]\` for element i of vector g, and \`length(y[g])\` for its length`,
      });
    }
    // Annotated as a matrix, the data is named for what it is.
    const annotated = checkModel({ source: model('    for g in 1:size(y, 1), i in 1:size(y, 2)\n        y[g, i] ~ Normal(θ[g], 1)\n    end').replace('(y)', '(y::Matrix{Float64})'), data: json({ y }) });
    expect(annotated.ok ? '' : annotated.diagnostics[0]!.message).toBe('`y` is declared `::Matrix{Float64}`, but the data gives a vector of 3 vectors (lengths 2, 3, 1): give data of that type, or change the annotation');
    // Rows of equal length stay a matrix for such a model.
    const matrix = run({ source: model('    for g in 1:2, i in 1:size(y, 2)\n        y[g, i] ~ Normal(θ[g], 1)\n    end'), data: json({ y: [[1.0, 2.0], [3.0, 4.0]] }), params: { θ: [0.5, 3.5, 0, 0] } });
    expect(matrix.value.loglikelihood).toBeCloseTo(normalLogpdf(1, 0.5, 1) + normalLogpdf(2, 0.5, 1) + normalLogpdf(3, 3.5, 1) + normalLogpdf(4, 3.5, 1), 10);
  });
  it("`y[m] .~ D` draws the elements of one vector of a vector of vectors, named `y[m][i]` (the Imperial College COVID model's imputed cases)", () => {
    const source = '@model function imputed(x)\n    τ ~ Exponential(1)\n    y = [Vector{Float64}(undef, 2) for m = 1:2]\n    for m = 1:2\n        y[m] .~ Exponential(τ)\n    end\n    x ~ Normal(sum(y[1]) + 2 * sum(y[2]), 1)\nend\n';
    const drawn = { 'y[1][1]': 0.5, 'y[1][2]': 1.5, 'y[2][1]': 0.25, 'y[2][2]': 0.75 };
    const outcome = run({ source, data: json({ x: 3 }), params: { τ: 2, ...drawn } });
    expect(outcome.value.at).toEqual({ τ: 2, ...drawn });
    // Exponential(2) is Distributions' scale 2: log density −log 2 − y/2 per element; the draws reach `x` through `y`.
    expect(outcome.value.logprior).toBeCloseTo(-2 + 4 * -Math.log(2) - (0.5 + 1.5 + 0.25 + 0.75) / 2, 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(3, 2 + 2 * 1, 1), 12);
    expectGradient(source, JSON.stringify({ x: 3 }));
  });
});
