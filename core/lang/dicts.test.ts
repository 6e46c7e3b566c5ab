import { describe, expect, it } from 'vitest';
import { JArray, JDict, JSymbol, JTuple, type Value } from '../model/index.js';
import { Pair } from './runtime/index.js';
import { checked, normalLogpdf } from './testing.js';
import { checkModel, compile } from './index.js';
import { expectGradient } from '../testing/index.js';

/** What a script's top-level `lines` give for `expr`, passed to a model as its argument; the script must have no warnings. */
function scriptValue(lines: string, expr: string): Value {
  const source = `${lines}\n@model function m(r)\n    x ~ Normal()\nend\nmodel = m(${expr})\n`;
  const compiled = compile(source);
  const problems = compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message);
  const r = compiled.models[0]!.scriptArguments?.get('r');
  if (problems.length || r === undefined) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  return r;
}

/** A value as plain JS for comparison: arrays and tuples as lists, Symbols as `:name`, pairs as `k => v`, a Dict by its summary. */
function plain(v: Value): unknown {
  if (v instanceof Pair) return [plain(v.first), '=>', plain(v.second)];
  if (v instanceof JArray) return v.data.map((x) => plain(x!));
  if (v instanceof JTuple) return v.items.map(plain);
  if (v instanceof JSymbol) return `:${v.name}`;
  if (v instanceof JDict) return `${v.typeText} with ${v.size}`;
  return v;
}

const valueOf = (lines: string, expr: string): unknown => plain(scriptValue(lines, expr));

/** The first warning of a script whose top-level lines fail. */
const warningOf = (lines: string): { line: number; message: string } => {
  const compiled = compile(`${lines}\n@model function m()\n    x ~ Normal()\nend\n`);
  const [first] = compiled.diagnostics.filter((d) => d.severity === 'warning');
  return { line: first!.line, message: first!.message };
};

