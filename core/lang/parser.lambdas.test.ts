import { describe, expect, it } from 'vitest';
import { parse } from './index.js';
import { printStmt } from './print.js';

/** The statements of a model whose body is `body`, parsed without errors, printed. */
function stmt(body: string): string {
  const { program, diagnostics } = parse(`@model function m(x)\n${body}\nend`);
  expect(diagnostics).toEqual([]);
  return (program?.definitions[0]?.body ?? []).map(printStmt).join('\n');
}

/** The errors of a model whose body is `body`: line, column and message. */
function errors(body: string): [number, number, string][] {
  return parse(`@model function m(x)\n${body}\nend\n`).diagnostics.map((d) => [d.line, d.column, d.message]);
}

describe('anonymous functions parse', () => {
  it('with one name, none, several, annotated, or a one-element tuple', () => {
    expect(stmt('f = x -> x + 1')).toBe('(= f (-> (tuple x) (+ x 1)))');
    expect(stmt('g = () -> 1.0')).toBe('(= g (-> (tuple) 1.0))');
    expect(stmt('f = (a, b) -> a * b + 1')).toBe('(= f (-> (tuple a b) (+ (* a b) 1)))');
    expect(stmt('f = (v::Real) -> 2v')).toBe('(= f (-> (tuple v) (* 2 v)))');
    expect(stmt('f = (a::Real, b) -> a')).toBe('(= f (-> (tuple a b) a))');
    expect(stmt('f = (a,) -> a')).toBe('(= f (-> (tuple a) a))');
    expect(stmt('f = v::Real -> v')).toBe('(= f (-> (tuple v) v))');
    // One argument destructured, as `filter(((k, v),) -> v > 1, d)` takes a Dict's pairs; `((k, v))` is two arguments, as in Julia.
    expect(stmt('f = ((k, v),) -> v')).toBe('(= f (-> (tuple (tuple k v)) v))');
    expect(stmt('f = (a, (b, c)) -> c')).toBe('(= f (-> (tuple a (tuple b c)) c))');
    expect(stmt('f = ((k, v)) -> v')).toBe('(= f (-> (tuple k v) v))');
  });

  it('binding loosest: a ternary, a comparison or `||` is the whole body', () => {
    expect(stmt('f = v -> v > 0 ? v : -v')).toBe('(= f (-> (tuple v) (? (cmp v > 0) v (- v))))');
    expect(stmt('f = v -> v < 0 || v > 1')).toBe('(= f (-> (tuple v) (|| (cmp v < 0) (cmp v > 1))))');
    expect(stmt('f = a -> b -> a + b')).toBe('(= f (-> (tuple a) (-> (tuple b) (+ a b))))');
  });

  it('ending at the comma or bracket of the call or literal around it', () => {
    expect(stmt('y = map(v -> v + 1, x)')).toBe('(= y (call map (-> (tuple v) (+ v 1)) x))');
    expect(stmt('m = mapreduce(i -> x[i], +, 1:3)')).toBe('(= m (call mapreduce (-> (tuple i) (ref x i)) + (: 1 3)))');
    expect(stmt('s = sort(x; by = v -> -v)')).toBe('(= s (call sort x (kw by (-> (tuple v) (- v)))))');
    expect(stmt('fs = [v -> v + i for i in 1:3]')).toBe('(= fs (comprehension (-> (tuple v) (+ v i)) (for i (: 1 3))))');
    expect(stmt('y = map(\n    v ->\n        v^2,\n    x)')).toBe('(= y (call map (-> (tuple v) (^ v 2)) x))');
  });

  it('inside `@.`, whose dots reach the body as in Julia', () => {
    expect(stmt('@. y = map(v -> v + 1, x)')).toBe('(.= y (call. map (-> (tuple v) (.+ v 1)) x))');
  });
});

describe('anonymous functions with statements parse', () => {
  it('a `do` block becomes the first argument of its call, as Julia lowers it', () => {
    expect(stmt('y = map(x) do v\n    v^2\nend')).toBe('(= y (call map (-> (tuple v) (block (^ v 2))) x))');
    expect(stmt('foreach(x) do\n    f()\nend')).toBe('(call foreach (-> (tuple) (block (call f))) x)');
    expect(stmt('y = map(a, b) do u, w\n    t = u * w\n    return t\nend')).toBe('(= y (call map (-> (tuple u w) (block (= t (* u w)) (return t))) a b))');
    expect(stmt('y = map(enumerate(x)) do (i, v)\n    i * v\nend')).toBe('(= y (call map (-> (tuple (tuple i v)) (block (* i v))) (call enumerate x)))');
    expect(stmt('s = sum(map(x) do v\n    v\nend)')).toBe('(= s (call sum (call map (-> (tuple v) (block v)) x)))');
  });

  it('`x -> begin … end` and `function (x) … end`, also inside brackets', () => {
    expect(stmt('f = v -> begin\n    w = 2v\n    w + 1\nend')).toBe('(= f (-> (tuple v) (block (= w (* 2 v)) (+ w 1))))');
    expect(stmt('f = function (a, b)\n    a + b\nend')).toBe('(= f (-> (tuple a b) (block (+ a b))))');
    expect(stmt('y = map(function(v)\n        v + 1\n    end, x)')).toBe('(= y (call map (-> (tuple v) (block (+ v 1))) x))');
    expect(stmt('y = map(v -> begin\n        w = v\n        w + 1\n    end, x)')).toBe('(= y (call map (-> (tuple v) (block (= w v) (+ w 1))) x))');
  });
});

describe('Symbols parse', () => {
  it('as `:name`, beside the bare `:` of an index and the `:` of a ternary', () => {
    expect(stmt('y = nt[:a] + x[:, 1][1]')).toBe('(= y (+ (ref nt :a) (ref (ref x : 1) 1)))');
    expect(stmt('k = c ? :a : :b')).toBe('(= k (? c :a :b))');
  });
});

describe('operators as function values', () => {
  it('stand alone before `,` or `)`', () => {
    expect(stmt('m = mapreduce(abs, *, x)')).toBe('(= m (call mapreduce abs * x))');
    expect(stmt('f = (-)')).toBe('(= f -)');
    expect(stmt('k = filter(!, x)')).toBe('(= k (call filter ! x))');
    expect(stmt('c = count(==, x, x)')).toBe('(= c (call count == x x))');
  });

  it('are still operators everywhere else', () => {
    expect(stmt('y = -x')).toBe('(= y (- x))');
    expect(stmt('y = f(-x, +1)')).toBe('(= y (call f (- x) (+ 1)))');
  });
});

describe('what an anonymous function cannot be', () => {
  it('its parameters are names', () => {
    expect(errors('g = (a + 1) -> a')).toEqual([[2, 6, 'the parameters of an anonymous function must be names or tuples of names, as in `x -> …`, `(a, b) -> …` or `((k, v),) -> …`']]);
  });

  it('its body is one expression: no `~`, no assignment', () => {
    expect(errors('map(i -> x[i] ~ Normal(), 1:2)')).toEqual([[2, 15, '`~` cannot appear inside an anonymous function: its body is one expression; write a `for` loop']]);
    expect(errors('f = i -> x[i] ~ Normal()')).toEqual([[2, 15, '`~` cannot appear inside an anonymous function: its body is one expression; write a `for` loop']]);
    expect(errors('map(v -> y = v, x)')).toEqual([[2, 12, 'an anonymous function’s body is one expression: assignments are not supported in it']]);
  });
});
