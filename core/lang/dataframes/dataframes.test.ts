import { describe, expect, it } from 'vitest';
import { checkModel } from '../index.js';
import { checked } from '../testing.js';

/** A table with a text column, Int and Float64 columns and a missing cell, as CSV.jl reads it. */
const TABLE = 'name,age,weight,height,male\nAnn,19,47.5,151.8,0\nBob,17,36.5,139.7,1\nCid,65,31.9,,1\nDee,41,53.0,156.8,0\n';

const script = (lines: string, expr: string): string =>
  `df = CSV.read("t.csv", DataFrame)\n${lines}\n@model function m(v)\n    x ~ Normal()\n    return v\nend\nmodel = m(${expr})\n`;

/** The value of `expr` after the script's `lines` ran on the table, as numbers in Julia's (column-major) order: the model returns it. */
function valueOf(lines: string, expr: string): number[] {
  return Object.values(checked({ source: script(lines, expr), data: { text: TABLE, format: 'csv' } }).value.generated);
}

/** Why the script's line 2 (the first of `lines`) could not run. */
function problemOf(lines: string): string | undefined {
  const outcome = checkModel({ source: script(lines, '1'), data: { text: TABLE, format: 'csv' } });
  const said = outcome.ok ? outcome.warnings : outcome.diagnostics;
  return said.find((d) => d.line === 2 && d.severity === 'warning')?.message;
}

