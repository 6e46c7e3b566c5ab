import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

const model = (body: string): string => `@model function transformed()\n${body}\nend\n`;

/**
 * Every bijector, through a parameter with its support, at prior draws and with unconstrained
 * coordinates pushed towards the support's edges: bounds (some of them parameters themselves), simplex
 * corners, correlations near ±1, nearly singular matrices, nearly tied ordered values. Ties no closer
 * than e^-12: the ordered density's log(c₂ − c₁) has partials ±1/gap that reverse mode adds up at c₁
 * and forward mode never forms, so at a gap of e^-20 the two differ by rounding of ±5·10⁸ terms.
 */
const BIJECTORS: [string, string, Record<string, number>[]][] = [
  ['identity', model('x ~ MvNormal(zeros(2), I)'), [{ 'x[1]': 40 }]],
  ['lower bound, a parameter', model('a ~ Normal(0, 1)\nx ~ truncated(Normal(0, 2); lower=a)'), [{ x: -30 }, { x: 3 }]],
  ['positive half-line', model('σ ~ Exponential(1)\n0.4 ~ Normal(0, σ)'), [{ σ: Math.log(1e-3) }, { σ: 5 }]],
  ['upper bound, a parameter', model('b ~ Normal(0, 1)\nx ~ truncated(Normal(0, 2); upper=b)'), [{ x: -30 }, { x: 3 }]],
  ['interval, both bounds parameters', model('a ~ Normal(-1, 0.2)\nw ~ Gamma(8, 0.5)\nx ~ truncated(Normal(0, 1), a, a + w)'), [{ x: -20 }, { x: 20 }]],
  ['interval, constant bounds', model('p ~ Beta(2, 3)\n3 ~ Binomial(10, p)'), [{ p: -12 }, { p: 12 }]],
  ['simplex', model('θ ~ Dirichlet(3, 2.0)'), [{ 'θ (unconstrained 1)': 15 }, { 'θ (unconstrained 2)': -15 }]],
  ['simplex with α < 1', model('θ ~ Dirichlet([0.5, 0.7, 0.9, 1.5])'), [{ 'θ (unconstrained 3)': 8 }]],
  ['correlation matrix', model('R ~ LKJ(3, 2.0)'), [{ 'R (unconstrained 1)': 6 }, { 'R (unconstrained 3)': -6 }]],
  ['Cholesky factor, lower', model('L ~ LKJCholesky(3, 2.0)'), [{ 'L (unconstrained 2)': 6 }]],
  ['Cholesky factor, upper', model("U ~ LKJCholesky(3, 0.7, 'U')"), [{ 'U (unconstrained 3)': -6 }]],
  ['positive definite, Wishart', model('Σ ~ Wishart(5, Matrix(1.0I, 3, 3))'), [{ 'Σ (unconstrained 1)': -8 }, { 'Σ (unconstrained 2)': 20 }]],
  ['positive definite, InverseWishart', model('Σ ~ InverseWishart(6, [2.0 0.5; 0.5 1.0])'), [{ 'Σ (unconstrained 3)': -5 }]],
  ['ordered', model('c ~ ordered(MvNormal(zeros(3), I))'), [{ 'c[2]': -12 }, { 'c[3]': 4 }]],
  ['elementwise, mixed supports', model('a ~ Normal(0, 1)\nx ~ arraydist([Normal(0, 1), Exponential(1), Beta(2, 2), Uniform(a, a + 1)])'), [{ 'x[2]': -12, 'x[3]': 12, 'x[4]': -12 }]],
];

describe('gradients through every bijector', () => {
  it.each(BIJECTORS)('%s', (_, source, edges) => {
    expectGradient(source, undefined);
    for (const [k, set] of edges.entries()) expectGradient(source, undefined, 'prior', { draws: 1, seed: 11 + k, set });
  });
});
