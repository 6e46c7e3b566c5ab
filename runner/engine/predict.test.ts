import { describe, expect, it } from 'vitest';
import { predictModel } from './index.js';

const source = '@model function m(y, x)\n    μ ~ Normal(0, 10)\n    σ ~ Exponential(1)\n    for i in eachindex(y)\n        y[i] ~ Normal(μ + x[i], σ)\n    end\nend\n';
const data = { text: '{"y": [1.0, null, 3.0], "x": [0, 10, 20]}', format: 'json' as const };
// Two posterior draws with a tiny σ: each replicate sits on μ + x.
const draws = { names: ['μ', 'σ'], rows: [[1, 1e-9], [2, 1e-9]] };

describe('engine.predict', () => {
  it('draws an observed argument anew at each draw, beside its data (null where missing)', () => {
    const result = predictModel({ source, data, seed: 1, replicate: ['y'], draws });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    const [y] = result.value.variables;
    expect(y!.name).toBe('y');
    expect(y!.elements).toEqual(['y[1]', 'y[2]', 'y[3]']);
    expect(y!.observed).toEqual([1, null, 3]);
    expect(y!.draws).toHaveLength(2);
    y!.draws.forEach((row, d) => row.forEach((v, i) => expect(v).toBeCloseTo(d + 1 + 10 * i, 6)));
    expect(result.value.drawn).toEqual([0, 1]);
  });

  it("replicates ragged data (Julia's Vector{Vector}) vector by vector, observed by whole vectors or element by element", () => {
    const ragged = { text: '{"y": [[1.0, 2.0], [3.0, 4.0, 5.0]]}', format: 'json' as const };
    const wholes = '@model function g(y)\n    θ ~ filldist(Normal(0, 10), length(y))\n    for g in eachindex(y)\n        y[g] ~ MvNormal(fill(θ[g], length(y[g])), 1e-18 * I)\n    end\nend\n';
    const elements = '@model function g(y)\n    θ ~ filldist(Normal(0, 10), length(y))\n    for g in eachindex(y)\n        for i in eachindex(y[g])\n            y[g][i] ~ Normal(θ[g], 1e-9)\n        end\n    end\nend\n';
    for (const model of [wholes, elements]) {
      const result = predictModel({ source: model, data: ragged, seed: 1, replicate: ['y'], draws: { names: ['θ[1]', 'θ[2]'], rows: [[10, 20]] } });
      if (!result.ok) throw new Error(result.diagnostics[0]!.message);
      const [y] = result.value.variables;
      expect(y!.elements).toEqual(['y[1][1]', 'y[1][2]', 'y[2][1]', 'y[2][2]', 'y[2][3]']);
      expect(y!.observed).toEqual([1, 2, 3, 4, 5]);
      y!.draws[0]!.forEach((v, k) => expect(v).toBeCloseTo(k < 2 ? 10 : 20, 6));
    }
  });

  it('replicates large data at fewer draws, evenly spread, so that at most half a million values come back', () => {
    const n = 20_000;
    const big = { text: JSON.stringify({ y: Array.from({ length: n }, () => 0), x: Array.from({ length: n }, () => 0) }), format: 'json' as const };
    const rows = Array.from({ length: 400 }, (_, d) => [d, 1e-9]);
    const result = predictModel({ source, data: big, seed: 1, replicate: ['y'], draws: { names: ['μ', 'σ'], rows } });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    expect(result.value.drawn).toHaveLength(50);
    expect(result.value.drawn.slice(0, 3)).toEqual([0, 8, 16]);
    // Each replicate comes from the draw it says: μ = the row's index.
    result.value.variables[0]!.draws.forEach((row, k) => expect(row[0]).toBeCloseTo(result.value.drawn[k]!, 6));
  });

  it('replicates a variable the data conditions by dropping the condition', () => {
    const conditioned = '@model function c()\n    μ ~ Normal(0, 10)\n    z ~ Normal(μ, 1e-9)\nend\n';
    const result = predictModel({ source: conditioned, data: { text: '{"z": 0.5}', format: 'json' }, seed: 1, replicate: ['z'], draws: { names: ['μ'], rows: [[4]] } });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    expect(result.value.variables[0]!.observed).toEqual([0.5]);
    expect(result.value.variables[0]!.draws[0]![0]).toBeCloseTo(4, 6);
  });

  it('says what is wrong with a name: neither argument nor data, or a covariate no ~ observes', () => {
    const unknown = predictModel({ source, data, seed: 1, replicate: ['w'], draws });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.diagnostics.at(-1)!.message).toMatch(/`w` is neither an argument of `m` nor data that conditions it/);
    const covariate = predictModel({ source, data, seed: 1, replicate: ['x'], draws });
    expect(covariate.ok).toBe(false);
    if (!covariate.ok) expect(covariate.diagnostics.at(-1)).toMatchObject({ line: 1, message: '`x` stands left of no `~` in `m`: only data the model observes can be replicated' });
  });
});
