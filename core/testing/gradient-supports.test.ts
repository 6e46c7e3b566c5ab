import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

const model = (body: string): string => `@model function m()\n${body}\nend\n`;

/**
 * Supports that move with the parameters, at a point inside (where the compiled tape is recorded) and
 * one outside, where the log density is −∞ (or a log cdf 0): a replay must check the support again
 * rather than follow the recorded path to a finite number.
 */
const MOVING: [string, string, number[], number[]][] = [
  ['an observation beyond truncation bounds that are parameters', model('a ~ Normal(0, 1)\n0.5 ~ truncated(Normal(0, 1), a, a + 2)'), [0], [1]],
  ['the log cdf of a truncation below and above its bounds', model('a ~ Normal(0, 1)\n@addlogprob! logcdf(truncated(Normal(0, 1), a, a + 2), 0.5) + logccdf(truncated(Normal(0, 1), a, a + 2), 0.5)'), [0], [1]],
  ['an observation at or below the bound of FlatPos', model('l ~ Normal(0, 1)\n0.5 ~ FlatPos(l)'), [0], [1]],
  ['parameters observed as an ordered vector, out of order', model('a ~ Normal(0, 1)\n[a, 0.5] ~ ordered(MvNormal(zeros(2), I))'), [0], [1]],
];

describe('compiled tapes check supports that depend on parameters again at every replay', () => {
  it.each(MOVING)('%s', (_, source, inside, outside) => {
    expectGradient(source, undefined, [inside, outside], { recordAt: inside, nonFinite: true });
  });

  it('and refuse to record outside such a support, where no density was built to return to', () => {
    const [, source, inside, outside] = MOVING[0]!;
    expectGradient(source, undefined, [inside], { recordAt: outside, compiledRefuses: /the support check of `truncated` depends on a parameter's value/ });
  });
});
