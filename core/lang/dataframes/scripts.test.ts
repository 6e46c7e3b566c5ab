import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Chains } from '../../chains/index.js';
import { DataFrame, type JArray } from '../../model/index.js';
import { missingLike, predict } from '../../run/index.js';
import { checkModel, compile, tableOf } from '../index.js';
import { checked, jsonData, normalLogpdf } from '../testing.js';
import { CHEESE_CSV, CHEESE_SCRIPT, DEFAULT_CSV, DEFAULT_DATA, DEFAULT_RUN, HOWELL_CSV, HOWELL_SCRIPT, KIDIQ_CSV, KIDIQ_SCRIPT, MTCARS_CSV, MTCARS_DATA, MTCARS_RUN, POISSON_DATA, POISSON_RUN, RUGGED_CSV, RUGGED_SCRIPT } from './fixtures.js';

/** A tutorial's model as the tutorial tests read it (core/lang/fixtures), between the data lines and the call the script has around it. */
const tutorialModel = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', `${name}.jl`), 'utf8');
const DEFAULT_SCRIPT = DEFAULT_DATA + tutorialModel('logistic_loop') + '\n' + DEFAULT_RUN;
const POISSON_SCRIPT = POISSON_DATA + tutorialModel('poisson_regression') + '\n' + POISSON_RUN;
const MTCARS_SCRIPT = MTCARS_DATA + tutorialModel('linreg_tutorial') + '\n' + MTCARS_RUN;

const csv = (text: string) => ({ text, format: 'csv' as const });

/** The CSV's rows as numbers by column name (text cells as NaN), for the data a test works out itself. */
function rowsOf(text: string): Record<string, number>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, j) => [names[j]!, Number(cell)])));
}

/** The script's model alone: its `@model` block, for the data given by name. */
const modelOnly = (source: string): string => /@model[\s\S]*?\nend\n/.exec(source)![0];

const KIDIQ_AT = { α: 90, β: [2, 0.1, 0.5], σ: 12 };

