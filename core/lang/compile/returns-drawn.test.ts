import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';

/** Whether the model's return value is left out of its generated quantities. */
function returnsDrawn(body: string): boolean | undefined {
  const { models, diagnostics } = compile(`@model function m(y, x)\n${body}\nend\n`);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return models[0]!.returnsDrawnValue;
}

describe('returnsDrawnValue', () => {
  it('holds where every return is a ~ left side: return y ~ …, a final ~, return θ, a final loop of ~', () => {
    expect(returnsDrawn('    μ ~ Normal()\n    return y ~ Normal(μ, 1)')).toBe(true);
    expect(returnsDrawn('    μ ~ Normal()\n    y ~ Normal(μ, 1)')).toBe(true);
    expect(returnsDrawn('    θ ~ filldist(Normal(), 2)\n    y ~ MvNormal(θ, I)\n    return θ')).toBe(true);
    expect(returnsDrawn('    μ ~ Normal()\n    for i in eachindex(y)\n        y[i] ~ Normal(μ, 1)\n    end')).toBe(true);
    expect(returnsDrawn('    μ ~ Normal()\n    if x > 0\n        return y ~ Normal(μ, 1)\n    else\n        y ~ Normal(-μ, 1)\n    end')).toBe(true);
    // A benchmark's IRT model ends `return (; theta, beta)`: its summary listed every θ twice, with each warning twice.
    expect(returnsDrawn('    θ ~ filldist(Normal(), 2)\n    s ~ Exponential()\n    y ~ MvNormal(θ, s^2 * I)\n    return (; θ, s)')).toBe(true);
    expect(returnsDrawn('    θ ~ filldist(Normal(), 2)\n    s ~ Exponential()\n    y ~ MvNormal(θ, s^2 * I)\n    return θ[1], s')).toBe(true);
  });

  it('holds where a return repeats a `:=`, which has its column already: `z := …; return z`, `return z := …`', () => {
    expect(returnsDrawn('    μ ~ Normal()\n    z := 2μ\n    return z')).toBe(true);
    expect(returnsDrawn('    μ ~ Normal()\n    return z := 2μ')).toBe(true);
    expect(returnsDrawn('    μ ~ Normal()\n    z := 2μ\n    return (; μ, z)')).toBe(true);
    expect(returnsDrawn('    μ ~ Normal()\n    z := 2μ\n    return z + 1')).toBeUndefined();
  });

  it('does not where the model returns a value of its own, on any path', () => {
    expect(returnsDrawn('    μ ~ Normal()\n    y ~ Normal(μ, 1)\n    return (; μ2 = μ^2)')).toBeUndefined();
    expect(returnsDrawn('    μ ~ Normal()\n    y ~ Normal(μ, 1)\n    return (; μ, μ2 = μ^2)')).toBeUndefined();
    expect(returnsDrawn('    μ ~ Normal()\n    y ~ Normal(μ, 1)\n    2μ')).toBeUndefined();
    expect(returnsDrawn('    μ ~ Normal()\n    x > 0 && return μ + 1\n    y ~ Normal(μ, 1)')).toBeUndefined();
  });
});
