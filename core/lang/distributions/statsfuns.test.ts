import { describe, expect, it } from 'vitest';
import { expectGradient } from '../../testing/index.js';
import { checkModel } from '../index.js';

const json = (text: string) => ({ text, format: 'json' as const });

/** The log likelihood of a model whose only term is `@addlogprob! expr`, at λ. */
function added(expr: string, λ: number): number {
  const source = `@model function m()\n    λ ~ Exponential(1)\n    Turing.@addlogprob! ${expr}\nend\n`;
  const outcome = checkModel({ source, data: json('{}'), params: { λ } });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.value.loglikelihood;
}

describe("StatsFuns' functions of a family's parameters and x", () => {
  it('are the family’s functions at x: a top-coded Poisson count adds poislogccdf(λ, c − 1) (Turing issue #1651)', () => {
    // log P(Y ≥ 4) and log P(Y = 2) for λ = 1.5, by the series.
    const pmf = (k: number) => Math.exp(-1.5) * 1.5 ** k / [1, 1, 2, 6][k]!;
    expect(added('StatsFuns.poislogccdf(λ, 3)', 1.5)).toBeCloseTo(Math.log(1 - pmf(0) - pmf(1) - pmf(2) - pmf(3)), 12);
    expect(added('poislogpdf(λ, 2)', 1.5)).toBeCloseTo(Math.log(pmf(2)), 12);
    expect(added('log(poispdf(λ, 2))', 1.5)).toBeCloseTo(Math.log(pmf(2)), 12);
    expect(added('binomlogpdf(10, 0.3, 4)', 1.5)).toBe(added('logpdf(Binomial(10, 0.3), 4)', 1.5));
    expect(added('gammalogcdf(2, λ, 1.2)', 1.5)).toBe(added('logcdf(Gamma(2, λ), 1.2)', 1.5));
    expect(added('log(tdistcdf(3, -1.0)) + log(betaccdf(2, 3, 0.4))', 1.5)).toBeCloseTo(added('logcdf(TDist(3), -1.0) + logccdf(Beta(2, 3), 0.4)', 1.5), 14);
  });

  it('differentiate in the parameters on every backend', () => {
    const source = '@model function m(y)\n    λ ~ Exponential(2)\n    Turing.@addlogprob! poislogccdf(λ, y - 1) + nbinomlogpdf(λ, 0.4, y)\nend\n';
    expectGradient(source, '{"y": 4}');
  });

  it('say their argument order when given the wrong number of arguments', () => {
    const source = '@model function m()\n    λ ~ Exponential(1)\n    Turing.@addlogprob! poislogpdf(2)\nend\n';
    const outcome = checkModel({ source, data: json('{}') });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostics[0]!.message).toBe("poislogpdf takes Poisson's 1 parameter and then x (StatsFuns' order), got 1 argument");
  });
});
