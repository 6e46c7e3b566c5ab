import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { OrderedLogistic } from '../index.js';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const c = [-1, 0.5, 2];

describe('OrderedLogistic', () => {
  it('masses are Turing’s differences of logistic cdfs', () => {
    const eta = 0.3;
    const mass = [1 - sigma(eta - c[0]!), sigma(eta - c[0]!) - sigma(eta - c[1]!), sigma(eta - c[1]!) - sigma(eta - c[2]!), sigma(eta - c[2]!)];
    for (let k = 1; k <= 4; k++) expectClose(OrderedLogistic(eta, c).logpdf(k), Math.log(mass[k - 1]!), 1e-13);
    expect(OrderedLogistic(eta, c).logpdf(5)).toBe(-Infinity);
    expect(OrderedLogistic(eta, c).logpdf(0)).toBe(-Infinity);
  });

  it('stays finite far from the cutpoints', () => {
    expectClose(OrderedLogistic(-60, c).logpdf(4), -62, 1e-14);
    expect(Number.isFinite(OrderedLogistic(60, c).logpdf(2) as number)).toBe(true);
  });

  it('cdf is σ(c_k − η)', () => {
    expectClose(OrderedLogistic(0.3, c).cdf(2), sigma(0.5 - 0.3), 1e-14);
    expectClose(OrderedLogistic(0.3, c).logccdf(1), Math.log(sigma(0.3 + 1)), 1e-14);
  });

  it('partials in η and every cutpoint', () => {
    expectDistGradients((q) => OrderedLogistic(q[0]!, q.slice(1)), [0.3, ...c], [1, 2, 3, 4], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(OrderedLogistic(0.3, c), [0.1, 0.5, 0.9]);
    expectRandMoments(OrderedLogistic(0.3, c));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => OrderedLogistic(0, [1, 0]), 'OrderedLogistic: cutpoints must be sorted, got 1 before 0');
    expectArgumentError(() => OrderedLogistic(NaN, c), 'OrderedLogistic: η must be finite, got NaN');
  });
});
