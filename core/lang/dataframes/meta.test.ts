import { describe, expect, it } from 'vitest';
import { checked, normalLogpdf, scriptLines } from '../testing.js';

/** DataFramesMeta's manual's table: `x` the groups, `y` the values. */
const TABLE = 'df = DataFrame(x = [1, 1, 2, 2], y = [1, 2, 101, 102])';

const { valueOf, problemOf } = scriptLines(TABLE);

describe("DataFramesMeta's macros, as its manual documents them", () => {
  it('`@transform` adds columns computed from whole columns, `@rtransform` and `@byrow` row by row; `@transform!` in place', () => {
    expect(valueOf('d = @transform(df, :z = :x .+ :y)', 'd.z')).toEqual([2, 3, 103, 104]);
    // The older spelling names the new column bare.
    expect(valueOf('d = @transform(df, z = 2 .* :y .+ first(:y))', 'd.z')).toEqual([3, 5, 203, 205]);
    expect(valueOf('d = @rtransform(df, :z = :x == 1 ? 0 : :y)', 'd.z')).toEqual([0, 0, 101, 102]);
    expect(valueOf('d = @transform(df, @byrow :z = :x * :y)', 'd.z')).toEqual([1, 2, 202, 204]);
    expect(valueOf('d = @transform df begin\n    :z = :y .- 1\n    :w = :x .* 10\nend', '[d.z; d.w]')).toEqual([0, 1, 100, 101, 10, 10, 20, 20]);
    expect(valueOf('@transform!(df, :y = :y .* 2)', 'df.y')).toEqual([2, 4, 202, 204]);
    expect(valueOf('@rtransform!(df, :z = :y + 1)', 'ncol(df) == 3 && df.z == [2, 3, 102, 103]')).toEqual([1]);
    // By group: `first(:y)` is each group's first.
    expect(valueOf('gd = groupby(df, :x)\nd = @transform(gd, x2 = 2 .* :y .* first(:y))', 'd.x2')).toEqual([2, 4, 20402, 20604]);
  });

  it('names columns by value with `$col`, `$"name"` and the older `cols(col)`; `^(:x)` is the Symbol itself', () => {
    expect(valueOf('c = :y\nd = @transform(df, :z = $c .* 2)', 'd.z')).toEqual([2, 4, 202, 204]);
    expect(valueOf('d = @transform(df, :z = $"y" .+ cols("x"))', 'd.z')).toEqual([2, 3, 103, 104]);
    expect(valueOf('new = "total"\nd = @select(df, $new = :x .+ :y)', 'names(d) == ["total"] && d.total == [2, 3, 103, 104]')).toEqual([1]);
    expect(valueOf('d = @rselect(df, :s = ^(:x) == :x)', 'd.s')).toEqual([0, 0, 0, 0]);
  });

  it('`@select` keeps the columns named and those it computes, in order', () => {
    expect(valueOf('d = @select(df, :y, :x2 = 2 .* :x)', 'names(d) == ["y", "x2"] && d.x2 == [2, 2, 4, 4]')).toEqual([1]);
    expect(valueOf('@select!(df, :x)', 'ncol(df)')).toEqual([1]);
    expect(valueOf('d = @select(df, Not(:x), :x10 = :x .* 10)', 'names(d) == ["y", "x10"]')).toEqual([1]);
  });

  it('`@subset` (and the older `@where`) keeps the rows every condition holds for, `missing` as false; `@rsubset` row by row', () => {
    expect(valueOf('d = @subset(df, :x .> 1)', 'd.y')).toEqual([101, 102]);
    expect(valueOf('outside_var = 1\nd = @where(df, :x .> outside_var, :y .< 102)', 'd.y')).toEqual([101]);
    expect(valueOf('d = @rsubset(df, :y > 1)', 'd.y')).toEqual([2, 101, 102]);
    expect(valueOf('d = @rsubset df :y > 1 && :x == 1', 'd.y')).toEqual([2]);
    expect(valueOf('d = @subset df @byrow begin\n    :x > 1\n    :y < 102\nend', 'd.y')).toEqual([101]);
    expect(valueOf('e = DataFrame(a = [1, 2, 3], keep = [true, missing, true])\nd = @subset(e, :keep)', 'd.a')).toEqual([1, 3]);
    expect(valueOf('@subset!(df, :y .> 100)', 'df.x')).toEqual([2, 2]);
    // Keyword arguments after `;` go to the DataFrames call, over the macro's own.
    expect(problemOf('d = @subset(DataFrame(keep = [true, missing]), :keep; skipmissing = false)')).toMatch(/a subset condition must give true or false for each row, got missing/);
    expect(problemOf('d = @subset(df, :z = :x .> 1)')).toMatch(/`@subset` takes conditions \(`:age \.>= 18`\), not assignments/);
    // The manual's `@kwarg` line in a block is a keyword argument.
    expect(valueOf('d = @rsubset df begin\n    :x == 1\n    @kwarg view = true\nend', 'd.y')).toEqual([1, 2]);
    expect(problemOf('d = @rsubset df begin\n    :x == 1\n    @kwarg ungroup = false\nend')).toMatch(/`@rsubset`'s keyword `ungroup` is not read here/);
  });

  it('`@rename` renames `:new = :old`', () => {
    expect(valueOf('d = @rename(df, :group = :x)', 'names(d) == ["group", "y"]')).toEqual([1]);
    expect(valueOf('@rename!(df, :value = :y)', 'df.value')).toEqual([1, 2, 101, 102]);
  });

  it('`@orderby` sorts by the expressions in turn, ties kept in order', () => {
    expect(valueOf('d = @orderby(df, -1 .* :x)', 'd.y')).toEqual([101, 102, 1, 2]);
    expect(valueOf('d = @orderby(df, :x, -:y)', 'd.y')).toEqual([2, 1, 102, 101]);
    expect(valueOf('d = @rorderby(df, :y % 2)', 'd.y')).toEqual([2, 102, 1, 101]);
  });

  it('`@combine` of a grouped table gives a row per group, `@by` groups first', () => {
    expect(valueOf('d = @combine(groupby(df, :x), :s = sum(:y))', '[d.x; d.s]')).toEqual([1, 2, 3, 203]);
    expect(valueOf('d = @by(df, :x, :m = mean(:y), :n = length(:y))', '[d.m; d.n]')).toEqual([1.5, 101.5, 2, 2]);
    // A keyword that would change the result, and which Tilde does not follow, is refused rather than ignored.
    expect(problemOf('d = @combine(groupby(df, :x), :s = sum(:y); keepkeys = false)')).toMatch(/`@combine`'s keyword `keepkeys` is not read here/);
    expect(valueOf('d = @combine(df, :total = sum(:y))', 'd.total')).toEqual([206]);
    expect(valueOf('d = @chain df begin\n    @groupby :x\n    @combine :s = sum(:y)\nend', 'd.s')).toEqual([3, 203]);
  });

  it('`@subset`, `@rsubset` and `@select` of a grouped table work group by group, rows in the table\'s order, `@select` keeping the keys', () => {
    const grouped = 'gd = groupby(df, :x)';
    // Each group keeps the rows above its own mean (1.5, then 101.5).
    expect(valueOf(`${grouped}\nd = @subset(gd, :y .> mean(:y))`, 'd.y')).toEqual([2, 102]);
    expect(valueOf(`${grouped}\nd = @rsubset(gd, :y > 1)`, 'd.y')).toEqual([2, 101, 102]);
    expect(valueOf(`${grouped}\nd = @select(gd, :x2 = 2 .* :y .* first(:y))`, 'names(d) == ["x", "x2"] && d.x2 == [2, 4, 20402, 20604]')).toEqual([1]);
    expect(valueOf(`${grouped}\nd = @select(gd, :y, :n = length(:y))`, '[d.y; d.n]')).toEqual([1, 2, 101, 102, 2, 2, 2, 2]);
    expect(valueOf('e = DataFrame(g = [2, 1, 2, 1], v = [1.0, 10.0, 3.0, 30.0])\nd = @transform(groupby(e, :g), :vc = :v .- mean(:v))', 'd.vc')).toEqual([-1, -10, 1, 10]);
    // In place: the manual's `@transform!(gd, …)` and `@select!(gd, …)` change the table grouped.
    expect(valueOf(`${grouped}\n@transform!(gd, :y = 2 .* :y .* first(:y))`, 'df.y')).toEqual([2, 4, 20402, 20604]);
    expect(valueOf(`${grouped}\n@select!(gd, :z = :y .- first(:y))`, 'names(df) == ["x", "z"] && df.z == [0, 1, 0, 1]')).toEqual([1]);
  });

  it('`@combine` and `@by` give as many rows per group as their vectors have, one values repeated; `$AsTable` and a named tuple make several columns', () => {
    expect(valueOf('d = @by(df, :x, :c = :y, :m = mean(:y))', '[d.x; d.c; d.m]')).toEqual([1, 1, 2, 2, 1, 2, 101, 102, 1.5, 1.5, 101.5, 101.5]);
    expect(valueOf('d = @combine(groupby(df, :x), :yc = :y .- mean(:y))', 'd.yc')).toEqual([-0.5, 0.5, -0.5, 0.5]);
    expect(valueOf('d = @combine(groupby(df, :x), $AsTable = (n1 = sum(:y), n2 = first(:y)))', 'names(d) == ["x", "n1", "n2"] && [d.n1; d.n2] == [3, 203, 1, 101]')).toEqual([1]);
    expect(valueOf('d = @combine(groupby(df, :x), (n1 = sum(:y), n2 = first(:y)))', '[d.n1; d.n2]')).toEqual([3, 203, 1, 101]);
    expect(valueOf('d = combine(groupby(df, :x), :y => (y -> (lo = minimum(y), hi = maximum(y))) => AsTable)', '[d.lo; d.hi]')).toEqual([1, 101, 2, 102]);
    expect(problemOf('d = @combine(groupby(df, :x), :a = :y, :b = [1, 2, 3])')).toMatch(/the results for a group have 2 and 3 values/);
  });

  it('`AsTable` as a target spreads named tuples into columns (by row too), and as a source gives the function the row', () => {
    expect(valueOf('d = @rtransform(df, $AsTable = (s = :x + :y, d = :y - :x))', '[d.s; d.d]')).toEqual([2, 3, 103, 104, 0, 1, 99, 100]);
    expect(valueOf('d = transform(df, AsTable([:x, :y]) => ByRow(r -> r.x * r.y) => :p)', 'd.p')).toEqual([1, 2, 202, 204]);
    expect(valueOf('d = select(df, AsTable([:x, :y]) => (t -> t.x .+ t.y) => :s)', 'd.s')).toEqual([2, 3, 103, 104]);
  });

  it('`@distinct` keeps the first row of each value of what it computes, `unique(df, cols)` of the columns', () => {
    expect(valueOf('d = @distinct(df, :x)', 'd.y')).toEqual([1, 101]);
    // The manual's example: x .+ y is 11 on every row.
    expect(valueOf('e = DataFrame(x = 1:10, y = 10:-1:1)\nd = @distinct(e, :x .+ :y)', '[d.x; d.y]')).toEqual([1, 10]);
    expect(valueOf('e = DataFrame(x = 1:5, y = 5:-1:1)\nd = @rdistinct(e, :x + :y)', 'nrow(d)')).toEqual([1]);
    expect(valueOf('e = DataFrame(a = [1, 1, 2, 1], b = [3, 3, 4, 5])', 'nrow(@distinct(e)) == 3 && nrow(unique(e)) == 3 && unique(e, :a).b == [3, 4]')).toEqual([1]);
    expect(valueOf('e = DataFrame(a = [1, 1, 2, 1], b = [3, 3, 4, 5])\n@distinct!(e, :a)\nunique!(df, [:x])', '[e.b; df.y]')).toEqual([3, 4, 1, 101]);
  });

  it('`@with` evaluates an expression of the columns, a block with a loop too', () => {
    expect(valueOf('v = @with(df, :y .+ 1)', 'v')).toEqual([2, 3, 102, 103]);
    expect(valueOf('x = [2, 1, 0, 0]\nv = @with(df, :x + x)', 'v')).toEqual([3, 2, 2, 2]);
    const loop = 'r = @with df begin\n    res = 0.0\n    for i in 1:length(:x)\n        res += :x[i] * :y[i]\n    end\n    res\nend';
    expect(valueOf(loop, 'r')).toEqual([1 + 2 + 202 + 204]);
  });

  it("`@chain` passes the value first to each step, or where `_` stands (Chain.jl's rules), blocks flattened", () => {
    expect(valueOf('d = @chain df begin\n    @transform(:z = :x .+ :y)\n    @subset(:z .> 3)\n    _.z\nend', 'd')).toEqual([103, 104]);
    expect(valueOf('s = @chain df.y sum', 's')).toEqual([206]);
    expect(valueOf('d = @chain df begin\n    @rtransform(_, :z = :x + :y)\n    _.z\nend', 'd')).toEqual([2, 3, 103, 104]);
    expect(valueOf('s = @chain df begin\n    groupby(:x)\n    @combine :s = sum(:y)\n    getproperty(_, :s)\nend', 's')).toEqual([3, 203]);
    expect(valueOf('n = @chain df @rsubset(:x == 2) nrow', 'n')).toEqual([2]);
    expect(valueOf('d = @chain df begin\n    @select :x :y\nend', 'ncol(d)')).toEqual([2]);
  });

  it("runs the manual's `@chain` of `@transform`, `@where`, `@by`, `@orderby` and `@select`", () => {
    const lines =
      'df = DataFrame(a = repeat(1:5, outer = 20), b = repeat(["a", "b", "c", "d"], inner = 25), x = repeat(1:20, inner = 5))\n' +
      'x_thread = @chain df begin\n    @transform(y = 10 * :x)\n    @where(:a .> 2)\n    @by(:b, meanX = mean(:x), meanY = mean(:y))\n    @orderby(:meanX)\n    @select(:meanX, :meanY, var = :b)\nend';
    const rows = Array.from({ length: 100 }, (_, i) => ({ a: (i % 5) + 1, b: Math.floor(i / 25), x: Math.floor(i / 5) + 1 })).filter((r) => r.a > 2);
    const means = [0, 1, 2, 3].map((b) => {
      const xs = rows.filter((r) => r.b === b).map((r) => r.x);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    });
    expect(valueOf(lines, '[x_thread.meanX; x_thread.meanY]')).toEqual([...means, ...means.map((m) => 10 * m)]);
    expect(valueOf(lines, 'x_thread.var == ["a", "b", "c", "d"] && names(x_thread) == ["meanX", "meanY", "var"]')).toEqual([1]);
  });

  it('`@eachrow` runs its block for each row on a copy, `:x` the cell, `:x = …` writing it; `@eachrow!` on the table itself', () => {
    const table = 'e = DataFrame(A = 1:3, B = [2, 1, 2])';
    expect(valueOf(`${table}\nd = @eachrow e begin\n    :A = :B + 1\nend`, '[d.A; e.A]')).toEqual([3, 2, 3, 1, 2, 3]);
    // The manual's `@newcol` example: colX is π·A where B is 2, else B; colY is A·B where A > 1, else missing.
    const made = `${table}\nd = @eachrow e begin\n    @newcol colX::Vector{Float64}\n    @newcol colY::Vector{Union{Int,Missing}}\n    :colX = :B == 2 ? pi * :A : :B\n    if :A > 1\n        :colY = :A * :B\n    else\n        :colY = missing\n    end\nend`;
    expect(valueOf(made, 'd.colX')).toEqual([Math.PI, 1, 3 * Math.PI]);
    expect(valueOf(made, '[ismissing(d.colY[1]); d.colY[2:3]; names(d) == ["A", "B", "colX", "colY"]]')).toEqual([1, 2, 6, 1]);
    expect(valueOf('@eachrow! df begin\n    if :x == 2\n        :y = :y * 2\n    end\nend', 'df.y')).toEqual([1, 2, 202, 204]);
    expect(valueOf('d = @chain df begin\n    @eachrow begin\n        :y = :y - :x\n    end\n    @select(:y)\nend', 'd.y')).toEqual([0, 1, 99, 100]);
    expect(problemOf('d = @eachrow df begin\n    :z = :y\nend')).toMatch(/the data frame has no column `z`/);
  });

  it('`@astable` makes a column of each `:x = …` of its block, which later lines read; in `@by` one row per group', () => {
    // The manual's examples.
    const rows = 'e = DataFrame(a = [1, 2, 3], b = [4, 5, 6])\nd = @rtransform e @astable begin\n    :x = 1\n    y = 5\n    :z = :x + y\nend';
    expect(valueOf(rows, '[d.x; d.z; names(d) == ["a", "b", "x", "z"]]')).toEqual([1, 1, 1, 6, 6, 6, 1]);
    const groups = 'e = DataFrame(a = [1, 1, 2, 2], b = [5, 6, 70, 80])\nd = @by e :a @astable begin\n    ex = extrema(:b)\n    :min_b = first(ex)\n    :max_b = last(ex)\nend';
    expect(valueOf(groups, '[d.a; d.min_b; d.max_b]')).toEqual([1, 2, 5, 70, 6, 80]);
    expect(valueOf('d = @transform df @astable begin\n    m = mean(:y)\n    :yc = :y .- m\n    :yd = :yc ./ 2\nend', 'd.yd')).toEqual([-25.25, -24.75, 24.75, 25.25]);
    // The manual's `$new_col = …`: the column a value names.
    const named = 'e = DataFrame(a = [1, 1, 2, 2], b = [5, 6, 70, 80])\nnew_col = "New Column"\nd = @rtransform e @astable begin\n    f_a = first(:a)\n    $new_col = :a + :b + f_a\n    :y = :a * :b\nend';
    expect(valueOf(named, '[d[!, "New Column"]; d.y; names(d) == ["a", "b", "y", "New Column"]]')).toEqual([7, 8, 74, 84, 5, 6, 140, 160, 1]);
  });

  it('`@passmissing` gives `missing` for a row with a `missing` cell without calling the function, as the manual shows', () => {
    const table = 'e = DataFrame(a = [1, 2, missing], b = [4, 5, 6])\nno_missing(x::Int, y::Int) = x + y';
    expect(valueOf(`${table}\nd = @transform e @passmissing @byrow c = no_missing(:a, :b)`, '[d.c[1:2]; ismissing(d.c[3])]')).toEqual([5, 7, 1]);
    expect(valueOf('e = DataFrame(x_str = ["1", "2", missing])\nd = @rtransform e @passmissing x = parse(Int, :x_str)', '[d.x[1:2]; ismissing(d.x[3])]')).toEqual([1, 2, 1]);
    expect(problemOf('d = @rtransform(DataFrame(x_str = ["1", missing]), :x = parse(Int, :x_str))')).toMatch(/parse takes a string, got missing/);
  });

  it("skips a `@chain`'s `@aside` line (printing, plotting), and refuses one that names a value for later steps", () => {
    expect(valueOf('n = @chain df begin\n    @aside println(_)\n    @rsubset :x == 2\n    @aside @show nrow(_)\n    nrow\nend', 'n')).toEqual([2]);
    expect(problemOf('d = @chain df begin\n    @aside m = mean(_.y)\n    @select :yc = :y .- m\nend')).toMatch(/`@aside m = …` names a value for the steps after it, which Tilde does not read/);
  });
});

describe('a script that shapes its table with DataFramesMeta', () => {
  it('a macro call that lost its `)` leaves the model after it read', () => {
    const source = `${TABLE}\nd = @transform(df, :z = :x .+ 1\n@model function m(y)\n    a ~ Normal()\n    y ~ MvNormal(fill(a, length(y)), I)\nend\nmodel = m(df.y)\n`;
    expect(checked({ source, params: { a: 0 } }).value.loglikelihood).toBeCloseTo([1, 2, 101, 102].reduce((s, y) => s + normalLogpdf(y, 0, 1), 0), 8);
  });

  it('a model given the table may read it with `@with`', () => {
    const source = `${TABLE}\n@model function m(d)\n    a ~ Normal(@with(d, sum(:x)), 1)\n    d.y ~ MvNormal(fill(a, 4), I)\nend\nmodel = m(df)\n`;
    const outcome = checked({ source, params: { a: 5 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(5, 6, 1), 10);
  });

  it('gives its model the rows and columns `@chain`, `@transform` and `@subset` make: the log density at a point is the hand-computed one', () => {
    const source = `using Turing, CSV, DataFrames, DataFramesMeta
df = CSV.read("data.csv", DataFrame)
adults = @chain df begin
    @subset(:age .>= 18)
    @transform(:wc = :weight .- mean(:weight))
    @rtransform(:h = :height / 100)
end
@model function m(w, h)
    a ~ Normal(1.5, 1)
    b ~ Normal(0, 1)
    σ ~ Exponential(1)
    for i in eachindex(h)
        h[i] ~ Normal(a + b * w[i], σ)
    end
end
model = m(adults.wc, adults.h)
`;
    const csv = 'age,weight,height\n19,47.5,151.8\n17,36.5,139.7\n65,31.9,140.2\n41,53.0,156.8\n';
    const at = { a: 1.5, b: 0.01, σ: 0.05 };
    const outcome = checked({ source, data: { text: csv, format: 'csv' }, params: at });
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    const adults = [
      [47.5, 151.8],
      [31.9, 140.2],
      [53.0, 156.8],
    ];
    const w̄ = (47.5 + 31.9 + 53.0) / 3;
    const expected = adults.reduce((s, [w, h]) => s + normalLogpdf(h! / 100, at.a + at.b * (w! - w̄), at.σ), 0);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 10);
  });
});
