import { describe, expect, it } from 'vitest';
import { Chains } from '../../core/chains/index.js';
import { OVERLAID_REPLICATES, posteriorPredictive, predictiveDraws, replicatesCsv } from './index.js';

describe('predictiveDraws', () => {
  it('takes every draw of every chain when there are few, as rows under the parameter names', () => {
    const chains = new Chains({ parameters: ['a', 'b'], stats: ['lp'] }, 2);
    chains.appendColumns(0, [[1, 2], [10, 20], [0, 0]]);
    chains.appendColumns(1, [[3], [30], [0]]);
    expect(predictiveDraws(chains)).toEqual({ names: ['a', 'b'], rows: [[1, 10], [2, 20], [3, 30]], at: [[0, 0], [0, 1], [1, 0]] });
  });

  it('spaces the draws it keeps evenly over all chains when there are more than it takes', () => {
    const chains = new Chains({ parameters: ['a'] }, 2);
    chains.appendColumns(0, [Array.from({ length: 10 }, (_, i) => i)]);
    chains.appendColumns(1, [Array.from({ length: 10 }, (_, i) => 100 + i)]);
    expect(predictiveDraws(chains, 4).rows).toEqual([[0], [5], [100], [105]]);
    expect(predictiveDraws(chains, 4).at).toEqual([[0, 0], [0, 5], [1, 0], [1, 5]]);
  });

  it('writes the replicates as CSV with the chain and draw (1-based) each was drawn at', () => {
    const replications = { variables: [{ name: 'y', elements: ['y[1]', 'y[2]'], observed: [1, 2], draws: [[0.5, 1.5], [2.25, -1]] }] };
    expect(replicatesCsv([[0, 4], [1, 0]], replications)).toEqual({ name: 'posterior_predictive.csv', text: 'chain,draw,y[1],y[2]\n1,5,0.5,1.5\n2,1,2.25,-1\n' });
  });
});

describe('posteriorPredictive', () => {
  // The data 1, 2, 3 (and a missing value) against four replicates.
  const replications = {
    variables: [
      {
        name: 'y',
        elements: ['y[1]', 'y[2]', 'y[3]', 'y[4]'],
        observed: [1, 2, null, 3],
        draws: [
          [1, 2, 99, 3],
          [0, 0, 99, 0],
          [5, 6, 99, 7],
          [1, 1, 99, 10],
        ],
      },
    ],
  };

  it('gives each test statistic of the data, the replicates’ mean of it, and P(T(y_rep) ≥ T(y)) over the observed elements', () => {
    const [y] = posteriorPredictive(replications).variables;
    expect(y).toMatchObject({ name: 'y', elements: 4, observedElements: 3, draws: 4 });
    const test = (statistic: string) => y!.tests.find((t) => t.statistic === statistic)!;
    // Means of the replicates over y[1], y[2], y[4]: 2, 0, 6, 4 against 2 (the missing y[3]'s 99 left out).
    expect(test('mean')).toEqual({ statistic: 'mean', observed: 2, replicatedMean: 3, p: 3 / 4 });
    // Maxima 3, 0, 7, 10 against 3.
    expect(test('max')).toEqual({ statistic: 'max', observed: 3, replicatedMean: 5, p: 3 / 4 });
    expect(test('min')).toMatchObject({ observed: 1, p: 3 / 4 });
    expect(y!.tests.map((t) => t.statistic)).toEqual(['mean', 'sd', 'median', 'min', 'max']);
  });

  it('overlays the data on the replicates, integer data as frequencies, at most fifty replicates', () => {
    const many = { variables: [{ ...replications.variables[0]!, draws: Array.from({ length: 80 }, (_, d) => [d % 3, 1, 0, 2]) }] };
    const overlay = posteriorPredictive(many).variables[0]!.overlay!;
    expect(overlay.replicates).toHaveLength(OVERLAID_REPLICATES);
    expect(overlay.discrete).toBe(true);
    expect(overlay.x).toEqual([0, 1, 2, 3]);
    // The data 1, 2, 3: a third at each.
    expect(overlay.observed).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
  });

  it('has no overlay or tests where the data observes no element', () => {
    const none = { variables: [{ name: 'y', elements: ['y'], observed: [null], draws: [[1], [2]] }] };
    expect(posteriorPredictive(none).variables[0]).toMatchObject({ observedElements: 0, overlay: null, tests: [] });
  });
});
