import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel, type CheckRequest } from './index.js';
import { checked, jsonData as json, normalLogpdf } from './testing.js';

/**
 * Julia's destructuring assignments: `a, b = x` (with `_` discarding and `rest...` slurping, Julia 1.9),
 * nested tuples, and `(; a, b) = x` reading fields by name (Julia 1.7), in models, helper functions and loops.
 */

/** The `:=` quantities of a model `m(x)` with x = [1, -2, 3] and the parameter μ = 0.5. */
function generated(body: string, before = ''): Record<string, number> {
  const source = `${before}@model function m(x)\n    μ ~ Normal(0, 1)\n${body}\nend\n`;
  return checked({ source, data: json({ x: [1, -2, 3] }), params: { μ: 0.5 } }).value.generated;
}

function firstError(req: CheckRequest) {
  const outcome = checkModel(req);
  if (outcome.ok) throw new Error('expected the check to fail');
  const d = outcome.diagnostics.find((x) => x.severity === 'error')!;
  return { message: d.message, line: d.line, column: d.column, text: req.source.slice(d.from, d.to) };
}

const failing = (body: string) => firstError({ source: `@model function m(x)\n    μ ~ Normal(0, 1)\n${body}\nend\n`, data: json({ x: [1, -2, 3] }) });

describe('destructuring by field name: `(; a, b) = x`', () => {
  it('binds each name to the field of that name, in a model and in a helper function', () => {
    const before = 'function spread(p)\n    (; lo, hi) = p\n    return hi - lo\nend\n';
    const g = generated('    p = (hi = 5.0, lo = 1.0, μ = μ)\n    (; μ, lo) = p\n    r := μ + lo + spread(p)', before);
    expect(g['r']).toBe(0.5 + 1 + 4);
  });

  it('reads the fields of any value that has them: `(; L) = cholesky(Σ)`', () => {
    expect(generated('    (; L) = cholesky([4.0 2.0; 2.0 5.0])\n    r := L[2, 1] + L[1, 2]')['r']).toBe(1);
  });

  it('in a `let`, and as a loop variable', () => {
    const g = generated('    t = 0.0\n    for (; a, b) in [(a = 1, b = 2), (b = 10, a = 20)]\n        t += a * b\n    end\n    r := t\n    s = 0\n    let (; a) = (a = 7,)\n        s = a\n    end\n    u := s');
    expect([g['r'], g['u']]).toEqual([202, 7]);
  });

  it('is the right side’s value when it ends a function', () => {
    const before = 'function last_fields(p)\n    (; a) = p\nend\n';
    expect(generated('    r := last_fields((a = 1, b = 2)).b', before)['r']).toBe(2);
  });

  it('a missing field names itself and the fields there are, at the destructuring', () => {
    const e = failing('    (; a, c) = (a = 1, b = 2)');
    expect([e.message, e.line, e.text]).toEqual(['the named tuple has no field c (it has a, b)', 3, '(; a, c)']);
  });
});

describe('destructuring a tuple', () => {
  it('`_` discards, and cannot be read', () => {
    expect(generated('    a, _ = extrema(x)\n    _, b = extrema(x)\n    r := a + 10b')['r']).toBe(-2 + 30);
    expect(failing('    a, _ = extrema(x)\n    r := _').message).toBe('`_` is not defined');
  });

  it('the last name takes the rest: a vector stays a vector, a tuple a tuple, a named tuple a named tuple', () => {
    const g = generated(
      '    first, rest... = x\n    u, v... = (1, 2, 3)\n    p, q... = (a = 1, b = 2, c = 3)\n    i, j... = 1:4\n    r := first + 10 * sum(rest) + 100 * length(v) + 1000 * q.c + 10000 * sum(j)\n    s := (v == (2, 3)) + 10 * (q == (b = 2, c = 3)) + 100 * (rest == [-2, 3])',
    );
    expect([g['r'], g['s']]).toEqual([1 + 10 + 200 + 3000 + 90000, 111]);
  });

  it('nested, in assignments and in loops', () => {
    const g = generated('    (a, b), c = (1, 2), 3\n    t = 0\n    for (i, (k, w)) in enumerate(zip(x, x))\n        t += i * k * w\n    end\n    r := 100a + 10b + c\n    s := t');
    expect([g['r'], g['s']]).toEqual([123, 1 + 8 + 27]);
  });

  it('too few values for the names is an error at the target', () => {
    const e = failing('    a, b, c, d = x');
    expect([e.message, e.line, e.text]).toEqual(['cannot unpack a vector of length 3 into 4 names', 3, 'a, b, c, d']);
  });
});

describe('destructuring as a Turing user pastes it', () => {
  const source = `using Turing, Statistics

function standardize(x)
    μ, σ = mean(x), std(x)
    return (; z = (x .- μ) ./ σ, μ, σ)
end

@model function regression(x, y)
    (; z) = standardize(x)
    α ~ Normal(0, 2)
    β ~ Normal(0, 2)
    σ ~ Exponential(1)
    coefs = (; α, β, scale = σ)
    (; α, β, scale) = coefs
    intercept, slopes... = [α, β]
    y ~ MvNormal(intercept .+ slopes[1] .* z, scale^2 * I)
end
`;
  const data = { x: [1.0, 2.0, 4.0], y: [0.5, 1.1, 2.3] };

  it('computes what the plain model computes', () => {
    const params = { α: 0.2, β: 0.7, σ: 0.9 };
    // mean(x) = 7/3, and so is var(x).
    const z = data.x.map((v) => (v - 7 / 3) / Math.sqrt(7 / 3));
    const expected = data.y.reduce((s, y, k) => s + normalLogpdf(y, 0.2 + 0.7 * z[k]!, 0.9), 0);
    expect(checked({ source, data: json(data), params }).value.loglikelihood).toBeCloseTo(expected, 12);
  });

  it('differentiates on every backend', () => {
    expectGradient(source, JSON.stringify(data));
  });
});
