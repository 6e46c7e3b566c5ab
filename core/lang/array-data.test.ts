import { describe, expect, it } from 'vitest';
import { dataFromJson, JArray } from '../model/index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/** Detections at S = 4 sites, J = 2 visits, K = 3 seasons, as JSON nests `y[s][j][k]`. */
const y = [
  [[1, 0, 0], [0, 0, 1]],
  [[0, 0, 0], [0, 0, 0]],
  [[1, 1, 0], [0, 1, 0]],
  [[0, 0, 0], [1, 0, 0]],
];
const [S, J, K] = [4, 2, 3];

describe('data nested three or more levels deep binds as an array, as a list of rows binds as a matrix', () => {
  it('`v[i][j][k]` is `A[i, j, k]`, column-major, of its element type; ragged nesting stays a vector of arrays', () => {
    const a = dataFromJson(JSON.stringify({ y })).get('y') as JArray;
    expect([a.shape, a.eltype]).toEqual([[S, J, K], 'int']);
    for (let s = 0; s < S; s++) for (let j = 0; j < J; j++) for (let k = 0; k < K; k++) expect(a.data[s + S * (j + J * k)]).toBe(y[s]![j]![k]);
    const ragged = dataFromJson('{"y": [[[1, 2], [3]], [[4, 5], [6, 7]]]}').get('y') as JArray;
    expect(ragged.shape).toEqual([2]);
    expect((ragged.data[1] as JArray).shape).toEqual([2, 2]);
  });

  it("an occupancy model's `y[s, :, k]` and `size(y)` read it as Julia's three-dimensional array (it was a vector of matrices, and the model failed)", () => {
    const source = `@model function occupancy(y)
    S, J, K = size(y)
    ψ ~ Beta(1, 1)
    p ~ Beta(1, 1)
    for s in 1:S, k in 1:K
        n = sum(y[s, :, k])
        Turing.@addlogprob! log(ψ * p^n * (1 - p)^(J - n) + (n == 0 ? 1 - ψ : 0.0))
    end
end
`;
    const [ψ, p] = [0.5, 0.4];
    let expected = 0;
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < K; k++) {
        const n = y[s]!.reduce((a, visit) => a + visit[k]!, 0);
        expected += Math.log(ψ * p ** n * (1 - p) ** (J - n) + (n === 0 ? 1 - ψ : 0));
      }
    }
    expect(run({ source, data: json({ y }), params: { ψ, p } }).value.loglikelihood).toBeCloseTo(expected, 12);
  });

  it('a model that reads the data slice by slice, `y[g]`, still gets the matrices: linear indexing would read single numbers', () => {
    const groups = [
      [[1.0, 2.0], [3.0, 4.0]],
      [[0.5, -1.0], [2.5, 0.0]],
    ];
    const θ = [1.5, 0.25];
    const expected = groups.reduce((a, m, g) => a + m.flat().reduce((b, v) => b + normalLogpdf(v, θ[g]!, 1), 0), 0);
    const model = (body: string) => `@model function slices(y)\n    θ ~ filldist(Normal(0, 10), length(y))\n${body}\nend\n`;
    for (const body of ['    for g in eachindex(y)\n        Turing.@addlogprob! sum(logpdf.(Normal(θ[g], 1), y[g]))\n    end', '    for g in 1:2, i in 1:2, j in 1:2\n        y[g][i, j] ~ Normal(θ[g], 1)\n    end']) {
      expect(run({ source: model(body), data: json({ y: groups }), params: { θ } }).value.loglikelihood, body).toBeCloseTo(expected, 12);
    }
  });
});