describe("a script's Dict, as Julia's Base documents it", () => {
  it('builds from pairs, reads by key, and infers its types from the entries', () => {
    expect(valueOf('d = Dict("A" => 1, "B" => 2)', '(d["A"], d["B"], d)')).toEqual([1, 2, 'Dict{String, Int64} with 2']);
    expect(valueOf('d = Dict(:foo => 1, :bar => 2)', '(d[:bar], typeof(d))')).toEqual([2, expect.objectContaining({ name: 'Dict' })]);
    expect(valueOf('d = Dict(:a => 1.5, :b => 2)', 'string(typeof(d))')).toBe('Dict{Symbol, Float64}');
    expect(valueOf('d = Dict()', '(length(d), isempty(d), string(typeof(d)))')).toEqual([0, true, 'Dict{Any, Any}']);
  });

  it('compares keys by isequal: 1, 1.0 and true are one key; strings by content; Symbols by name', () => {
    expect(valueOf('d = Dict(1 => "one")\nd[1.0] = "uno"', '(length(d), d[1], d[true])')).toEqual([1, 'uno', 'uno']);
    expect(valueOf('d = Dict(0.0 => "a")\nd[-0.0] = "b"', 'length(d)')).toBe(2);
    expect(valueOf('d = Dict("ab" => 1)', 'd[string("a", "b")]')).toBe(1);
    expect(valueOf('d = Dict((1, 2) => "pair")', '(d[(1, 2)], haskey(d, (2, 1)))')).toEqual(['pair', false]);
  });

  it('is built from a generator, a zip and a vector of pairs, a later pair replacing an earlier one', () => {
    const counties = 'counties = ["AITKIN", "ANOKA", "BECKER"]';
    expect(valueOf(`${counties}\nlookup = Dict(c => i for (i, c) in enumerate(counties))`, '[lookup[c] for c in ["BECKER", "AITKIN", "BECKER"]]')).toEqual([3, 1, 3]);
    expect(valueOf(`${counties}\nlookup = Dict(zip(counties, 1:length(counties)))`, '(lookup["ANOKA"], string(typeof(lookup)))')).toEqual([2, 'Dict{String, Int64}']);
    expect(valueOf('d = Dict(["a" => 1, "b" => 2, "a" => 3])', '(d["a"], length(d))')).toEqual([3, 2]);
    // `.=>` pairs two vectors elementwise.
    expect(valueOf(`${counties}\nlookup = Dict(counties .=> eachindex(counties))`, '(lookup["BECKER"], lookup["AITKIN"])')).toEqual([3, 1]);
  });

  it('stores, updates in place and counts with d[k] += 1 and get(d, k, 0)', () => {
    const counting = 'counts = Dict{String, Int}()\nfor w in ["x", "y", "x", "x"]\n    counts[w] = get(counts, w, 0) + 1\nend\nd = Dict("x" => 1)\nd["x"] += 10';
    expect(valueOf(counting, '(counts["x"], counts["y"], d["x"], string(counts))')).toEqual([3, 1, 11, 'Dict("x" => 3, "y" => 1)']);
  });

  it('converts what a typed Dict stores: a Float64 Dict stores 1 as 1.0, an Int Dict refuses 1.5 (InexactError)', () => {
    expect(valueOf('d = Dict{String, Float64}()\nd["a"] = 1', '(d, string(d))')).toEqual(['Dict{String, Float64} with 1', 'Dict("a" => 1.0)']);
    expect(valueOf('d = Dict{Symbol, Bool}()\nd[:a] = 1', 'd[:a]')).toBe(true);
    expect(warningOf('d = Dict{String, Int}()\nd["a"] = 1.5').message).toMatch(/cannot store the number 1.5 as a value of a Dict\{String, Int64\}/);
    expect(warningOf('d = Dict{String, Int}()\nd[:a] = 1').message).toMatch(/cannot store the Symbol :a as a key of a Dict\{String, Int64\}/);
  });

  it('gives keys, values and pairs in the order they were stored, and iterates as pairs', () => {
    const d = 'd = Dict("b" => 2, "a" => 1)\nd["c"] = 3';
    expect(valueOf(d, '(collect(keys(d)), collect(values(d)), sort(collect(keys(d))), sum(values(d)))')).toEqual([['b', 'a', 'c'], [2, 1, 3], ['a', 'b', 'c'], 6]);
    const loop = `${d}\nks = String[]\ntotal = 0\nfor (k, v) in d\n    push!(ks, k)\n    global total += v\nend`;
    expect(valueOf(loop, 'ks')).toEqual(['b', 'a', 'c']);
    expect(valueOf(loop, 'total')).toBe(6);
    expect(valueOf(d, 'collect(pairs(d))')).toEqual([['b', '=>', 2], ['a', '=>', 1], ['c', '=>', 3]]);
    expect(valueOf(d, '[k => v for (k, v) in d if v > 1]')).toEqual([['b', '=>', 2], ['c', '=>', 3]]);
    expect(valueOf(d, '("a" in keys(d), ("a" => 1) in d, ("a" => 2) in d)')).toEqual([true, true, false]);
    expect(valueOf(d, 'collect(enumerate(d))[3]')).toEqual([3, ['c', '=>', 3]]);
    expect(valueOf(`${d}\nbig = filter(p -> p.second > 1, d)`, '(big, collect(keys(big)))')).toEqual(['Dict{String, Int64} with 2', ['b', 'c']]);
  });

  it('has haskey, get, get!, delete!, pop!, merge and push!', () => {
    const d = 'd = Dict(:a => 1, :b => 2)';
    expect(valueOf(d, '(haskey(d, :a), haskey(d, :z), get(d, :a, 0), get(d, :z, 0))')).toEqual([true, false, 1, 0]);
    expect(valueOf(`${d}\nx = get!(d, :c, 3)\ny = get!(d, :a, 9)`, '(x, y, length(d))')).toEqual([3, 1, 3]);
    const grouping = 'groups = Dict{String, Vector{Int}}()\nfor (i, c) in enumerate(["a", "b", "a"])\n    push!(get!(groups, c, Int[]), i)\nend\nlater = Dict{String, Vector{Int}}()\nfor (i, c) in enumerate(["x", "x"])\n    push!(get!(Vector{Int}, later, c), i)\n    get!(later, "y") do\n        [0]\n    end\nend';
    expect(valueOf(grouping, '(groups["a"], groups["b"], later["x"], later["y"])')).toEqual([[1, 3], [2], [1, 2], [0]]);
    expect(valueOf(`${d}\ndelete!(d, :a)\ndelete!(d, :nothere)`, 'collect(keys(d))')).toEqual([':b']);
    expect(valueOf(`${d}\nx = pop!(d, :a)\ny = pop!(d, :z, -1)`, '(x, y, length(d))')).toEqual([1, -1, 1]);
    expect(valueOf(`${d}\ne = merge(d, Dict(:b => 20, :c => 30))`, '(e[:b], e[:c], length(d), length(e))')).toEqual([20, 30, 2, 3]);
    expect(valueOf(`${d}\npush!(d, :c => 3, :d => 4)`, 'collect(values(d))')).toEqual([1, 2, 3, 4]);
    expect(valueOf(`${d}\ne = copy(d)\ne[:a] = 100`, '(d[:a], e[:a])')).toEqual([1, 100]);
    expect(valueOf(d, '(d == Dict(:b => 2, :a => 1), d == Dict(:a => 1, :b => 3), d == Dict(:a => 1))')).toEqual([true, false, false]);
  });

  it('makes a default only when the key is missing with get(f, d, k) and a do block, and combines values under one key with merge(+, …) and mergewith', () => {
    const d = 'd = Dict(:a => 1, :b => 2)\nmade = Int[]';
    expect(valueOf(`${d}\nv = get(d, :z) do\n    push!(made, 1)\n    42\nend\nw = get(() -> push!(made, 2), d, :a)`, '(v, w, made, length(d))')).toEqual([42, 1, [1], 2]);
    // The counts of a key both Dicts have are added; the others are copied; `d` itself is unchanged.
    const other = 'e = Dict(:a => 10, :c => 3)';
    expect(valueOf(`${d}\n${other}\nt = merge(+, d, e)`, '(t[:a], t[:b], t[:c], d[:a], collect(keys(t)))')).toEqual([11, 2, 3, 1, [':a', ':b', ':c']]);
    expect(valueOf(`${d}\n${other}\nt = mergewith(*, d, e, Dict(:a => 2))`, '(t[:a], t[:c], length(d))')).toEqual([20, 3, 2]);
    expect(valueOf(`${d}\n${other}\nmergewith!(-, d, e)`, '(d[:a], d[:c])')).toEqual([-9, 3]);
    expect(valueOf(`${d}\n${other}\nmerge!(max, d, e)`, '(d[:a], d[:b])')).toEqual([10, 2]);
  });

  it('sorts its pairs by key, then value, as isless orders pairs; by a value with `by`; and filters them with a pair function', () => {
    const d = 'd = Dict("b" => 2, "c" => 1, "a" => 3)';
    expect(valueOf(d, 'sort(collect(d))')).toEqual([['a', '=>', 3], ['b', '=>', 2], ['c', '=>', 1]]);
    expect(valueOf(d, 'first.(sort(collect(d), by = x -> x[2], rev = true))')).toEqual(['a', 'b', 'c']);
    expect(valueOf('d = Dict(:y => 1, :x => 2)', 'first.(sort(collect(d)))')).toEqual([':x', ':y']);
    expect(valueOf('pts = [(2, "b"), (1, "z"), (2, "a")]', 'sort(pts)')).toEqual([[1, 'z'], [2, 'a'], [2, 'b']]);
    expect(valueOf(`${d}\nbig = filter(p -> last(p) > 1, d)`, 'sort(collect(keys(big)))')).toEqual(['a', 'b']);
    expect(valueOf(`${d}\nbig = filter(((k, v),) -> v > 1, d)`, 'sort(collect(keys(big)))')).toEqual(['a', 'b']);
    expect(valueOf(d, 'sort(map(((k, v),) -> k * string(v), collect(d)))')).toEqual(['a3', 'b2', 'c1']);
  });

  it("sorts a Dict into an OrderedDict by key, or by value with `byvalue`, as OrderedCollections' sort(d) does", () => {
    // b 3 times, a twice, c once.
    const cm = 'cm = countmap(["b", "a", "b", "c", "b", "a"])';
    expect(valueOf(`${cm}\ns = sort(cm)`, '(collect(keys(s)), collect(values(s)), string(typeof(s)))')).toEqual([['a', 'b', 'c'], [2, 3, 1], 'OrderedDict{String, Int64}']);
    expect(valueOf(`${cm}\ns = sort(cm; byvalue = true, rev = true)`, 'collect(keys(s))')).toEqual(['b', 'a', 'c']);
    expect(valueOf(`${cm}\ns = sort(cm, rev = true)`, '[keys(s)...]')).toEqual(['c', 'b', 'a']);
  });

  it("maps keys over a collection as scripts write it, and has StatsBase's countmap and proportionmap", () => {
    const lookup = 'cs = ["a", "b", "a", "c"]\nlookup = Dict(c => i for (i, c) in enumerate(unique(cs)))';
    expect(valueOf(lookup, 'getindex.(Ref(lookup), cs)')).toEqual([1, 2, 1, 3]);
    expect(valueOf(lookup, 'map(c -> lookup[c], cs)')).toEqual([1, 2, 1, 3]);
    expect(valueOf(lookup, 'haskey.(Ref(lookup), ["a", "z"])')).toEqual([true, false]);
    expect(valueOf(`${lookup}\ninverse = Dict(v => k for (k, v) in lookup)`, '(inverse[3], maximum(values(lookup)))')).toEqual(['c', 3]);
    expect(valueOf('cm = countmap(["x", "y", "x", "x"])', '(cm["x"], cm["y"], string(cm))')).toEqual([3, 1, 'Dict("x" => 3, "y" => 1)']);
    expect(valueOf('pm = proportionmap([1, 2, 2, 2])', '(pm[1], pm[2])')).toEqual([0.25, 0.75]);
  });

  it("has OrderedCollections' OrderedDict: the same, under its own name", () => {
    const ordered = 'using OrderedCollections\nod = OrderedDict("z" => 1, "a" => 2)\nod["m"] = 3';
    expect(valueOf(ordered, '(collect(keys(od)), string(od), string(typeof(od)), od isa OrderedDict, od isa Dict, od isa AbstractDict)')).toEqual([
      ['z', 'a', 'm'],
      'OrderedDict("z" => 1, "a" => 2, "m" => 3)',
      'OrderedDict{String, Int64}',
      true,
      false,
      true,
    ]);
    expect(valueOf('od = OrderedDict{Symbol, Float64}()\nod[:a] = 1', '(od == Dict(:a => 1.0), string(od))')).toEqual([true, 'OrderedDict(:a => 1.0)']);
  });

  it('prints as Julia shows it: the summary in messages, the entries in string()', () => {
    expect(valueOf('d = Dict("a" => 1)', 'string(d)')).toBe('Dict("a" => 1)');
    expect(valueOf('d = Dict{String, Int}()', 'string(d)')).toBe('Dict{String, Int64}()');
    expect(warningOf('d = Dict("a" => 1, "b" => 2, "c" => 3)\nx = d[1:2]').message).toContain('a Dict{String, Int64} with 3 entries');
  });

  it('names the missing key and the Dict in a KeyError, on the line that read it', () => {
    const lines = 'lookup = Dict("AITKIN" => 1, "ANOKA" => 2)\nidx = [lookup[c] for c in ["ANOKA", "BECKER"]]';
    expect(warningOf(lines)).toEqual({ line: 2, message: 'top-level `idx = …` is ignored: KeyError: key "BECKER" not found in `lookup`, a Dict{String, Int64} with 2 entries' });
    expect(warningOf('d = Dict(:a => 1)\nd[:b] += 1').message).toContain('KeyError: key :b not found in `d`');
  });
});

