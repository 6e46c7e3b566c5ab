import { describe, expect, it } from 'vitest';
import { HOWELL_CSV, HOWELL_SCRIPT } from '../../core/lang/dataframes/fixtures.js';
import { predictModel } from './index.js';

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

  it("replicates the Getting Started script's `y` of `sample(gdemo(1.5, 2), …)`, observed as 2", () => {
    const source = '@model function gdemo(x, y)\n    s² ~ InverseGamma(2, 3)\n    m ~ Normal(0, sqrt(s²))\n    x ~ Normal(m, sqrt(s²))\n    y ~ Normal(m, sqrt(s²))\nend\nchn = sample(gdemo(1.5, 2), NUTS(), 1000)\n';
    const result = predictModel({ source, seed: 1, replicate: ['y'], draws: { names: ['s²', 'm'], rows: [[1, 0]] } });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    expect(result.value.variables[0]!.observed).toEqual([2]);
  });
});
