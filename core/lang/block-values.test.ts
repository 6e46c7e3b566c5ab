import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/** `if`, `begin` and `let` where a value goes, as Julia evaluates them: the value of the last statement run. */

const lik = (source: string, μ: number) => run({ source, data: json({ y: 1.0 }), params: { μ } }).value.loglikelihood;
const model = (body: string) => `@model function m(y)\n    μ ~ Normal(0, 1)\n${body}\n    y ~ Normal(m, 1)\nend\n`;

describe('blocks used as values', () => {
  it('`y = if … elseif … else … end` takes the branch that runs, and assigns in the enclosing scope', () => {
    const source = model('    m = if μ > 1\n        2μ\n    elseif μ > 0\n        t = μ + 1\n        t * 3\n    else\n        -μ\n    end');
    expect(lik(source, 0.5)).toBeCloseTo(normalLogpdf(1, 4.5, 1), 12);
    expect(lik(source, 2)).toBeCloseTo(normalLogpdf(1, 4, 1), 12);
    expect(lik(source, -0.5)).toBeCloseTo(normalLogpdf(1, 0.5, 1), 12);
    expectGradient(source, JSON.stringify({ y: 1.0 }), undefined, { compiledRefuses: /a comparison \(`>`\) depends on a parameter's value/ });
    // `t` is assigned in the branch that ran and read after the `if`, as in Julia.
    expect(lik(model('    m = if μ > 0\n        t = 3\n        μ\n    else\n        t = 4\n        -μ\n    end + t'), 0.5)).toBeCloseTo(normalLogpdf(1, 3.5, 1), 12);
  });

  it('an `if` with no branch run is `nothing`; one-line `if c a else b end` and an `if` inside a call work too', () => {
    const source = model('    w = if μ > 100\n        1.0\n    end\n    m = (w === nothing ? 2 : 0) + max(if μ > 0 μ else 0.0 end, 0.1)');
    expect(lik(source, 0.5)).toBeCloseTo(normalLogpdf(1, 2.5, 1), 12);
    expect(lik(source, -0.5)).toBeCloseTo(normalLogpdf(1, 2.1, 1), 12);
  });

  it('`let` binds in a scope of its own; `begin` in the enclosing one', () => {
    const source = model('    a = 10\n    z = let a = 2μ\n        a^2\n    end\n    v = begin\n        q = 3\n        q + 1\n    end\n    m = z + v + a + q');
    expect(lik(source, 0.5)).toBeCloseTo(normalLogpdf(1, 1 + 4 + 10 + 3, 1), 12);
    expectGradient(source, JSON.stringify({ y: 1.0 }));
  });

  it('a loop inside takes its own `break` and `continue`; a helper function may be an `if`', () => {
    const source = `f(x) = if x > 0 x else -x end\n${model('    s = begin\n        t = 0.0\n        for i in 1:4\n            i == 2 && continue\n            i == 4 && break\n            t += i * μ\n        end\n        t\n    end\n    m = s + f(-2)')}`;
    expect(lik(source, 0.5)).toBeCloseTo(normalLogpdf(1, 4 * 0.5 + 2, 1), 12);
  });

  it('an assignment in parentheses is its value, `(a; b)` is b\'s, and `a = b = c` assigns both, as in Julia', () => {
    const source = model('    a = (b = 2μ) + 1\n    k = [0.0]\n    z = (k[1] += 1)\n    c = (k[1] += 2; b)\n    x = w = 3\n    m = a + b + z + c + k[1] + x + w');
    // a = 2μ + 1, b = 2μ, z = 1, c = 2μ, k[1] = 3, x = w = 3.
    expect(lik(source, 0.5)).toBeCloseTo(normalLogpdf(1, 2 + 1 + 1 + 1 + 3 + 6, 1), 12);
    expectGradient(source, JSON.stringify({ y: 1.0 }));
  });

  it('a helper function counts with `(pos += 1)` inside an index', () => {
    const source = `function second(v)\n    pos = 0\n    (pos += 1)\n    return v[(pos += 1)]\nend\n${model('    m = second([μ, 3μ, 5μ])')}`;
    expect(lik(source, 0.5)).toBeCloseTo(normalLogpdf(1, 1.5, 1), 12);
  });
});