describe('a pasted script that reads its data as a data frame runs on the table loaded', () => {
  it("runs Storopoli's kidiq regression as pasted: X and y made from the table, its columns no arguments the user misnamed", () => {
    const outcome = checked({ source: KIDIQ_SCRIPT, data: csv(KIDIQ_CSV), params: KIDIQ_AT });
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    expect(outcome.warnings.find((w) => w.line === 11)?.message).toBe('this call gives `linreg` its data for `X`, `y`, from the data table the script reads');
    expect(outcome.warnings.filter((w) => w.line === 1).map((w) => w.message)).toEqual([
      '`using CSV` loads nothing here: `CSV.read(…)` reads the CSV table loaded in the data panel or given with --data',
      '`using DataFrames` loads nothing here: Tilde has the parts of DataFrames a script shapes its data with (`select`, `dropmissing`, `df[!, :y]`, `df.y = …`, `Matrix(df)`…), in its top-level lines',
    ]);
    const rows = rowsOf(KIDIQ_CSV);
    const explicit = checked({ source: modelOnly(KIDIQ_SCRIPT), data: jsonData({ X: rows.map((r) => [r.mom_hs, r.mom_iq, r.mom_age]), y: rows.map((r) => r.kid_score) }), params: KIDIQ_AT });
    expect(outcome.value.logjoint).toBe(explicit.value.logjoint);
    expect(outcome.value.parameters.find((p) => p.name === 'β')?.shape).toEqual([3]);
  });

  it("runs Statistical Rethinking's m4.3: adults only, the weight centred on the adults' mean", () => {
    const at = { a: 150, b: 0.9, σ: 5 };
    const outcome = checked({ source: HOWELL_SCRIPT, data: csv(HOWELL_CSV), params: at });
    // `using StatisticalRethinking` alone is warned of: its `sr_datadir` is never run.
    expect(outcome.warnings.filter((w) => w.severity !== 'info').map((w) => w.line)).toEqual([1]);
    const adults = rowsOf(HOWELL_CSV).filter((r) => r.age! >= 18);
    const x̄ = adults.reduce((s, r) => s + r.weight!, 0) / adults.length;
    const explicit = checked({ source: modelOnly(HOWELL_SCRIPT), data: jsonData({ weight: adults.map((r) => r.weight! - x̄), height: adults.map((r) => r.height) }), params: at });
    expect(outcome.value.loglikelihood).toBeCloseTo(explicit.value.loglikelihood, 10);
  });

  it("runs the SR2 notebooks' m8.3: complete cases, columns derived in place, a group index, a mean the model reads", () => {
    const at = { σ: 0.2, a: [0.9, 1.1], b: [0.1, -0.2] };
    const outcome = checked({ source: RUGGED_SCRIPT, data: csv(RUGGED_CSV), params: at });
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    const rows = RUGGED_CSV.trim().split('\n').slice(1).map((line) => line.split(',')).filter((r) => r[4] !== 'NA');
    const logGdp = rows.map((r) => Math.log(Number(r[4])));
    const rugged = rows.map((r) => Number(r[2]));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ruggedStd = rugged.map((r) => r / Math.max(...rugged));
    const r̄ = mean(ruggedStd);
    const expected = rows.reduce((sum, r, i) => {
      const g = r[3] === '1' ? 0 : 1;
      return sum + normalLogpdf(logGdp[i]! / mean(logGdp), at.a[g]! + at.b[g]! * (ruggedStd[i]! - r̄), at.σ);
    }, 0);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 10);
  });

  it("runs the logistic-regression tutorial's data lines, and says its shuffled split is random rather than give other rows", () => {
    const outcome = checkModel({ source: DEFAULT_SCRIPT, data: csv(DEFAULT_CSV) });
    const said = outcome.ok ? outcome.warnings : outcome.diagnostics;
    const warned = said.filter((d) => d.severity === 'warning').map((d) => d.line);
    // The recoding, `select!` and the matrix of all rows run; the split and what is made from it do not.
    expect(warned.filter((line) => line >= 4 && line <= 15)).toEqual([]);
    expect(said.find((d) => d.line === 16)?.message).toMatch(/^top-level `trainset, testset = …` is ignored: `shuffleobs` splits the rows at random, and Tilde's generator would draw other rows than Julia's/);
    const whole = DEFAULT_SCRIPT.replace('m = logistic_regression(train, train_label, n, 1)', 'm = logistic_regression(all_x, all_y, size(all_x, 1), 1)');
    const at = { intercept: -1, student: 0.5, balance: 0.002, income: 0.00001 };
    const rows = DEFAULT_CSV.trim().split('\n').slice(1).map((line) => line.split(','));
    const x = rows.map(([, student, balance, income]) => [student === 'Yes' ? 1 : 0, Number(balance), Number(income)]);
    const y = rows.map(([deflt]) => (deflt === 'Yes' ? 1 : 0));
    const explicit = checked({ source: tutorialModel('logistic_loop'), data: jsonData({ x, y, n: 5, σ: 1 }), params: at });
    expect(checked({ source: whole, data: csv(DEFAULT_CSV), params: at }).value.loglikelihood).toBeCloseTo(explicit.value.loglikelihood, 10);
  });

  it("runs the Poisson-regression tutorial's data frame, built in the script from drawn counts: the standardised matrix of its columns is the model's", () => {
    const at = { b0: 1, b1: 0.5, b2: 0.8, b3: 0.3 };
    const outcome = checked({ source: POISSON_SCRIPT, params: at });
    // The line that shows five random rows is an expression the script does not run.
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => w.line)).toEqual([12]);
    // The columns are 0s and 1s by block of 10, whatever the draws; standardised with the n - 1 standard deviation.
    const standardised = (column: number[]): number[] => {
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / (column.length - 1));
      return column.map((v) => (v - mean) / sd);
    };
    const blocks = (...bits: number[]): number[] => bits.flatMap((b) => new Array<number>(10).fill(b));
    const columns = [blocks(0, 1, 0, 1), blocks(0, 0, 1, 1), blocks(0, 0, 0, 1)].map(standardised);
    const x = columns[0]!.map((_, i) => columns.map((c) => c[i]));
    // The data given wins over the script's `x`; the drawn counts stay the script's.
    const explicit = checked({ source: POISSON_SCRIPT, data: jsonData({ x }), params: at });
    expect(outcome.value.loglikelihood).toBeCloseTo(explicit.value.loglikelihood, 8);
  });

  it("runs Storopoli's cheese script: dummy columns written in a loop, a do-block recoding, `Between` selecting them", () => {
    const at = { α: 60, β: [1, -2, 3, 0.5], σ: 4, τ: 1.5, αⱼ: [0.5, -0.5] };
    const outcome = checked({ source: CHEESE_SCRIPT, data: csv(CHEESE_CSV), params: at });
    // `using HTTP`, `describe(cheese)` and `first(cheese, 5)` are said not to run; every data line runs.
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => w.line)).toEqual([1, 4, 17]);
    expect(outcome.warnings.find((w) => w.line === 4)?.message).toMatch(/a data frame's `describe\(df\)` only prints it: the data panel shows the table$/);
    const rows = CHEESE_CSV.trim().split('\n').slice(1).map((line) => line.split(','));
    const X = rows.map(([cheese]) => ['A', 'B', 'C', 'D'].map((c) => (c === cheese ? 1 : 0)));
    const data = { X, idx: rows.map(([, , background]) => (background === 'rural' ? 1 : 2)), y: rows.map(([, , , y]) => Number(y)) };
    const explicit = checked({ source: modelOnly(CHEESE_SCRIPT), data: jsonData(data), params: at });
    expect(outcome.value.logjoint).toBe(explicit.value.logjoint);
  });

  it('reads a table the script writes out (`CSV.read(IOBuffer("""…"""), DataFrame)`) as its own data, leaving the data given to bind by name', () => {
    const source = 'df = CSV.read(IOBuffer("""\nx,y\n1,2.5\n2,3.5\n"""), DataFrame)\n@model function m(x, y, σ)\n    β ~ Normal()\n    y ~ MvNormal(β .* x, σ^2 * I)\nend\nmodel = m(df.x, df.y, 2)\n';
    const outcome = checked({ source, data: jsonData({ σ: 1 }), params: { β: 1 } });
    // σ = 1 from the data given wins over the call's 2; x and y are the script's own table.
    expect(outcome.value.loglikelihood).toBeCloseTo(-0.5 * (1.5 ** 2 + 1.5 ** 2) - Math.log(2 * Math.PI), 10);
    expect(outcome.warnings.filter((w) => w.severity === 'warning')).toEqual([]);
  });

  it("runs the linear-regression tutorial's data lines split in order: StatsBase's fit(ZScoreTransform, X; dims=1) and transform! scale the training rows", () => {
    const at = { 'σ²': 0.5, intercept: 0.1, coefficients: [0.2, -0.1, 0.3, -0.4] };
    const outcome = checked({ source: MTCARS_SCRIPT, data: csv(MTCARS_CSV), params: at });
    // Only `first(data, 6)`, which shows rows, is not run.
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => w.line)).toEqual([3]);
    const rows = MTCARS_CSV.trim().split('\n').slice(1).map((line) => line.split(',').slice(1).map(Number)).slice(0, 7);
    const standardised = (column: number[]): number[] => {
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / (column.length - 1));
      return column.map((v) => (v - mean) / sd);
    };
    const columns = [1, 2, 3, 4].map((j) => standardised(rows.map((r) => r[j]!)));
    const data = { x: rows.map((_, i) => columns.map((c) => c[i])), y: standardised(rows.map((r) => r[0]!)) };
    expect(outcome.value.loglikelihood).toBeCloseTo(checked({ source: tutorialModel('linreg_tutorial'), data: jsonData(data), params: at }).value.loglikelihood, 10);
    const shuffled = checkModel({ source: MTCARS_SCRIPT.replace('shuffle=false', 'shuffle=true'), data: csv(MTCARS_CSV) });
    expect((shuffled.ok ? shuffled.warnings : shuffled.diagnostics).find((d) => d.line === 5)?.message).toMatch(/`splitobs\(…; shuffle = true\)` splits the rows at random/);
  });

  it('reads the table from `CSV.File`, piped or wrapped in `DataFrame`, and from `RDatasets.dataset`', () => {
    const reference = checked({ source: KIDIQ_SCRIPT, data: csv(KIDIQ_CSV), params: KIDIQ_AT }).value.logjoint;
    for (const read of ['DataFrame(CSV.File("kidiq.csv"))', 'CSV.File("kidiq.csv") |> DataFrame', 'RDatasets.dataset("rstanarm", "kidiq")', 'CSV.read("kidiq.csv", DataFrame; delim = \',\')']) {
      const source = KIDIQ_SCRIPT.replace('CSV.read("kidiq.csv", DataFrame)', read);
      expect(checked({ source, data: csv(KIDIQ_CSV), params: KIDIQ_AT }).value.logjoint).toBe(reference);
    }
  });

  it('binds a column the script does not pass by its name, and says so where that column is text', () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\n@model function m(y)\n    μ ~ Normal()\n    y ~ MvNormal(fill(μ, length(y)), I)\nend\n';
    expect(checked({ source, data: csv('y,who\n1.5,a\n2.5,b\n'), params: { μ: 0 } }).value.loglikelihood).toBeCloseTo(-0.5 * (1.5 ** 2 + 2.5 ** 2) - Math.log(2 * Math.PI), 10);
    const text = checkModel({ source, data: csv('y,who\nlow,a\nhigh,b\n') });
    expect(text.ok ? text.warnings : text.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', message: 'the table\'s column `y` holds text ("low"), and the model\'s argument `y` needs numbers' }));
  });
});

