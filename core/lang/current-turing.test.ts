import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/** Models as the docs of Turing 0.40–0.42 (DynamicPPL 0.37–0.39) write them, where the syntax changed. */

describe('Turing 0.40+ model syntax', () => {
  it('`@addlogprob! (; logprior = a, loglikelihood = b)` adds each to its own term, and a bare number to the likelihood', () => {
    const source =
      '@model function demo(x)\n    μ ~ Normal()\n    @addlogprob! (; logprior = logpdf(Normal(), μ), loglikelihood = loglikelihood(Normal(μ), x))\n    @addlogprob! -0.5\nend\n';
    const outcome = run({ source, data: json({ x: [1, 2] }), params: { μ: 0.3 } });
    expect(outcome.value.logprior).toBeCloseTo(2 * normalLogpdf(0.3, 0, 1), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(1, 0.3, 1) + normalLogpdf(2, 0.3, 1) - 0.5, 12);
    const priorOnly = run({ source: source.replace(', loglikelihood = loglikelihood(Normal(μ), x)', ''), data: json({ x: [1, 2] }), params: { μ: 0.3 } });
    expect(priorOnly.value.loglikelihood).toBeCloseTo(-0.5, 12);
    expectGradient(source, JSON.stringify({ x: [1, 2] }));
  });

  it('`@addlogprob!` with a named tuple of any other field says which fields Turing takes', () => {
    const source = '@model function demo()\n    μ ~ Normal()\n    @addlogprob! (; lp = -1.0)\nend\n';
    const outcome = checkModel({ source, data: json({}) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toEqual([
      '`@addlogprob!` with a named tuple takes the fields `logprior` and `loglikelihood`, as in Turing, not `lp`',
    ]);
  });
});
