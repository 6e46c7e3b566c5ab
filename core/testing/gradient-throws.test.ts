import { describe, expect, it } from 'vitest';
import { expectGradient } from './index.js';

const model = (body: string): string => `@model function m()\n${body}\nend\n`;

/** Models whose log density throws at some θ, a point where it does and one where it does not. */
const THROWING: [string, string, number[], number[], RegExp][] = [
  ['a domain error (sqrt of a negative number)', model('x ~ Normal(0, 1)\n@addlogprob! sqrt(x)'), [0.7], [-0.5], /sqrt was called with -0.5, outside its domain \(DomainError\)/],
  ['a distribution argument out of its domain', model('σ ~ Normal(1, 1)\n1.0 ~ Normal(0, σ)'), [0.8], [-0.3], /Normal: σ must be non-negative, got -0.3/],
  ['a domain error in a quantity the log density does not use', model('x ~ Normal(0, 1)\nz := log(x)'), [0.7], [-0.5], /log was called with -0.5, outside its domain \(DomainError\)/],
  ['a probability above 1 where the log density stays finite', model('p ~ Normal(0.5, 1)\n1 ~ Bernoulli(p)'), [0.5], [1.2], /Bernoulli: p must be in \[0, 1\], got 1.2/],
  // Checks of several arguments together, in quantities the log density does not use.
  ['bounds out of order (Uniform)', model('m ~ Normal(0, 1)\nz := logpdf(Uniform(m, 1.0), 0.9)'), [0.5], [1.5], /Uniform: a must be less than b, got a = 1.5, b = 1/],
  ['bounds out of order (truncated)', model('m ~ Normal(0, 1)\nz := logpdf(truncated(Normal(0, 1), m, 1.0), 0.9)'), [0.5], [1.5], /truncated: lower must be at most upper, got lower = 1.5, upper = 1/],
  ['bounds out of order (LogUniform)', model('m ~ Normal(0, 1)\nz := logpdf(LogUniform(1.0, m + 2), 1.5)'), [0.5], [-1.5], /LogUniform: 0 < a < b is required, got a = 1, b = 0.5/],
  ['a mode outside its bounds (TriangularDist)', model('m ~ Normal(0, 1)\nz := logpdf(TriangularDist(0.0, 1.0, m), 0.5)'), [0.5], [1.5], /TriangularDist: the mode c must be in \[a, b\], got a = 0, b = 1, c = 1.5/],
  ['a matrix that is not positive definite (cholesky)', model('m ~ Normal(0, 1)\nz := cholesky([1.0 m; m 1.0]).L[2, 2]'), [0.5], [1.5], /cholesky: the matrix is not positive definite \(PosDefException\)/],
  ['a weight out of a probability vector (Categorical)', model('m ~ Normal(0, 1)\nz := logpdf(Categorical([1.0 - m, m]), 1)'), [0.5], [1.5], /Categorical: p must be a probability vector \(non-negative, summing to 1\), but p\[1\] = -0.5/],
  ['a probability vector out of range (Multinomial)', model('m ~ Normal(0, 1)\nz := logpdf(Multinomial(3, [1.0 - m, m]), [1, 2])'), [0.5], [1.5], /Multinomial: p must be a probability vector \(non-negative, summing to 1\), but p\[1\] = -0.5/],
  ['a weight out of a probability vector (MixtureModel of multivariate components)', model('m ~ Normal(0, 1)\nz := logpdf(MixtureModel([MvNormal(zeros(2), I), MvNormal(ones(2), I)], [1.0 - m, m]), [0.1, 0.2])'), [0.5], [1.5], /MixtureModel: weights must be a probability vector \(non-negative, summing to 1\), but weights\[1\] = -0.5/],
  ['a concentration that is not positive (Dirichlet)', model('m ~ Normal(0, 1)\nz := logpdf(Dirichlet([1.0 - m, 1.0]), [0.5, 0.5])'), [0.5], [1.5], /Dirichlet: α must be positive, got α\[1\] = -0.5/],
  ['a negative determinant (logdet)', model('m ~ Normal(0, 1)\nz := logdet([m 0.5; 0.5 1.0])'), [0.5], [-0.5], /logdet: the determinant is negative/],
  // Parameters of the matrix families and OrderedLogistic's cutpoints, observed and in unused quantities.
  ['a shape that is not positive (LKJ)', model('η ~ Normal(1, 1)\n[1.0 0.3; 0.3 1.0] ~ LKJ(2, η)'), [1.5], [-0.5], /LKJ: shape η must be positive, got -0.5/],
  ['a shape that is not positive (LKJCholesky)', model('η ~ Normal(1, 1)\nz := logpdf(LKJCholesky(2, η), cholesky([1.0 0.3; 0.3 1.0]))'), [1.5], [-0.5], /LKJCholesky: shape η must be positive, got -0.5/],
  ['degrees of freedom too few (Wishart)', model('ν ~ Normal(4, 1)\n[2.0 0.3; 0.3 1.0] ~ Wishart(ν, [1.0 0.0; 0.0 1.0])'), [4], [0.5], /Wishart: degrees of freedom ν must be greater than dim − 1 = 1, got 0.5/],
  ['degrees of freedom too few (InverseWishart)', model('ν ~ Normal(4, 1)\nz := logpdf(InverseWishart(ν, [1.0 0.0; 0.0 1.0]), [2.0 0.3; 0.3 1.0])'), [4], [0.5], /InverseWishart: degrees of freedom ν must be greater than dim − 1 = 1, got 0.5/],
  ['degrees of freedom not positive (MvTDist)', model('ν ~ Normal(4, 1)\n[0.1, 0.2] ~ MvTDist(ν, zeros(2), [1.0 0.0; 0.0 1.0])'), [4], [-0.5], /MvTDist: degrees of freedom ν must be positive, got -0.5/],
  ['cutpoints out of order (OrderedLogistic)', model('c ~ filldist(Normal(0, 5), 2)\n2 ~ OrderedLogistic(0.0, c)'), [-1, 1], [1, -1], /OrderedLogistic: cutpoints must be sorted/],
  ['cutpoints out of order in an unused quantity (OrderedLogistic)', model('c ~ filldist(Normal(0, 5), 2)\nz := logpdf(OrderedLogistic(0.0, c), 1)'), [-1, 1], [1, -1], /OrderedLogistic: cutpoints must be sorted/],
  ['a scale that is not positive definite and a value outside the support (Wishart)', model('ρ ~ Normal(0, 1)\nz := logpdf(Wishart(4.0, [1.0 ρ; ρ 1.0]), [1.0 2.0; 2.0 1.0])'), [0.3], [1.5], /Wishart: S must be positive definite, but its leading 2×2 minor is not positive/],
  ['a scale that is not positive definite and a value outside the support (InverseWishart)', model('ρ ~ Normal(0, 1)\nz := logpdf(InverseWishart(4.0, [1.0 ρ; ρ 1.0]), [1.0 2.0; 2.0 1.0])'), [0.3], [1.5], /InverseWishart: Ψ must be positive definite/],
  ['a covariance that is not positive definite and a value outside the support (MvLogNormal)', model('ρ ~ Normal(0, 1)\nz := logpdf(MvLogNormal(zeros(2), [1.0 ρ; ρ 1.0]), [-1.0, 2.0])'), [0.3], [1.5], /MvLogNormal: Σ must be positive definite/],
  ['a covariance that is not positive definite and a value outside the support (ordered)', model('ρ ~ Normal(0, 1)\nz := logpdf(ordered(MvNormal(zeros(2), [1.0 ρ; ρ 1.0])), [2.0, 1.0])'), [0.3], [1.5], /MvNormal: Σ must be positive definite/],
  ['a variance that is not positive and a value outside the support (MvLogNormal, Diagonal)', model('v ~ Normal(1, 1)\nz := logpdf(MvLogNormal(zeros(2), Diagonal([v, 1.0])), [-1.0, 2.0])'), [0.3], [-0.5], /MvLogNormal: Σ must be positive definite, but variance v\[1\] of Diagonal\(v\) is -0.5/],
  ['a variance that is not positive and a value outside the support (MvLogNormal, σ² I)', model('v ~ Normal(1, 1)\nz := logpdf(MvLogNormal(zeros(2), v * I), [-1.0, 2.0])'), [0.3], [-0.5], /MvLogNormal: Σ must be positive definite, but σ² in σ² \* I is -0.5/],
  ['a covariance that is not positive definite', model('ρ ~ Normal(0, 0.1)\n[0.1, 0.2] ~ MvNormal(zeros(2), [1.0 ρ; ρ 1.0])'), [0.3], [1.5], /MvNormal: Σ must be positive definite/],
];