const RADON_CSV = `county,floor,log_radon
AITKIN,1,0.83
ANOKA,0,1.22
AITKIN,0,1.10
BECKER,1,0.10
ANOKA,1,0.64
BECKER,0,1.53
AITKIN,0,0.95
ANOKA,0,1.80
BECKER,0,1.31
AITKIN,1,0.47
ANOKA,0,0.99
BECKER,1,0.26
`;

/** The radon tutorial's data lines: each county's index from a Dict built over the counties in order of appearance. */
const radonScript = (lookup: string): string => `using Turing, CSV, DataFrames
df = CSV.read("radon.csv", DataFrame)
counties = unique(df.county)
${lookup}
county_idx = [county_lookup[c] for c in df.county]
@model function varying_intercept(county, x, y; n_county)
    σ ~ Exponential(1)
    α ~ filldist(Normal(0, 10), n_county)
    β ~ Normal(0, 1)
    for i in eachindex(y)
        y[i] ~ Normal(α[county[i]] + β * x[i], σ)
    end
end
model = varying_intercept(county_idx, df.floor, df.log_radon; n_county=length(counties))
chain = sample(model, NUTS(), 500)
`;

describe('a model whose data a Dict prepares, or that reads one', () => {
  const at = { σ: 0.8, α: [0.9, 1.2, 0.7], β: -0.6 };
  /** The log likelihood worked out by hand: AITKIN is county 1, ANOKA 2, BECKER 3, as they first appear. */
  const expected = RADON_CSV.trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .reduce((sum, [county, floor, y]) => sum + normalLogpdf(Number(y), at.α[['AITKIN', 'ANOKA', 'BECKER'].indexOf(county!)]! + at.β * Number(floor), at.σ), 0);

  it.each([
    ['a generator', 'county_lookup = Dict(c => i for (i, c) in enumerate(counties))'],
    ['a zip', 'county_lookup = Dict(zip(counties, 1:length(counties)))'],
    ['a loop filling a typed Dict', 'county_lookup = Dict{String, Int}()\nfor (i, c) in enumerate(counties)\n    county_lookup[c] = i\nend'],
  ])("runs the radon tutorial's varying intercepts with the county index from %s", (_how, lookup) => {
    const outcome = checked({ source: radonScript(lookup), data: { text: RADON_CSV, format: 'csv' }, params: at });
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 12);
  });

  it('reads a Dict passed as an argument and a top-level one, and writes into its own copy of the argument', () => {
    const source = `scales = Dict(:a => 2.0, :b => 0.5)
shift = Dict("y" => 1.0)
@model function m(y, sd)
    a ~ Normal(0, sd[:a])
    b ~ Normal(0, get(sd, :b, 1.0))
    sd[:a] = 100.0
    y ~ Normal(a + b + shift["y"] + sd[:a], 1)
end
model = m(3.0, scales)
`;
    const outcome = checked({ source, params: { a: 0.4, b: -0.2 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0.4, 0, 2) + normalLogpdf(-0.2, 0, 0.5), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(3, 0.4 - 0.2 + 1 + 100, 1), 12);
    // Read-only as array data is: the write above went to the model's own copy.
    expect(compile(source).models[0]!.scriptArguments!.get('sd')).toMatchObject({ frozen: true });
    const vectors = compile('byGroup = Dict("a" => [1.0, 2.0])\n@model function m(g)\n    x ~ Normal(g["a"][1], 1)\nend\nmodel = m(byGroup)\n');
    expect([...(vectors.models[0]!.scriptArguments!.get('g') as JDict).entries.values()][0]!.value).toMatchObject({ frozen: true });
  });

  it('says that a Dict entry is not observed with `~`, and what to write instead', () => {
    const outcome = checkModel({ source: 'obs = Dict(:y => 1.5)\n@model function m(obs)\n    μ ~ Normal()\n    obs[:y] ~ Normal(μ, 1)\nend\nmodel = m(obs)\n' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ line: 4, message: expect.stringContaining('`obs[…] ~ …` observes into an array, not a Dict') });
  });

  it('differentiates through a Dict the model reads, and one it fills with parameters, on every backend', () => {
    const source = `lookup = Dict(10 => 1, 20 => 2)
@model function m(y, codes)
    a ~ filldist(Normal(), 2)
    scale = Dict(:s => exp(a[1]))
    scale[:t] = a[2]
    for i in eachindex(y)
        y[i] ~ Normal(a[lookup[codes[i]]] + scale[:t], scale[:s])
    end
end
model = m([0.1, 0.5, 0.3, -0.2], [10, 20, 20, 10])
`;
    expectGradient(source, undefined);
  });
});
