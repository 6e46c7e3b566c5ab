import { describe, expect, it } from 'vitest';
import { HOWELL_CSV, HOWELL_SCRIPT } from '../../core/lang/dataframes/fixtures.js';
import { predictModel } from './index.js';
import { predictDraws } from './predict-draws.js';

describe("engine.predict of data the file's own call of the model gives", () => {
  it("replicates the observed heights the script makes from its table (Statistical Rethinking's m4.3), beside those heights", () => {
    const draws = { names: ['a', 'b', 'σ'], rows: [[150, 0.9, 1e-9]] };
    const result = predictModel({ source: HOWELL_SCRIPT, data: { text: HOWELL_CSV, format: 'csv' }, seed: 1, replicate: ['height'], draws });
    if (!result.ok) throw new Error(result.diagnostics.find((d) => d.severity === 'error')?.message);
    const [height] = result.value.variables;
    const adults = HOWELL_CSV.trim().split('\n').slice(1).map((line) => line.split(',').map(Number)).filter(([, , age]) => age! >= 18);
    expect(height!.observed).toEqual(adults.map(([h]) => h));
    const x̄ = adults.reduce((s, [, w]) => s + w!, 0) / adults.length;
    height!.draws[0]!.forEach((v, i) => expect(v).toBeCloseTo(150 + 0.9 * (adults[i]![1]! - x̄), 6));
  });

  it('replicates `df.y` of a model given the whole table, whose `df.y[i] ~ …` observe its column', () => {
    const source = `df = CSV.read("t.csv", DataFrame)
@model function m(df)
    α ~ Normal(0, 10)
    σ ~ Exponential(1)
    for i in 1:nrow(df)
        df.y[i] ~ Normal(α * df.x[i], σ)
    end
end
model = m(df)
`;
    const table = 'x,y\n1.0,2.5\n2.0,3.5\n4.0,9.0\n';
    const result = predictModel({ source, data: { text: table, format: 'csv' }, seed: 1, replicate: ['df.y'], draws: { names: ['α', 'σ'], rows: [[2, 1e-9], [3, 1e-9]] } });
    if (!result.ok) throw new Error(result.diagnostics.find((d) => d.severity === 'error')?.message);
    const [y] = result.value.variables;
    expect(y!.name).toBe('df.y');
    expect(y!.elements).toEqual(['df.y[1]', 'df.y[2]', 'df.y[3]']);
    expect(y!.observed).toEqual([2.5, 3.5, 9]);
    // σ ≈ 0: each replicate is α · x.
    [2, 3].forEach((α, k) => y!.draws[k]!.forEach((v, i) => expect(v).toBeCloseTo(α * [1, 2, 4][i]!, 6)));
  });

  it("predicts (`tilde predict --missing`) a table's column the model observes, and an argument the script makes from the table", () => {
    const table = { text: 'x,y\n1.0,2.5\n2.0,3.5\n', format: 'csv' as const };
    const posterior = { names: ['α', 'σ'], chains: [Float64Array.from([2, 1e-9])] };
    const whole = 'df = CSV.read("t.csv", DataFrame)\n@model function m(df)\n    α ~ Normal()\n    σ ~ Exponential()\n    for i in 1:nrow(df)\n        df.y[i] ~ Normal(α * df.x[i], σ)\n    end\nend\nmodel = m(df)\n';
    const made = 'df = CSV.read("t.csv", DataFrame)\ny = df.y\n@model function m(x, y)\n    α ~ Normal()\n    σ ~ Exponential()\n    for i in eachindex(y)\n        y[i] ~ Normal(α * x[i], σ)\n    end\nend\nmodel = m(df.x, y)\n';
    const dotted = whole.replace(/for i in[\s\S]*?\n    end/, 'df.y .~ Normal.(α .* df.x, σ)');
    for (const [source, name] of [[whole, 'df.y'], [dotted, 'df.y'], [made, 'y']] as const) {
      const result = predictDraws({ source, data: table, seed: 1, missing: [name], posterior });
      if (!result.ok) throw new Error(result.diagnostics.find((d) => d.severity === 'error')?.message);
      expect(result.value.names).toEqual([`${name}[1]`, `${name}[2]`]);
      [...result.value.chains[0]!].forEach((v, i) => expect(v).toBeCloseTo(2 * (i + 1), 6));
    }
  });

  it("replicates the Getting Started script's `y` of `sample(gdemo(1.5, 2), …)`, observed as 2", () => {
    const source = '@model function gdemo(x, y)\n    s² ~ InverseGamma(2, 3)\n    m ~ Normal(0, sqrt(s²))\n    x ~ Normal(m, sqrt(s²))\n    y ~ Normal(m, sqrt(s²))\nend\nchn = sample(gdemo(1.5, 2), NUTS(), 1000)\n';
    const result = predictModel({ source, seed: 1, replicate: ['y'], draws: { names: ['s²', 'm'], rows: [[1, 0]] } });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    expect(result.value.variables[0]!.observed).toEqual([2]);
  });
});
