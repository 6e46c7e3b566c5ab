import { describe, expect, it } from 'vitest';
import { checkModel, type CheckRequest } from './index.js';

/** The `:=` quantities of a model with no parameters of its own beyond `m`, run on `x = [1, -2, 3]`. */
function generated(source: string): Record<string, number> {
  const outcome = checkModel({ source, data: { text: '{"x": [1.0, -2.0, 3.0]}', format: 'json' }, params: { m: 0.5 } });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return outcome.value.generated;
}

const model = (body: string, before = ''): string => `${before}@model function demo(x)\n    m ~ Normal(0, 1)\n${body}\nend\n`;

/** The first error of a check that must fail, with the text it points at. */
function firstError(req: CheckRequest) {
  const outcome = checkModel(req);
  if (outcome.ok) throw new Error('expected the check to fail');
  const d = outcome.diagnostics.find((x) => x.severity === 'error')!;
  return { message: d.message, line: d.line, column: d.column, text: req.source.slice(d.from, d.to) };
}

const failing = (source: string) => firstError({ source, data: { text: '{"x": [1.0, -2.0, 3.0]}', format: 'json' }, params: { m: 0.5 } });

describe('anonymous functions close over the scope they are created in', () => {
  it('reading the enclosing locals, the model arguments, parameters and top-level constants', () => {
    const g = generated(model('    k = 2\n    r := sum(v -> k * v + m + c, x)', 'c = 100\n'));
    expect(g['r']).toBe(2 * 2 + 3 * 0.5 + 300);
  });

  it('capturing the variable, not its value: a later assignment is seen, as in Julia', () => {
    expect(generated(model('    a = 1\n    f = () -> a\n    a = 2\n    r := f()'))['r']).toBe(2);
  });

  it('nested: an anonymous function returning one', () => {
    const g = generated(model('    add = a -> b -> a + b\n    inc = add(1)\n    r := inc(2) + add(10)(20)\n    s := (g -> g(2))(v -> 10v)'));
    expect([g['r'], g['s']]).toEqual([33, 20]);
  });

  it('their parameters hide a global, a built-in and an enclosing local of the same name', () => {
    const g = generated(model('    k = 5\n    r1 := sum(x -> x + 1, [1, 2])\n    r2 := sum(mean -> 2mean, [1, 2])\n    r3 := sum(k -> k, [1, 2]) + k', 'x = 10\n'));
    expect([g['r1'], g['r2'], g['r3']]).toEqual([5, 6, 8]);
  });

  it('their parameters do not leak into the enclosing function', () => {
    const e = failing(model('    y = map(t -> t + 1, x)\n    z = t'));
    expect([e.message, e.line, e.column, e.text]).toEqual(['`t` is not defined', 4, 9, 't']);
  });

  it('a comprehension inside one binds its own variables', () => {
    const g = generated(model('    f = n -> sum([i^2 for i in 1:n])\n    r := f(3)'));
    expect(g['r']).toBe(14);
  });

  it('in a variable, called and broadcast: `f.(x, 2.0)`', () => {
    const g = generated(model('    f = (a, b) -> a * b + 1\n    r := sum(f.(x, 2.0))\n    s := f(2, 3)'));
    expect([g['r'], g['s']]).toEqual([4 + 3, 7]);
  });

  it('as a top-level constant, called inside the model', () => {
    expect(generated(model('    r := sq(3)', 'sq = v -> v^2\n'))['r']).toBe(9);
  });
});

describe('a loop that creates anonymous functions gives each iteration its own scope', () => {
  it('a function stored in each iteration sees that iteration’s variables after the loop', () => {
    const g = generated(model('    fs = []\n    for i in 1:3\n        j = 10i\n        push!(fs, () -> i + j)\n    end\n    r := fs[1]() + fs[3]() / 100'));
    expect(g['r']).toBe(11 + 0.33);
  });

  it('also from an inner loop', () => {
    const g = generated(model('    fs = []\n    for i in 1:2, j in 1:2\n        push!(fs, () -> 10i + j)\n    end\n    r := fs[1]() + fs[2]() + fs[3]() + fs[4]()'));
    expect(g['r']).toBe(11 + 12 + 21 + 22);
  });

  it('while a variable of the enclosing scope stays shared between iterations', () => {
    const g = generated(model('    total = 0\n    fs = []\n    for i in 1:3\n        total += i\n        push!(fs, () -> total)\n    end\n    r := fs[1]()'));
    expect(g['r']).toBe(6);
  });
});

describe('anonymous functions in helper functions', () => {
  it('returned from one, with its argument captured', () => {
    const before = 'function adder(a)\n    return v -> v + a\nend\n';
    expect(generated(model('    add5 = adder(5)\n    r := add5(1) + adder(10)(1)', before))['r']).toBe(17);
  });

  it('passed to one and called there', () => {
    const before = 'apply_twice(f, v) = f(f(v))\nfunction total(f, xs)\n    s = 0.0\n    for v in xs\n        s += f(v)\n    end\n    return s\nend\n';
    const g = generated(model('    r := apply_twice(v -> 3v, 1)\n    s := total(v -> v^2, x)', before));
    expect([g['r'], g['s']]).toEqual([9, 14]);
  });
});

describe('calling an anonymous function wrongly', () => {
  it('with the wrong number of arguments names it, both counts and the call', () => {
    const e = failing(model('    f = (a, b) -> a * b + 1\n    y = f(1)'));
    expect([e.message, e.line, e.column, e.text]).toEqual(['`(a, b) -> a * b + 1` takes 2 arguments, got 1', 4, 9, 'f(1)']);
    expect(failing(model('    y = map(() -> 1.0, x)')).message).toBe('`() -> 1.0` takes 0 arguments, got 1');
  });

  it('with keyword arguments, which it has none of', () => {
    expect(failing(model('    f = v -> v\n    y = f(1; k = 2)')).message).toBe('`v -> v` takes no keyword arguments, got `k`');
  });

  it('defined with a parameter twice', () => {
    const e = failing(model('    y = map((t, t) -> t, x, x)'));
    expect([e.message, e.text]).toEqual(['`t` is a parameter of this anonymous function more than once', 't']);
  });
});

describe('operators as function values', () => {
  it('mean what the operator means, with Julia’s arities', () => {
    const g = generated(model('    plus = (+)\n    r := plus(1, 2, 3)\n    s := mapreduce(v -> v^2, +, x)\n    t := mapreduce(abs, *, x)\n    u := (-)(5) + (-)(5, 1)\n    lt = (<)\n    w := count(v -> lt(v, 0), x)'));
    expect([g['r'], g['s'], g['t'], g['u'], g['w']]).toEqual([6, 14, 6, -1, 1]);
  });

  it('every operator the parser reads as a value names a function', () => {
    const operators = ['+', '-', '*', '/', '\\', '^', '%', '÷', '&', '|', '!', '==', '!=', '≠', '<', '>', '<=', '>=', '≤', '≥'];
    expect(generated(model(`    n := length([${operators.map((op) => `(${op})`).join(', ')}])`))['n']).toBe(operators.length);
  });
});