describe('every backend throws where plain evaluation throws', () => {
  it.each(THROWING)('%s', (_, source, fine, throwing, message) => {
    expectGradient(source, undefined, [fine, throwing], { throws: message, recordAt: fine });
  });

  it('and expectGradient refuses a model that throws unless told to expect it', () => {
    const [, source, fine, throwing] = THROWING[0]!;
    expect(() => expectGradient(source, undefined, [throwing], { recordAt: fine })).toThrow('plain evaluation at θ = [-0.5] throws: sqrt was called with -0.5');
  });
});

describe('expectGradient reports', () => {
  it('the backend, coordinate, both numbers and the tolerance where a gradient disagrees with finite differences', () => {
    // At the kink, every backend takes max's first branch (slope 1); central differences see the average.
    const kink = model('x ~ Normal(0, 1)\n@addlogprob! max(x, 0)');
    expect(() => expectGradient(kink, undefined, [0], { recordAt: [1] })).toThrow(
      /^forwarddiff \(chunk 1\) at θ = \[0\] \(log density -0\.918\d+\): ∂\/∂θ\[1\] \(x\) is 1, finite differences give 0\.5\d*; \|difference\| 5\.00e-1 exceeds the tolerance 1\.00e-5 = 1e-5 · max\(1, \|expected\|\) \+ 2 × \S+ \(the five-point stencil against two points at step 1e-5\)$/,
    );
  });

  it('a compiled tape that refuses parameter-dependent control flow, unless the refusal is expected', () => {
    const branchy = model('x ~ Normal(0, 1)\nif x > 0\n@addlogprob! -x\nend');
    expect(() => expectGradient(branchy, undefined)).toThrow(/reversediff:compile failed when recording at .*a comparison \(`>`\)/);
    expectGradient(branchy, undefined, 'prior', { compiledRefuses: /a comparison \(`>`\)/ });
  });

  it('a compiled tape that records what it was expected to refuse', () => {
    expect(() => expectGradient(model('x ~ Normal(0, 1)'), undefined, 'prior', { compiledRefuses: /comparison/ })).toThrow(/expected to refuse/);
  });
});