describe('what a script that reads a data table is told', () => {
  it('without a table (the editor before any data, or JSON data): which file to load, on the line that reads it and on those waiting for it', () => {
    for (const data of [undefined, jsonData({ y: [1.0] })]) {
      const outcome = checkModel({ source: KIDIQ_SCRIPT, ...(data ? { data } : {}) });
      const said = outcome.ok ? outcome.warnings : outcome.diagnostics;
      expect(said.find((d) => d.line === 2)).toMatchObject({ severity: 'warning', message: 'top-level `df = …` is ignored: the script reads its data table here, and no table is loaded: load kidiq.csv in the data panel (or pass it with --data kidiq.csv)' });
      expect(said.find((d) => d.line === 3)?.message).toMatch(/^top-level `X = …` is ignored: `df` is defined at the top of the file, but its line could not run before the model: the script reads its data table here, and no table is loaded: load kidiq.csv/);
    }
    const fetched = checkModel({ source: KIDIQ_SCRIPT.replace('df = CSV.read("kidiq.csv", DataFrame)', 'url = "https://raw.githubusercontent.com/storopoli/Bayesian-Julia/master/datasets/kidiq.csv"\ndf = CSV.read(HTTP.get(url).body, DataFrame)') });
    expect((fetched.ok ? fetched.warnings : fetched.diagnostics).find((d) => d.line === 3)?.message).toBe(
      'top-level `df = …` is ignored: the script reads its data table here, and no table is loaded: load kidiq.csv in the data panel (or pass it with --data kidiq.csv)',
    );
    const rdatasets = checkModel({ source: DEFAULT_SCRIPT });
    expect((rdatasets.ok ? rdatasets.warnings : rdatasets.diagnostics).find((d) => d.line === 4)?.message).toBe(
      "top-level `data = …` is ignored: the script reads its data table here, and no table is loaded: load RDatasets' `Default` (of ISLR) as a CSV file in the data panel (or pass it with --data Default.csv)",
    );
  });

  it("names the text column a line or the model's call uses as numbers, where the runtime knows only the element", () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\nμ = mean(df.name)\n@model function m(v)\n    x ~ Normal()\n    v ~ MvNormal(fill(x, 2), I)\nend\nmodel = m(df[!, :name])\n';
    const outcome = checkModel({ source, data: csv('name,age\nAnn,19\nBob,17\n') });
    const said = (outcome.ok ? outcome.warnings : outcome.diagnostics).filter((d) => d.severity === 'warning').map((d) => [d.line, d.message]);
    expect(said).toEqual([
      [2, 'top-level `μ = …` is ignored: mean: element [1] is a string, not a number: `df.name` is the table\'s column `name`, which holds text ("Ann"); code it as numbers (`df.name .== "Ann"`) or leave it out'],
      [7, 'this call gives `v` the table\'s column `df.name`, which holds text ("Ann"): a model that reads it as numbers fails; code it as numbers (`df.name .== "Ann"`) or leave it out'],
    ]);
  });

  it('loads Tables as the other table packages, with a note: `Tables.matrix(df)` is the matrix of the table', () => {
    const source = KIDIQ_SCRIPT.replace('using Turing, CSV, DataFrames, Statistics', 'using Turing, CSV, DataFrames, Tables, Statistics').replace('X = Matrix(select(df, Not(:kid_score)))', 'X = Tables.matrix(select(df, Not(:kid_score)))');
    const outcome = checked({ source, data: csv(KIDIQ_CSV), params: KIDIQ_AT });
    expect(outcome.warnings.find((w) => w.line === 1 && w.column === 32)).toMatchObject({ severity: 'info', message: "`using Tables` loads nothing here: `Tables.matrix(df)` is the matrix of a script's data frame, as `Matrix(df)`" });
    expect(outcome.value.logjoint).toBe(checked({ source: KIDIQ_SCRIPT, data: csv(KIDIQ_CSV), params: KIDIQ_AT }).value.logjoint);
  });

  it('codes a hierarchical script\'s groups with CategoricalArrays, whose using line is a note', () => {
    const source = 'using Turing, CSV, DataFrames, CategoricalArrays\ndf = CSV.read("radon.csv", DataFrame)\ndf.county_idx = levelcode.(categorical(df.county))\n@model function m(y, idx)\n    α ~ filldist(Normal(), 2)\n    y ~ MvNormal(α[idx], I)\nend\nmodel = m(df.y, df.county_idx)\n';
    const outcome = checked({ source, data: csv('county,y\nANOKA,1.0\nAITKIN,2.0\nANOKA,3.0\n'), params: { α: [10, 20] } });
    expect(outcome.warnings.find((w) => w.column === 32)).toMatchObject({ severity: 'info', message: "`using CategoricalArrays` loads nothing here: a script's `categorical(x)`, `levels(x)` and `levelcode.(x)` code its groups as 1, 2, …, in its top-level lines" });
    // AITKIN sorts first: the rows are in groups 2, 1, 2.
    expect(outcome.value.loglikelihood).toBeCloseTo(-0.5 * (19 ** 2 + 8 ** 2 + 17 ** 2) - 1.5 * Math.log(2 * Math.PI), 10);
  });

  it("says inside a model that DataFrames' functions shape the table in the script's top-level lines only", () => {
    const outcome = checkModel({ source: '@model function m(df)\n    x ~ Normal()\n    X = select(df, :a)\nend\n', data: jsonData({ df: [1.0] }) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toContainEqual(
      "`select` is DataFrames', which Tilde has in part only: a script's top-level lines shape its data table (`select`, `dropmissing`, `df[!, :y]`, `df.y = …`, `Matrix(df)`), not a model, which takes the columns as arguments",
    );
  });

  it('gives a model the whole data frame when the script passes it (`m(df)`): its columns read, `nrow` and `size` asked, its data read-only', () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\n@model function m(d)\n    μ ~ Normal(40, 10)\n    w = d.weight\n    w[1] = 0.0\n    for i in 1:nrow(d)\n        d.weight[i] ~ Normal(μ, 5)\n    end\n    return size(d)\nend\nmodel = m(df)\n';
    const outcome = checked({ source, data: csv('name,weight\nAnn,47.5\nBob,36.5\n'), params: { μ: 40 } });
    // The write into `w` went to a copy: the observations are the table's.
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(47.5, 40, 5) + normalLogpdf(36.5, 40, 5), 10);
    expect(outcome.value.generated).toEqual({ 'return[1]': 2, 'return[2]': 2 });
  });

  it("observes the columns a model given the table reads left of `~` (`d.weight[i] ~ …`), and draws them where the table holds `missing` (Turing's predict)", () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\n@model function m(d)\n    μ ~ Normal(40, 10)\n    for i in 1:nrow(d)\n        d.weight[i] ~ Normal(μ + d.age[i], 1e-9)\n    end\nend\nmodel = m(df)\n';
    const model = compile(source, tableOf(csv('age,weight\n1,47.5\n2,36.5\n'))).models[0]!;
    expect(model.params[0]).toMatchObject({ name: 'd', fromScript: true, observedFields: ['weight'] });
    expect(model.params[0]!.observed).toBeUndefined();
    // A cell by row and column name is the column's element.
    const byCell = compile(source.replace('d.weight[i] ~', 'd[i, :weight] ~'), tableOf(csv('age,weight\n1,47.5\n2,36.5\n'))).models[0]!;
    expect(byCell.params[0]).toMatchObject({ observedFields: ['weight'] });
    const at = (text: string) => checked({ source: text, data: csv('age,weight\n1,47.5\n2,36.5\n'), params: { μ: 46 } }).value.loglikelihood;
    expect(at(source.replace('d.weight[i] ~', 'd[i, :weight] ~'))).toBe(at(source));
    const table = model.scriptArguments!.get('d') as DataFrame;
    const unobserved = new DataFrame(new Map([['age', table.columns.get('age')!], ['weight', missingLike(table.columns.get('weight')) as JArray]]));
    const chains = new Chains({ parameters: ['μ'] }, 1);
    chains.append(0, { parameters: Float64Array.from([40, 50]) });
    const predicted = predict(model, new Map([['d', unobserved]]), chains, 1);
    expect(predicted.parameters).toEqual(['d.weight[1]', 'd.weight[2]']);
    expect(predict(byCell, new Map([['d', unobserved]]), chains, 1).parameters).toEqual(['d.weight[1]', 'd.weight[2]']);
    // `.~` too: an element the table leaves `missing` is a parameter named as DynamicPPL names it.
    const dotted = checked({ source: source.replace(/for i in[\s\S]*?\n    end/, 'd.weight .~ Normal.(μ .+ d.age, 1)'), data: csv('age,weight\n1,47.5\n2,\n'), params: { μ: 46, 'd.weight[2]': 50 } });
    expect(dotted.value.parameters.map((p) => p.name)).toEqual(['μ', 'd.weight[2]']);
    expect(dotted.value.loglikelihood).toBeCloseTo(normalLogpdf(47.5, 47, 1), 10);
    expect([0, 1].map((draw) => predicted.parameters.map((e) => Math.round(predicted.draws(e, 0)[draw]!)))).toEqual([
      [41, 42],
      [51, 52],
    ]);
  });

  it('takes one table: a second source is refused with the line of the first; the same one read again is the table again', () => {
    const source = KIDIQ_SCRIPT.replace('X = ', 'other = CSV.read("other.csv", DataFrame)\nagain = CSV.read("kidiq.csv", DataFrame)\nX = ');
    const outcome = checked({ source, data: csv(KIDIQ_CSV), params: KIDIQ_AT });
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message])).toEqual([
      [3, 'top-level `other = …` is ignored: Tilde takes one data table: the one line 2 reads (`"kidiq.csv"`) is the data loaded; this line reads another (`"other.csv"`): join the two into one CSV file, or compute these columns in the script from the first'],
    ]);
  });

  it('gives each read a copy: a script that changes its data frame leaves the loaded table as it was for the next compile', () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\ndf.y .= df.y .+ 1\n@model function m(y)\n    μ ~ Normal()\n    y ~ MvNormal(fill(μ, length(y)), I)\nend\nmodel = m(df.y)\n';
    const data = csv('y\n-1.0\n-1.0\n');
    const table = tableOf(data);
    expect(compile(source).table).toBeUndefined();
    for (let k = 0; k < 2; k++) {
      const compiled = compile(source, table);
      expect(compiled.table).toBe(table!());
      expect(compiled.models[0]!.params[0]).toMatchObject({ name: 'y', fromScript: true });
      const outcome = checkModel({ source, data, params: { μ: 0 } }, compiled);
      if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
      expect(outcome.value.loglikelihood).toBeCloseTo(-Math.log(2 * Math.PI), 10);
    }
    expect(table!()!.columns.get('y')!.data).toEqual([-1, -1]);
    // A file that reads no table never asks for it: the data's CSV is parsed only to bind it by name.
    const unread = (): never => {
      throw new Error('the table was read');
    };
    expect(compile(modelOnly(KIDIQ_SCRIPT), unread).models.map((m) => m.name)).toEqual(['linreg']);
  });
});
