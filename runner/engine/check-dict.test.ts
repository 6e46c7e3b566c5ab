import { describe, expect, it } from 'vitest';
import { check } from './index.js';

describe('engine.check of a model given a Dict', () => {
  it("shows the Dict the script passes by Julia's summary, where an array shows its shape", () => {
    const source = 'sd = Dict("a" => 2.0, "b" => 0.5, "c" => 1.5)\n@model function m(y, sd)\n    a ~ Normal(0, sd["a"])\n    y ~ Normal(a, sd["b"])\nend\nmodel = m([1.0, 2.0], sd)\n';
    const report = check({ source });
    expect(report.ok).toBe(true);
    expect(report.arguments).toEqual([
      { name: 'y', status: 'script', shape: [2], observed: true },
      { name: 'sd', status: 'script', summary: 'Dict{String, Float64} with 3 entries' },
    ]);
  });
});
