import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel, type CheckRequest } from './index.js';

/**
 * Named tuples as Turing models use them: records of parameters passed around and read back by field,
 * and `return (; μ, σ)`, whose fields become generated quantities named `return.μ`, `return.σ`.
 */

const json = (text: string) => ({ text, format: 'json' as const });
const normal = (x: number, m: number, s: number) => -0.5 * Math.log(2 * Math.PI) - Math.log(s) - (0.5 * (x - m) ** 2) / s ** 2;

function ok(req: CheckRequest) {
  const outcome = checkModel(req);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return outcome.value;
}

function firstError(req: CheckRequest) {
  const outcome = checkModel(req);
  if (outcome.ok) throw new Error('expected the check to fail');
  const d = outcome.diagnostics.find((x) => x.severity === 'error')!;
  return { message: d.message, line: d.line, column: d.column, text: req.source.slice(d.from, d.to) };
}

describe('named tuples in models', () => {
  it('are built in every form and read by field, by position, by destructuring, by iteration and by splatting', () => {
    const source = [
      'spread(θ) = 2 * θ.σ',
      '',
      '@model function records(x)',
      '    μ ~ Normal(0, 1)',
      '    σ ~ Exponential(1)',
      '    p = (a = μ, b = σ)',
      '    q = (; μ, σ, c = p.a + 1)',
      '    r = (; p.b)',
      '    s = (z = 1,)',
      '    u, v = q',
      '    total = 0.0',
      '    for w in q',
      '        total += w',
      '    end',
      '    x[1] ~ Normal(q[end] - s[1] - u, v)',
      '    x[2] ~ Normal(total, spread(q))',
      '    x[3] ~ Normal(p...)',
      '    checks := (p == (a = μ, b = σ)) + 10 * (p == (b = σ, a = μ)) + 100 * length(q) + r.b',
      '    return (; μ, σ)',
      'end',
    ].join('\n');
    const r = ok({ source, data: json('{"x": [0.5, 1.0, -0.2]}'), params: { μ: 0.3, σ: 1.5 } });
    // q = (μ, σ, μ + 1): its last field minus s.z minus μ is 0; its sum is 2μ + σ + 1.
    expect(r.loglikelihood).toBeCloseTo(normal(0.5, 0, 1.5) + normal(1.0, 2 * 0.3 + 1.5 + 1, 3) + normal(-0.2, 0.3, 1.5), 12);
    // `return (; μ, σ)` only repeats the parameters: not generated quantities of its own (see returns-drawn.ts).
    expect(r.generated).toEqual({ checks: 1 + 300 + 1.5 });
  });

  it('returned with an array field: each element is a generated quantity under the field’s name', () => {
    const source = [
      '@model function linreg(X, y)',
      '    β ~ filldist(Normal(0, 1), 2)',
      '    σ ~ Exponential(1)',
      '    y ~ MvNormal(X * β, σ^2 * I)',
      '    return (μ = sum(β), σ = σ, yhat = X * β)',
      'end',
    ].join('\n');
    const r = ok({ source, data: json('{"X": [[1, 2], [3, 4], [5, 6]], "y": [1, 2, 3]}'), params: { β: [0.5, -1], σ: 2 } });
    expect(r.generated).toEqual({ 'return.μ': -0.5, 'return.σ': 2, 'return.yhat[1]': -1.5, 'return.yhat[2]': -2.5, 'return.yhat[3]': -3.5 });
  });

  it('returned from a submodel, are read by field in the outer model', () => {
    const source = [
      '@model function location()',
      '    m ~ Normal(0, 1)',
      '    return (; m, twice = 2m)',
      'end',
      '@model function outer(x)',
      '    loc ~ to_submodel(location())',
      '    x ~ Normal(loc.twice, 1)',
      'end',
    ].join('\n');
    const r = ok({ source, data: json('{"x": 0.4}'), params: { 'loc.m': 0.25 } });
    expect(r.loglikelihood).toBeCloseTo(normal(0.4, 0.5, 1), 12);
  });

  it('a missing field is an error that names it, the fields there are, and the place', () => {
    const source = '@model function m(x)\n    μ ~ Normal(0, 1)\n    θ = (; μ, σ = 1.0)\n    x ~ Normal(θ.mu, θ.σ)\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect(e.message).toBe('the named tuple has no field mu (it has μ, σ)');
    expect([e.line, e.column, e.text]).toEqual([4, 16, 'θ.mu']);
  });

  it('their keys are Symbols: keys, propertynames, haskey, get, getproperty, `nt[:a]`, and merge, as in Julia', () => {
    const source = [
      '@model function records(x)',
      '    μ ~ Normal(0, 1)',
      '    σ ~ Exponential(1)',
      '    θ = (; μ, σ)',
      '    defaults = (ν = 4.0, σ = 1.0)',
      '    opts = merge(defaults, θ)',
      '    n = 0',
      '    for k in keys(θ)',
      '        n += haskey(opts, k)',
      '    end',
      '    checks := n + 10 * length(propertynames(opts)) + 100 * haskey(θ, :ν) + 1000 * (keys(opts) == (:ν, :σ, :μ)) + 10000 * (:a == :a) + 100000 * (:a in keys(θ))',
      '    x[1] ~ Normal(θ[:μ], getproperty(opts, :σ))',
      '    x[2] ~ TDist(get(opts, :ν, 1.0))',
      '    x[3] ~ Normal(get(θ, :τ, 0.5), opts[2])',
      'end',
    ].join('\n');
    const r = ok({ source, data: json('{"x": [0.5, 1.0, -0.2]}'), params: { μ: 0.3, σ: 1.5 } });
    // TDist(4): Γ(5/2) / (√(4π) Γ(2)) = 3/8.
    const t4 = (v: number) => Math.log(3 / 8) - 2.5 * Math.log(1 + (v * v) / 4);
    expect(r.loglikelihood).toBeCloseTo(normal(0.5, 0.3, 1.5) + t4(1.0) + normal(-0.2, 0.5, 1.5), 12);
    expect(r.generated).toEqual({ checks: 2 + 30 + 1000 + 10000 });
  });

  it('a Symbol where none is expected, or a key of the wrong kind, says so', () => {
    const failing = (line: string) => firstError({ source: `@model function m(x)\n    θ = (a = 1.0,)\n    ${line}\n    x ~ Normal(0, 1)\nend\n`, data: json('{"x": 1.0}') });
    expect(failing('y = haskey(θ, 1)').message).toBe('haskey reads a named tuple\'s field by its Symbol, as in `:a`, got the integer 1');
    expect(failing('y = θ[:b]').message).toBe('the named tuple has no field b (it has a)');
    expect(failing('y = merge(θ, (1, 2))').message).toBe('merge needs named tuples, got a tuple of 2');
    expect(failing('y = x + :a')).toMatchObject({ message: '`+` is not defined for the integer 1 and the Symbol :a', line: 3, text: 'x + :a' });
  });

  it('carry AD values through merge, getproperty and `nt[:a]` on every backend', () => {
    const source = [
      '@model function g(x)',
      '    μ ~ Normal(0, 1)',
      '    σ ~ Exponential(1)',
      '    opts = merge((σ = 1.0, shift = 0.0), (; σ, shift = μ / 2))',
      '    x[1] ~ Normal(opts[:shift] + μ, getproperty(opts, :σ))',
      '    x[2] ~ Normal(get(opts, :shift, 0.0), opts.σ)',
      'end',
    ].join('\n');
    expectGradient(source, '{"x": [0.3, -1.2]}');
  });

  it('values(nt) is a tuple of the values in order', () => {
    const source = '@model function m(x)\n    μ ~ Normal(0, 1)\n    a, b = values((; μ, s = 2.0))\n    x ~ Normal(a, b)\nend\n';
    expect(ok({ source, data: json('{"x": 1.0}'), params: { μ: 0.5 } }).loglikelihood).toBeCloseTo(normal(1, 0.5, 2), 12);
  });

  it('map over named tuples keeps the names, and needs the same names in the same order', () => {
    const source = (b: string) => `add(u, v) = u + v\n@model function m(x)\n    μ ~ Normal(0, 1)\n    t = map(add, (a = μ, s = 1.0), ${b})\n    x ~ Normal(t.a, t.s)\nend\n`;
    expect(ok({ source: source('(a = 0.5, s = 1.0)'), data: json('{"x": 1.0}'), params: { μ: 0.25 } }).loglikelihood).toBeCloseTo(normal(1, 0.75, 2), 12);
    expect(firstError({ source: source('(s = 1.0, a = 0.5)'), data: json('{"x": 1.0}') }).message).toBe(
      'map over named tuples needs the same field names in the same order, got a named tuple (a, s) and a named tuple (s, a)',
    );
    expect(firstError({ source: source('(0.5, 1.0)'), data: json('{"x": 1.0}') }).message).toBe('map cannot mix a named tuple with a tuple of 2');
  });

  it('carry AD values: every backend differentiates a model that reads its parameters back from a named tuple', () => {
    const source = [
      'scale(θ) = θ.σ * θ.w[2]',
      '',
      '@model function g(x)',
      '    μ ~ Normal(0, 1)',
      '    σ ~ truncated(Normal(0, 2); lower = 0)',
      '    w ~ Dirichlet(3, 1.0)',
      '    θ = (; μ, σ, w)',
      '    m, s = θ',
      '    total = 0.0',
      '    for v in (a = μ, b = σ)',
      '        total += v',
      '    end',
      '    x[1] ~ Normal(θ.μ + θ[3][1], scale(θ))',
      '    x[2] ~ Normal(m * total, s + θ[end][3])',
      '    return (; θ.μ, spread = s)',
      'end',
    ].join('\n');
    expectGradient(source, '{"x": [0.3, -1.2]}');
  });
});
