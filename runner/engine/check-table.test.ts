import { describe, expect, it } from 'vitest';
import { KIDIQ_CSV, KIDIQ_SCRIPT } from '../../core/lang/dataframes/fixtures.js';
import { check } from './index.js';

describe('engine.check of a script that reads its data as a data frame', () => {
  it("binds the arguments the script's call makes from the loaded table as the script's, without calling its columns misnamed arguments", () => {
    const report = check({ source: KIDIQ_SCRIPT, data: { text: KIDIQ_CSV, format: 'csv' } });
    expect(report.ok).toBe(true);
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(report.arguments).toEqual([
      { name: 'X', status: 'script', shape: [10, 3] },
      { name: 'y', status: 'script', shape: [10], observed: true },
      { name: 'predictors', status: 'default' },
    ]);
    expect(report.parameters.map((p) => [p.name, p.shape])).toEqual([
      ['α', []],
      ['β', [3]],
      ['σ', []],
    ]);
  });

  it('shows a data frame the script passes whole as its rows × columns, with the columns its `d.y[i] ~` observe', () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\n@model function m(d)\n    μ ~ Normal()\n    d.y[1] ~ Normal(μ, 1)\nend\nmodel = m(df)\n';
    expect(check({ source, data: { text: 'y,z\n1.0,2.0\n3.0,4.0\n5.0,6.0\n', format: 'csv' } }).arguments).toEqual([{ name: 'd', status: 'script', shape: [3, 2], observedFields: ['y'] }]);
  });

  it('says, before any data is loaded, which file the script reads', () => {
    const report = check({ source: KIDIQ_SCRIPT });
    expect(report.ok).toBe(false);
    expect(report.diagnostics.find((d) => d.line === 2)?.message).toMatch(/no table is loaded: load kidiq\.csv in the data panel/);
    expect(report.arguments.map((a) => [a.name, a.status])).toEqual([
      ['X', 'missing'],
      ['y', 'missing'],
      ['predictors', 'default'],
    ]);
  });
});
