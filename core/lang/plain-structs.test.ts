import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel, parse } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/** A file's plain structs (no supertype): data holders built in the script's lines or in the model, read by field. */

const PARAMS = 'struct Params\n    a::Float64\n    b::Vector{Float64}\nend\n';

describe("a file's plain structs", () => {
  it('are built in the script\'s lines and read by field in the model, as named tuples are', () => {
    const source = `${PARAMS}p = Params(1.0, [2.0, 3.0])\n@model function m(y)\n    μ ~ Normal(p.a, 1)\n    y ~ Normal(μ + sum(p.b), 1)\nend\n`;
    const outcome = run({ source, data: json({ y: 6 }), params: { μ: 0.5 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0.5, 1, 1), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(6, 5.5, 1), 12);
  });

  it('are passed to the model by the script\'s call, built in the model from parameters, and differentiated', () => {
    const source = `${PARAMS}@model function m(p, y)\n    μ ~ Normal(p.a, 1)\n    q = Params(μ, p.b .* μ)\n    (; a, b) = q\n    y ~ MvNormal(b .+ a, I)\n    return q\nend\nmodel = m(Params(0.0, [1.0, 2.0]), [0.5, 1.5])\n`;
    const outcome = run({ source, params: { μ: 0.5 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 1, 1) + normalLogpdf(1.5, 1.5, 1), 12);
    expect(outcome.value.generated).toEqual({ 'return.a': 0.5, 'return.b[1]': 0.5, 'return.b[2]': 1 });
    expectGradient(source, '{}');
  });

  it("choose a method by their annotation (`f(p::Params)`) beside another of the function's, and an outer constructor of the name", () => {
    const source = `${PARAMS}struct Other\n    a\nend\nscale(p::Params) = 2 * p.a\nscale(o::Other) = 10 * o.a\nParams(a) = Params(a, [0.0])\n@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ Normal(μ + scale(Params(1.0)) + scale(Other(0.5)), 1)\nend\n`;
    expect(run({ source, data: json({ y: 7 }), params: { μ: 0 } }).value.loglikelihood).toBeCloseTo(normalLogpdf(7, 7, 1), 12);
  });

  it('are `isa` their type and no other, `typeof` names it and `fieldnames` lists its fields, as Julia says', () => {
    const holds = ['p isa Params', '!(p isa NamedTuple)', '!(1.0 isa Params)', 'typeof(p) == Params', 'typeof(p) <: Params', '!(p isa Real)', 'Params <: Any',
      'fieldnames(Params) == (:a, :b)', 'fieldnames(typeof(p)) == (:a, :b)', 'getfield(p, :a) == 1.0', 'propertynames(p) == (:a, :b)'];
    const source = `${PARAMS}p = Params(1.0, [2.0])\n@model function m(y)\n    μ ~ Normal(0, 1)\n${holds.map((h) => `    @assert ${h}\n`).join('')}    y ~ Normal(μ, 1)\nend\n`;
    expect(run({ source, data: json({ y: 0 }), params: { μ: 0 } }).value.parameters).toHaveLength(1);
  });

  it('take type parameters, which are dropped as the fields\' types are: `P{Float64}(…)`, `f(x::P{T}) where {T}`, `x isa P{Float64}`', () => {
    const source = 'struct P{T<:Real}\n    a::T\nend\nf(x::P{T}) where {T} = 2 * x.a\nq = P{Float64}(1.0)\n@model function m()\n    @assert q isa P{Float64}\n    x ~ Normal(f(q) + f(P(1.5)), 1)\nend\n';
    expect(run({ source, params: { x: 0 } }).value.logprior).toBeCloseTo(normalLogpdf(0, 5, 1), 12);
  });

  it("Base's `@kwdef` (Parameters.jl's `@with_kw`) makes them by keyword, a field left out taking its default, which reads the fields before it", () => {
    const source = (macro: string) =>
      `using Parameters\n${macro} struct P\n    a::Float64 = 1.0\n    b = [a, 2a]\n    c::Int\nend\np = P(c = 3)\n@model function m()\n    r = P(a = 2.0, c = 0)\n    x ~ Normal(sum(p.b) + p.c + sum(r.b) + P(1.0, [1.0], 1).a, 1)\nend\n`;
    for (const macro of ['Base.@kwdef', '@kwdef', '@with_kw']) {
      expect(run({ source: source(macro), params: { x: 0 } }).value.logprior, macro).toBeCloseTo(normalLogpdf(0, 3 + 3 + 6 + 1, 1), 12);
    }
    const first = (line: string) => {
      const outcome = checkModel({ source: source('@kwdef').replace('x ~ Normal(', `${line}\n    x ~ Normal(`) });
      return outcome.ok ? undefined : outcome.diagnostics[0]!.message;
    };
    expect(first('    P(a = 1.0)')).toBe('`P(; …)` needs `c`, which has no default');
    expect(first('    P(c = 1, d = 2)')).toBe('P has no field d (it has a, b, c)');
    // Without the macro, a default is no field: Julia refuses it too.
    expect(parse('struct P\n    a = 1.0\nend\n').diagnostics.map((d) => d.message.split(':')[0])).toEqual(['`struct P`']);
  });

  it('`mutable struct` defines one too, whose fields are read; writing one is refused with what to write', () => {
    const source = (line: string) => `mutable struct Box\n    const n::Int\n    x::Float64\nend\n@model function m(y)\n    μ ~ Normal(0, 1)\n    b = Box(2, μ)\n${line}    y ~ Normal(b.x * b.n, 1)\nend\n`;
    expect(run({ source: source(''), data: json({ y: 1 }), params: { μ: 0.5 } }).value.loglikelihood).toBeCloseTo(normalLogpdf(1, 1, 1), 12);
    const refused = checkModel({ source: source('    b.x = 1.0\n'), data: json({ y: 1 }) });
    expect(refused.ok ? [] : refused.diagnostics.map((d) => [d.line, d.message.split(':')[0]])).toEqual([[8, 'assigning to a field (`b.x = …`) is not supported']]);
  });

  it('say what is wrong: a field it lacks, a constructor given too few values, an inner constructor, an abstract supertype', () => {
    const model = (body: string) => `${PARAMS}@model function m(y)\n    μ ~ Normal(0, 1)\n${body}\n    y ~ Normal(μ, 1)\nend\n`;
    const first = (source: string) => {
      const outcome = checkModel({ source, data: json({ y: 0 }) });
      return outcome.ok ? undefined : outcome.diagnostics[0]!.message;
    };
    expect(first(model('    c = Params(1.0, [1.0]).c'))).toBe('Params has no field c (it has a, b)');
    expect(first(model('    q = Params(1.0)'))).toBe('`Params(a, b)` takes 2 arguments, one a field; got 1');
    expect(first(model('    q = Params(1.0, [1.0]) + 1'))).toBe('`+` is not defined for a Params (a, b) and the integer 1');
    expect(parse('struct P\n    a\n    P() = new(1)\nend\n').diagnostics.map((d) => d.message)).toEqual(['`struct P`: Tilde reads a struct\'s fields (`μ::T`), not inner constructors or other code: write a constructor outside it, `P(μ) = P(μ, 1.0)`']);
    expect(first('abstract type Shape end\nstruct Circle <: Shape\n    r\nend\n@model m() = x ~ Normal()\n')).toBe('`abstract type` definitions are not supported in models');
    expect(first('struct Circle <: Shape\n    r\nend\n@model m() = x ~ Normal()\n')).toMatch(/^`struct Circle <: Shape`: Tilde has the file's plain structs and distribution types, not abstract types of its own/);
  });

  it("refuse for a field declared a number type what Julia cannot convert to it (1.5 to an Int: InexactError), where the value was kept", () => {
    const source = (make: string) => `@kwdef struct S\n    a::Float64 = 1.0\n    n::Base.Int = 2\n    k::T\nend\n@model function m()\n    s = ${make}\n    x ~ Normal(s.a + s.n, 1)\nend\n`;
    const first = (make: string) => {
      const outcome = checkModel({ source: source(make) });
      return outcome.ok ? undefined : outcome.diagnostics[0]!.message;
    };
    expect(first('S(1, 3, 0.5)')).toBeUndefined();
    expect(run({ source: source('S(1, 3.0, 0.5)'), params: { x: 0 } }).value.logprior).toBeCloseTo(normalLogpdf(0, 4, 1), 12);
    for (const make of ['S(1.0, 1.5, 0)', 'S(n = 1.5, k = 0)']) expect(first(make), make).toMatch(/^`S`'s field `n` is declared `::Int`, and 1.5 is not an integer \(Julia throws InexactError\)/);
    expect(first('S(true, 3, 0.5)')).toBeUndefined();
    expect(first('S([1.0, 2.0], 3, 0)')).toBe("`S`'s field `a` is declared `::Float64`, and it was given a vector of length 2, which Julia cannot convert to one");
  });

  it('are refused when Julia refuses them: a field named twice, a name defined again with other fields (the same definition again is no change)', () => {
    const messages = (source: string) => parse(source).diagnostics.map((d) => [d.line, d.message]);
    expect(messages('struct P\n    a::Float64\n    a::Int\nend\n')).toEqual([[3, '`struct P` has two fields named `a`: give each field its own name']]);
    expect(messages('struct P\n    a::Float64\nend\nstruct P\n    b\nend\n')).toEqual([[4, '`struct P` is defined twice, with fields (a::Float64) and then (b): Julia refuses to redefine a struct; give one of them another name']]);
    expect(messages('struct P\n    a::Float64\nend\nstruct P\n    a::Float64\nend\n')).toEqual([]);
  });
});
