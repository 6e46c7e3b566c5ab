import { describe, expect, it } from 'vitest';
import { checked, normalLogpdf, scriptLines } from '../testing.js';

/** DataFrames' manual's tables for joins. */
const TABLES = 'people = DataFrame(ID = [20, 40], Name = ["John Doe", "Jane Doe"])\njobs = DataFrame(ID = [20, 60], Job = ["Lawyer", "Astronaut"])';

const { valueOf, problemOf } = scriptLines(TABLES);

describe("DataFrames' joins, as its manual shows them", () => {
  it('innerjoin keeps the matched rows (in the left table’s order), leftjoin and rightjoin all of one side, outerjoin all, with missing where unmatched', () => {
    expect(valueOf('j = innerjoin(people, jobs, on = :ID)', 'j.ID')).toEqual([20]);
    expect(valueOf('j = innerjoin(people, jobs, on = :ID)', 'names(j) == ["ID", "Name", "Job"] && j.Job == ["Lawyer"]')).toEqual([1]);
    expect(valueOf('j = leftjoin(people, jobs, on = :ID)', '[j.ID; ismissing.(j.Job)]')).toEqual([20, 40, 0, 1]);
    expect(valueOf('j = rightjoin(people, jobs, on = :ID)', '[j.ID; ismissing.(j.Name)]')).toEqual([20, 60, 0, 1]);
    expect(valueOf('j = rightjoin(people, jobs, on = :ID)', 'j.Job == ["Lawyer", "Astronaut"]')).toEqual([1]);
    expect(valueOf('j = outerjoin(people, jobs, on = :ID)', '[j.ID; ismissing.(j.Name); ismissing.(j.Job)]')).toEqual([20, 40, 60, 0, 0, 1, 0, 1, 0]);
    expect(valueOf('j = semijoin(people, jobs, on = :ID)', 'j.Name == ["John Doe"] && ncol(j) == 2')).toEqual([1]);
    expect(valueOf('j = antijoin(people, jobs, on = :ID)', 'j.Name == ["Jane Doe"]')).toEqual([1]);
  });

  it('joins on keys of other names (`:a => :b`) and on several keys; a left row matched twice comes twice, in the right table’s order', () => {
    expect(valueOf('b = DataFrame(IDNew = [20, 40], Job = ["Lawyer", "Doctor"])\nj = innerjoin(people, b, on = :ID => :IDNew)', 'names(j) == ["ID", "Name", "Job"] && j.Job == ["Lawyer", "Doctor"]')).toEqual([1]);
    const two = 'a = DataFrame(g = [1, 1, 2], t = [1, 2, 1], y = [10, 20, 30])\nb = DataFrame(g = [2, 1, 1], t = [1, 2, 2], z = [0.5, 0.25, 0.75])';
    expect(valueOf(`${two}\nj = innerjoin(a, b, on = [:g, :t])`, '[j.y; j.z]')).toEqual([20, 20, 30, 0.25, 0.75, 0.5]);
  });

  it('matches keys that are Symbols by name and Dates by their day (each Date its own object)', () => {
    expect(valueOf('a = DataFrame(k = [:a, :b], y = [1, 2])\nb = DataFrame(k = [:b], z = [5])\nj = innerjoin(a, b, on = :k)', 'j.y')).toEqual([2]);
    expect(valueOf('a = DataFrame(d = [Date(2020, 1, 1), Date(2020, 1, 2)], y = [1, 2])\nb = DataFrame(d = [Date(2020, 1, 2), Date(2020, 1, 3)], z = [5, 6])\nj = outerjoin(a, b, on = :d)', '[j.y[1:2]; j.z[2:3]; ismissing(j.y[3])]')).toEqual([1, 2, 5, 6, 1]);
  });

  it('joins the loaded table with one the script builds, in the left table’s order', () => {
    expect(valueOf('rates = DataFrame(ID = [40, 20], rate = [0.5, 2.0])\nj = leftjoin(jobs, rates, on = :ID)', '[j.ID; j.rate[1]; ismissing(j.rate[2])]')).toEqual([20, 60, 2, 1]);
  });

  it('crossjoin pairs every row with every row; a column both have needs `makeunique = true`, which names the right one `_1`', () => {
    expect(valueOf('j = crossjoin(people, jobs, makeunique = true)', '[j.ID; j.ID_1]')).toEqual([20, 20, 40, 40, 20, 60, 20, 60]);
    expect(problemOf('j = innerjoin(people, DataFrame(ID = [20], Name = ["x"]), on = :ID)')).toMatch(/both tables have a column `Name` that is no key: pass `makeunique = true`/);
    expect(problemOf('j = innerjoin(DataFrame(ID = [20, missing]), jobs, on = :ID)')).toMatch(/the left table's key `ID` holds `missing` \(row 2\)/);
    expect(valueOf('j = innerjoin(people, jobs, on = :ID, order = :left)', 'j.ID')).toEqual([20]);
    expect(problemOf('j = innerjoin(people, jobs, on = :ID, order = :right)')).toMatch(/innerjoin's keyword `order` is not followed here/);
  });
});

describe("DataFrames' stack and unstack", () => {
  const wide = 'df = DataFrame(a = repeat(1:3, inner = 2), b = repeat(1:2, inner = 3), c = repeat(1:1, inner = 6), d = repeat(1:6, inner = 1), e = ["a", "b", "c", "d", "e", "f"])';

  it('`stack(df, [:c, :d])` puts the other columns first, then `variable` and `value`, the rows of `c` before those of `d`', () => {
    expect(valueOf(`${wide}\nl = stack(df, [:c, :d])`, 'names(l) == ["a", "b", "e", "variable", "value"] && l.variable == [fill("c", 6); fill("d", 6)]')).toEqual([1]);
    expect(valueOf(`${wide}\nl = stack(df, [:c, :d])`, '[l.a; l.value]')).toEqual([1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6]);
    expect(valueOf(`${wide}\nl = stack(df, [:c, :d], [:a]; variable_name = :k, value_name = :v)`, 'names(l) == ["a", "k", "v"]')).toEqual([1]);
    // Base's `stack` of vectors is still Base's.
    expect(valueOf('', 'stack([[1, 2], [3, 4]])')).toEqual([1, 2, 3, 4]);
  });

  it('`unstack` makes a column per value of the key, rows and columns in the order they first appear, `missing` (or `fill`) where absent', () => {
    const long = 'df = DataFrame(id = ["1", "1", "2"], variable = ["Var1", "Var2", "Var1"], value = [1, 2, 3])';
    expect(valueOf(`${long}\nw = unstack(df, :variable, :value)`, 'names(w) == ["id", "Var1", "Var2"] && w.id == ["1", "2"] && ismissing(w.Var2[2])')).toEqual([1]);
    expect(valueOf(`${long}\nw = unstack(df, :id, :variable, :value; fill = 0)`, '[w.Var1; w.Var2]')).toEqual([1, 3, 2, 0]);
    expect(valueOf(`${wide}\nw = unstack(stack(df, [:c, :d], [:e]), :e, :variable, :value)`, '[w.c; w.d]')).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6]);
    expect(problemOf(`w = unstack(DataFrame(id = [1, 1], variable = ["x", "x"], value = [1, 2]), :id, :variable, :value)`)).toMatch(/has `x` twice: pass `allowduplicates = true`/);
  });

  it("gives a model a long table made from the loaded one: its log density is the hand-computed one", () => {
    const source = 'df = CSV.read("t.csv", DataFrame)\nlong = stack(df, [:pre, :post], [:id])\nscores = DataFrame(id = [1, 2], bonus = [0.5, -0.5])\nj = leftjoin(long, scores, on = :id)\n@model function m(y, b)\n    μ ~ Normal(0, 10)\n    y ~ MvNormal(μ .+ b, I)\nend\nmodel = m(j.value, j.bonus)\n';
    const outcome = checked({ source, data: { text: 'id,pre,post\n1,1.0,2.0\n2,3.0,5.0\n', format: 'csv' }, params: { μ: 2 } });
    const ys = [1, 3, 2, 5];
    const bs = [0.5, -0.5, 0.5, -0.5];
    expect(outcome.value.loglikelihood).toBeCloseTo(ys.reduce((s, y, i) => s + normalLogpdf(y, 2 + bs[i]!, 1), 0), 10);
  });
});
