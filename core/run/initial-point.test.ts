import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { CompiledTapeError } from '../ad/index.js';
import { ModelError } from '../model/index.js';
import { sample } from './index.js';

function failure(source: string, data: Record<string, unknown>, ad?: string): ModelError | CompiledTapeError {
  const p = prepare({ source, data: { text: JSON.stringify(data), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  try {
    sample(p.value.model, p.value.args, { sampler: 'nuts' }, { draws: 10, warmup: 10, chains: 1, seed: 1, ...(ad ? { ad } : {}) });
  } catch (e) {
    if (e instanceof ModelError || e instanceof CompiledTapeError) return e;
    throw e;
  }
  throw new Error('sampling should have found no initial point');
}

describe('no initial point', () => {
  it('names the statement whose log density was not finite, with its place, and says initial values can start elsewhere when the data is possible', () => {
    // p rounds to 0 or 1 for every start, as posteriordb's dogs_log with Turing's Uniform(0, 100) prior: a Bernoulli observation of the other outcome is −∞.
    const source = '@model function saturating(y)\n    β ~ Uniform(100, 200)\n    p = logistic.(β .* [1.0, -1.0])\n    y ~ arraydist(Bernoulli.(p))\nend\n';
    const e = failure(source, { y: [0, 1] });
    expect(e.message).toBe('no initial point with a finite log density and gradient was found in 100 tries from uniform(−2, 2) in the unconstrained space: at the last try, the observation `y` = [0, 1] (arraydist) here had log density −∞; if other parameter values make it finite, start the chains there with initial values by name (the Initial values setting, `tilde sample --init`)');
    expect(source.slice(e.span!.from, e.span!.to)).toBe('y ~ arraydist(Bernoulli.(p))');
  });

  it("says that NUTS cannot move a Dirac parameter, and what to write instead (Bayesian Methods for Hackers' `Δp ~ Dirac(pA - pB)`)", () => {
    const source = '@model function ab(a, b)\n    pA ~ Uniform(0, 1)\n    pB ~ Uniform(0, 1)\n    a ~ Binomial(100, pA)\n    b ~ Binomial(50, pB)\n    Δp ~ Dirac(pA - pB)\nend\n';
    const e = failure(source, { a: 5, b: 2 });
    expect(e.message).toMatch(/: at the last try, the prior of `Δp` \(a Dirac: all its mass at one point, which HMC, NUTS and ADVI cannot move; to record a derived value write `Δp := …` instead, or sample it with MH, PG or SMC\) here had log density −∞$/);
    expect(source.slice(e.span!.from, e.span!.to)).toBe('Δp ~ Dirac(pA - pB)');
  });

  it('names the observed element and the support it falls outside: data no parameter value can explain', () => {
    const source = '@model function binom(y, n)\n    p ~ Beta(1, 1)\n    y .~ Binomial.(n, p)\nend\n';
    const e = failure(source, { y: [3, 12], n: [10, 10] });
    expect(e.message).toMatch(/: at the last try, the observation `y\[2\]` = 12 \(a Binomial, with support 0 … 10\) here had log density −∞$/);
    expect(source.slice(e.span!.from, e.span!.to)).toBe('y .~ Binomial.(n, p)');
  });

  it('a model with no parameters is refused as such, not as an improper posterior whose step size grew past 1e7', () => {
    const source = '@model function observed(y)\n    y ~ Normal(0, 1)\nend\n';
    const e = failure(source, { y: 0.5 });
    expect(e.message).toBe('`observed` has no parameters: every `~` in it observes data, so there is nothing to sample or optimise; its log density is what the check shows');
    expect(source.slice(e.span!.from, e.span!.to)).toBe('y');
  });

  it('points at an @addlogprob! that is never finite', () => {
    const source = '@model function never(y)\n    μ ~ Normal()\n    @addlogprob! -Inf * y\nend\n';
    const e = failure(source, { y: 1 });
    expect(e.message).toMatch(/: at the last try, `@addlogprob!` here had log density −∞$/);
    expect(source.slice(e.span!.from, e.span!.to)).toBe('@addlogprob! -Inf * y');
  });

  it("points at an @addlogprob!'s logprior part (Turing 0.40's named tuple) that is never finite", () => {
    const source = '@model function never(y)\n    μ ~ Normal()\n    @addlogprob! (; logprior = -Inf * y)\nend\n';
    const e = failure(source, { y: 1 });
    expect(e.message).toMatch(/: at the last try, `@addlogprob!`'s `logprior` here had log density −∞$/);
    expect(source.slice(e.span!.from, e.span!.to)).toBe('@addlogprob! (; logprior = -Inf * y)');
  });

  it('says why a compiled tape the user chose cannot stand for a model that branches on a parameter, at the branch, not that no gradient was finite', () => {
    const source = '@model function branchy(x)\n    m ~ Normal(0, 1)\n    if m > 0\n        x ~ Normal(m, 1)\n    else\n        x ~ Normal(-m, 2)\n    end\nend\n';
    const e = failure(source, { x: 1 }, 'reversediff:compile');
    expect(e).toBeInstanceOf(CompiledTapeError);
    expect(e.message).toMatch(/^reversediff with a compiled tape cannot differentiate this model: a comparison \(`>`\) depends on a parameter's value/);
    expect(source.slice(e.span!.from, e.span!.to)).toBe('m > 0');
  });
});