describe("a script's data frame, with DataFrames' meanings", () => {
  it('reads a column by property, by `!` and by `:`, by Symbol or string', () => {
    for (const expr of ['df.age', 'df[!, :age]', 'df[:, :age]', 'df[!, "age"]', 'df[:, 2]']) expect(valueOf('', expr)).toEqual([19, 17, 65, 41]);
    expect(valueOf('', 'df[2, :weight]')).toEqual([36.5]);
  });

  it('`df[!, :y]` is the column itself, `df[:, :y]` a copy, as the manual says', () => {
    expect(valueOf('c = df[!, :age]; c[1] = 99', 'df.age')).toEqual([99, 17, 65, 41]);
    expect(valueOf('c = df[:, :age]; c[1] = 99', 'df.age')).toEqual([19, 17, 65, 41]);
  });

  it('selects columns in the order named, all but some with `Not`, and rows by a Bool vector or by indices', () => {
    expect(valueOf('', 'Matrix(df[:, [:male, :age]])')).toEqual([0, 1, 1, 0, 19, 17, 65, 41]);
    expect(valueOf('', 'Matrix(select(df, :male, :age))')).toEqual([0, 1, 1, 0, 19, 17, 65, 41]);
    expect(valueOf('', 'Matrix(select(df, [:male, :age]))')).toEqual([0, 1, 1, 0, 19, 17, 65, 41]);
    expect(valueOf('', 'names(df[:, Not(:name, :height)]) == ["age", "weight", "male"]')).toEqual([1]);
    expect(valueOf('', 'names(select(df, Not([:name, :height]))) == ["age", "weight", "male"]')).toEqual([1]);
    expect(valueOf('', 'names(select(df, Between(:age, :height))) == ["age", "weight", "height"]')).toEqual([1]);
    expect(valueOf('', 'names(df[:, Cols(:male, Not(:name, :weight))]) == ["male", "age", "height"]')).toEqual([1]);
    expect(valueOf('', 'ncol(select(df, All()))')).toEqual([5]);
    expect(valueOf('adults = df[df.age .>= 18, :]', 'adults.weight')).toEqual([47.5, 31.9, 53]);
    expect(valueOf('', 'df[[1, 3], :].age')).toEqual([19, 65]);
    expect(valueOf('', 'df[Not(2), :age]')).toEqual([19, 65, 41]);
    expect(valueOf('', 'df[Not([1, 2]), :].age')).toEqual([65, 41]);
    expect(valueOf('select!(df, Not(:name))', 'ncol(df)')).toEqual([4]);
    expect(valueOf('d = rename(df, :age => :years, "male" => "m")', 'names(d) == ["name", "years", "weight", "height", "m"] && names(df)[2] == "age"')).toEqual([1]);
    expect(valueOf('rename!(df, [:a, :b, :c, :d, :e])', 'df.b')).toEqual([19, 17, 65, 41]);
  });

  it('`Matrix` of Int and Float64 columns is Float64, of Int columns Int; `Matrix{Float64}` and `Array` too', () => {
    expect(valueOf('M = Matrix(select(df, :age, :weight))', 'eltype(M) == Float64')).toEqual([1]);
    expect(valueOf('M = Matrix(select(df, :age, :male))', 'eltype(M) == Int')).toEqual([1]);
    expect(valueOf('', 'Matrix{Float64}(select(df, :male))')).toEqual([0, 1, 1, 0]);
    expect(valueOf('', 'Array(select(df, :age))')).toEqual([19, 17, 65, 41]);
    expect(valueOf('', 'Tables.matrix(df[:, [:age]])')).toEqual([19, 17, 65, 41]);
  });

  it('says its size, names and columns', () => {
    expect(valueOf('', 'size(df)')).toEqual([4, 5]);
    expect(valueOf('', '[size(df, 1), size(df, 2), nrow(df), ncol(df)]')).toEqual([4, 5, 4, 5]);
    expect(valueOf('', 'propertynames(df)[2] == :age && names(df)[3] == "weight"')).toEqual([1]);
    expect(valueOf('cols = collect(eachcol(select(df, :age, :male)))', 'cols[2]')).toEqual([0, 1, 1, 0]);
    expect(valueOf('', 'first(df, 2).age')).toEqual([19, 17]);
    expect(valueOf('', 'last(df, 2).age')).toEqual([65, 41]);
    expect(valueOf('r = eachrow(df)', 'r[2].age')).toEqual([17]);
    // The library's functions of the same names still take what they took.
    expect(valueOf('X = [1.0 2.0; 3.0 4.0]; r = collect(eachrow(X))', 'r[2]')).toEqual([3, 4]);
    expect(valueOf('', 'first([5, 6]) + last([5, 6]) + size([1 2; 3 4], 2)')).toEqual([13]);
    expect(valueOf('b = bijector(Exponential())', 'transform(b, 2.0)')).toEqual([Math.log(2)]);
  });

  it('adds and replaces columns: `df[!, :y] = v`, `df.y = v`, `df[!, :y] .= v`, and writes into one in place with `:` or rows', () => {
    expect(valueOf('df[!, :w2] = df.weight .* 2', 'df.w2')).toEqual([95, 73, 63.8, 106]);
    expect(valueOf('df.n = 1:nrow(df)', 'df.n')).toEqual([1, 2, 3, 4]);
    expect(valueOf('df[!, :one] .= 1', 'df.one')).toEqual([1, 1, 1, 1]);
    // `!` makes a new column, so an Int column may become Float64; `:` writes into the old one.
    expect(valueOf('df[!, :age] .= 0.5', 'df.age')).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(valueOf('df[df.age .> 18, :weight] .= 0', 'df.weight')).toEqual([0, 36.5, 0, 0]);
    expect(problemOf('df[:, :age] .= 0.5')).toMatch(/cannot store 0\.5 in an integer array/);
    expect(problemOf('df.n = 1')).toMatch(/a column must be a vector: to set every row of `n` to one value, write `df\[!, :n\] \.= v`/);
    expect(problemOf('df.n = [1, 2]')).toBe('top-level `df.n = [1, 2]` is ignored: the new column `n` has 2 values; the data frame has 4 rows');
  });

  it('computes columns from pairs, as `select`, `transform` and `subset` do: `:a => f => :b`, `ByRow`, a named function, a rename', () => {
    expect(valueOf('d = transform(df, :age => (a -> a .* 2) => :age2)', 'd.age2')).toEqual([38, 34, 130, 82]);
    expect(valueOf('d = transform(df, [:age, :male] => ByRow((a, m) -> a + m) => :s)', 'd.s')).toEqual([19, 18, 66, 41]);
    // A single value is repeated down the rows; without a name the column is named after the source and the function.
    expect(valueOf('d = transform(df, :age => mean)', 'd.age_mean')).toEqual([35.5, 35.5, 35.5, 35.5]);
    expect(valueOf('d = select(df, :age => :years, :weight)', 'names(d) == ["years", "weight"]')).toEqual([1]);
    expect(valueOf('transform!(df, :weight => ByRow(w -> w / 10) => :weight)', 'df.weight')).toEqual([4.75, 3.65, 3.19, 5.3]);
    expect(valueOf('d = subset(df, :age => ByRow(>=(18)), :male => ByRow(==(0)))', 'd.age')).toEqual([19, 41]);
    expect(valueOf('subset!(df, :male => ByRow(==(1)))', 'df.age')).toEqual([17, 65]);
  });

  it("codes groups as CategoricalArrays does: `levelcode.(categorical(x))` counts in sorted levels, or in the levels given", () => {
    expect(valueOf('', 'levelcode.(categorical(["b", "a", "c", "a"]))')).toEqual([2, 1, 3, 1]);
    expect(valueOf('c = categorical(df.name; levels = ["Dee", "Cid", "Bob", "Ann"])', 'levelcode.(c)')).toEqual([4, 3, 2, 1]);
    // A write into the table is rewritten too, and a categorical vector still compares as its values.
    expect(valueOf('df.code = levelcode.(categorical(df.male))', 'df.code')).toEqual([1, 2, 2, 1]);
    expect(valueOf('x = categorical(df.name)', 'x .== "Bob"')).toEqual([0, 1, 0, 0]);
    expect(valueOf('', 'levels(categorical([3, 1, 3]))')).toEqual([1, 3]);
    expect(problemOf('c = levelcode.(df.age)')).toBe('top-level `c = …` is ignored: levelcode takes a categorical vector: `levelcode.(categorical(x))`');
  });

  it("recodes columns with Julia Base's parse, replace, coalesce, indexin and string tests", () => {
    expect(valueOf('', 'parse.(Float64, ["1.5", "2"])')).toEqual([1.5, 2]);
    expect(valueOf('', 'replace(df.height, missing => 0.0)')).toEqual([151.8, 139.7, 0, 156.8]);
    expect(valueOf('', 'coalesce.(df.height, 0.0)')).toEqual([151.8, 139.7, 0, 156.8]);
    expect(valueOf('', 'indexin(df.name, ["Bob", "Ann", "Cid", "Dee"])')).toEqual([2, 1, 3, 4]);
    expect(valueOf('', 'lowercase.(df.name) .== "ann"')).toEqual([1, 0, 0, 0]);
    expect(valueOf('', 'occursin.("n", df.name)')).toEqual([1, 0, 0, 0]);
    expect(valueOf('', 'replace("a-b-c", "-" => "") == "abc" && startswith("Ann", "A")')).toEqual([1]);
    // A regular expression selects the columns whose names it matches, and tests strings.
    expect(valueOf('s = select(df, r"^(age|weight)$")', 'names(s) == ["age", "weight"] && names(df[:, r"ei"]) == ["weight", "height"]')).toEqual([1]);
    expect(valueOf('', 'occursin.(r"^[AB]", df.name)')).toEqual([1, 1, 0, 0]);
    expect(valueOf('', 'replace("a  b c", r"\\s+" => "_") == "a_b_c" && parse(Int, replace("id-042", r"[^0-9]" => "")) == 42')).toEqual([1]);
    // Base's split: at runs of spaces with no empty parts, at each delimiter with them.
    expect(valueOf('', 'split("  a b  c ") == ["a", "b", "c"] && split("s_A__B", "_") == ["s", "A", "", "B"] && split.(df.name, "n")[1] == ["A", "", ""]')).toEqual([1]);
    expect(valueOf('', 'parse.(Int, split("3,1,2", ","))')).toEqual([3, 1, 2]);
    expect(valueOf('', 'strip("  x ") == "x" && endswith("Ann", "nn") && join(["a", "b"], ", ") == "a, b" && join([1, 2.5], "-") == "1-2.5"')).toEqual([1]);
    expect(problemOf('n = parse(Int, "1.5")')).toBe('top-level `n = …` is ignored: parse(Int, "1.5"): not an integer');
  });

  it("scales with StatsBase's fitted transforms: fit on some values, transform others, reconstruct the originals", () => {
    expect(valueOf('t = fit(UnitRangeTransform, [1.0, 3.0, 5.0])', 'transform(t, [3.0, 7.0])')).toEqual([0.5, 1.5]);
    expect(valueOf('t = fit(ZScoreTransform, [1.0, 2.0, 3.0]); y = transform(t, [4.0])', 'reconstruct(t, y)')).toEqual([4]);
    // The 0/1 column has mean 1/2 and corrected standard deviation √(1/3): ±√3/2.
    const z = valueOf('X = Matrix(select(df, :age, :male)) .* 1.0; t = fit(ZScoreTransform, X; dims = 1); StatsBase.transform!(t, X)', 'X[:, 2]');
    z.forEach((v, i) => expect(v).toBeCloseTo([-1, 1, 1, -1][i]! * (Math.sqrt(3) / 2), 12));
    expect(problemOf('t = fit(ZScoreTransform, Matrix(select(df, :age)))')).toBe('top-level `t = …` is ignored: fit(ZScoreTransform, X) of a matrix needs `dims = 1` (each column a variable) or `dims = 2`');
  });

  it('sorts rows by Dates and Bools too, `missing` last, as isless orders them (a date column sorted nothing before)', () => {
    const table = 'e = DataFrame(date = [Date(2020, 3, 1), Date(2020, 1, 1), missing, Date(2020, 2, 1)], y = [3, 1, 9, 2], ok = [true, false, true, false])';
    expect(valueOf(`${table}\ns = sort(e, :date)`, 's.y')).toEqual([1, 2, 3, 9]);
    expect(valueOf(`${table}\ns = sort(e, [:ok, :y]; rev = true)`, 's.y')).toEqual([9, 3, 2, 1]);
    expect(valueOf(`${table}\ng = combine(groupby(dropmissing(e), :date; sort = true), :y => sum => :y)`, 'g.y')).toEqual([1, 2, 3]);
  });

  it('groups rows and combines each group, as DataFrames does: the keys beside the results, groups in order of appearance or sorted', () => {
    // male is 0, 1, 1, 0: the ages of the groups are (19, 41) and (17, 65).
    expect(valueOf('g = combine(groupby(df, :male), :age => mean => :m, nrow)', 'Matrix(g)')).toEqual([0, 1, 30, 41, 2, 2]);
    expect(valueOf('g = combine(groupby(df, :name; sort = true), :age => first => :a)', 'g.a')).toEqual([19, 17, 65, 41]);
    expect(valueOf('g = combine(groupby(df, :male, sort = true), nrow => :n)', 'names(g) == ["male", "n"]')).toEqual([1]);
    expect(valueOf('t = transform(groupby(df, :male), :age => (a -> a .- mean(a)) => :ac)', 't.ac')).toEqual([-11, -24, 24, 11]);
    expect(valueOf('', '[nrow(g) for g in groupby(df, :male)]')).toEqual([2, 2]);
    expect(valueOf('c = combine(df, :age => mean)', 'c.age_mean')).toEqual([35.5]);
    // `.=>` pairs elementwise: one transformation per column.
    expect(valueOf('s = select(df, [:age, :male] .=> (x -> x .* 2) .=> [:age2, :male2])', '[s.age2; s.male2]')).toEqual([38, 34, 130, 82, 0, 2, 2, 0]);
    expect(valueOf('c = combine(df, [:age, :weight] .=> mean)', '[c.age_mean; c.weight_mean]')).toEqual([35.5, (47.5 + 36.5 + 31.9 + 53.0) / 4]);
    // A function of each group's table: the row `first` gives, keys first; a named tuple's fields as columns.
    expect(valueOf('g = combine(groupby(df, :male), first)', 'g.age == [19, 17] && names(g) == ["male", "name", "age", "weight", "height"]')).toEqual([1]);
    expect(valueOf('g = combine(groupby(df, :male), sdf -> (oldest = maximum(sdf.age), n = nrow(sdf)))', '[g.oldest; g.n]')).toEqual([41, 65, 2, 2]);
    // A vector per group gives as many rows, the keys repeated beside them.
    expect(valueOf('c = combine(groupby(df, :male), :age => (a -> a .* 2) => :d)', '[c.male; c.d]')).toEqual([0, 0, 1, 1, 38, 82, 34, 130]);
  });

  it('sorts rows by columns, ties kept in order, and a vector in place', () => {
    expect(valueOf('d = sort(df, :age)', 'd.age')).toEqual([17, 19, 41, 65]);
    expect(valueOf('d = sort(df, [:male, :age]; rev = true)', 'd.age')).toEqual([65, 17, 41, 19]);
    expect(valueOf('sort!(df, :weight)', 'df.name == ["Cid", "Bob", "Ann", "Dee"]')).toEqual([1]);
    expect(valueOf('v = [3, 1, 2]; sort!(v)', 'v')).toEqual([1, 2, 3]);
  });

  it('drops the rows with `missing`, in every column or in those named', () => {
    expect(valueOf('d = dropmissing(df)', 'd.height')).toEqual([151.8, 139.7, 156.8]);
    expect(valueOf('d = dropmissing(df, :weight)', 'nrow(d)')).toEqual([4]);
    expect(valueOf('dropmissing!(df, [:height])', 'df.age')).toEqual([19, 17, 41]);
  });

  it('builds a data frame in the script, `DataFrame(a = x, b = y)` and `DataFrame(; a, b)`, and stacks two with `vcat`', () => {
    expect(valueOf('d = DataFrame(a = [1, 2], b = [3.5, 4.5])', 'Matrix(d)')).toEqual([1, 2, 3.5, 4.5]);
    expect(valueOf('a = [1, 2]; b = [3, 4]; d = DataFrame(; a, b)', 'd.b')).toEqual([3, 4]);
    expect(valueOf('d = DataFrame(a = 1:3, b = 0)', 'd.b')).toEqual([0, 0, 0]);
    expect(valueOf('d = vcat(DataFrame(a = [1, 2], b = [3, 4]), DataFrame(b = [5], a = [6]))', 'Matrix(d)')).toEqual([1, 2, 6, 3, 4, 5]);
    expect(valueOf('', 'vcat([1, 2], 3)')).toEqual([1, 2, 3]);
  });

  it("filters rows by a row test or a column's (`filter(row -> row.age >= 18, df)`, `filter(:age => a -> a < 40, df)`), and filters vectors as before", () => {
    expect(valueOf('a = filter(row -> row.age >= 18, df)', 'a.age')).toEqual([19, 65, 41]);
    expect(valueOf('a = filter(:age => a -> a < 40, df)', 'a.weight')).toEqual([47.5, 36.5]);
    expect(valueOf('', 'filter(x -> x > 1, [1, 2, 3])')).toEqual([2, 3]);
  });

  it("builds a table of pairs and scales its columns as Statistical Rethinking's scripts do (`DataFrame(:A => …)`, `scale!(df, [:A])` adds `A_s`)", () => {
    expect(valueOf('d = DataFrame(:a => df[:, :age], "b" => df.male)', 'Matrix(d)')).toEqual([19, 17, 65, 41, 0, 1, 1, 0]);
    const sd = Math.sqrt(((19 - 35.5) ** 2 + (17 - 35.5) ** 2 + (65 - 35.5) ** 2 + (41 - 35.5) ** 2) / 3);
    valueOf('scale!(df, [:age])', 'df.age_s').forEach((z, i) => expect(z).toBeCloseTo(([19, 17, 65, 41][i]! - 35.5) / sd, 12));
    expect(valueOf('scale!(df, :weight, "_z")', 'ncol(df)')).toEqual([6]);
  });

  it('splits rows in order as `splitobs(…; shuffle = false)`, and says a shuffled split is not Julia’s', () => {
    expect(valueOf('tr, te = splitobs(df; at = 0.5, shuffle = false)', 'te.age')).toEqual([65, 41]);
    expect(valueOf('tr, te = map(DataFrame, splitobs(df; at = 0.75))', 'tr.age')).toEqual([19, 17, 65]);
    expect(problemOf('tr, te = splitobs(df; at = 0.7, shuffle = true)')).toBe(
      "top-level `tr, te = …` is ignored: `splitobs(…; shuffle = true)` splits the rows at random, and Tilde's generator would draw other rows than Julia's: split them in order (`splitobs(df; at = 0.7, shuffle = false)`), or split the table before loading it",
    );
  });

  it('names a misspelt column and the closest one, and a text column a matrix cannot hold', () => {
    expect(problemOf('w = df.wieght')).toBe('top-level `w = …` is ignored: the data frame has no column `wieght` — did you mean `weight`? (its columns: name, age, weight, height, male)');
    expect(problemOf('w = df[!, :Weight]')).toMatch(/no column `Weight` — did you mean `weight`\?/);
    expect(problemOf('a = df[5, :age]')).toBe('top-level `a = …` is ignored: row 5 is out of bounds: the data frame has 4 rows');
    expect(problemOf('X = Matrix(df)')).toBe(
      'top-level `X = …` is ignored: the column `name` holds text ("Ann"), which a matrix of numbers cannot: leave it out (`select(df, Not(:name))`) or code it as numbers',
    );
  });
});
