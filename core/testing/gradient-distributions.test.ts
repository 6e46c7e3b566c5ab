import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

/**
 * Every distribution family with each continuous argument a parameter of the model, checked by
 * `expectGradient` at prior draws. For continuous families the variate is a parameter too (so supports
 * that move with the arguments are differentiated through their bijectors), a literal is observed, and
 * the log cdf and log ccdf at a literal are added; discrete families observe a literal count.
 */
function univariate(priors: string, dist: string, observed: number, continuous = true): string {
  const lines = [priors, `${observed} ~ ${dist}`, `@addlogprob! logcdf(${dist}, ${observed}) + logccdf(${dist}, ${observed})`];
  if (continuous) lines.push(`x ~ ${dist}`);
  return `@model function family()\n${lines.join('\n')}\nend\n`;
}

const UNIVARIATE: [string, string][] = [
  ['Normal', univariate('μ ~ Normal(0, 1)\nσ ~ Exponential(1)', 'Normal(μ, σ)', 0.7)],
  ['NormalCanon', univariate('η ~ Normal(0, 1)\nλ ~ Gamma(4, 0.5)', 'NormalCanon(η, λ)', 0.3)],
  ['Cauchy', univariate('μ ~ Normal(0, 1)\nσ ~ Exponential(1)', 'Cauchy(μ, σ)', -0.4)],
  ['TDist', univariate('ν ~ Gamma(4, 1)', 'TDist(ν)', 1.2)],
  ['LogNormal', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.25)', 'LogNormal(μ, σ)', 1.5)],
  ['Exponential', univariate('θ ~ Gamma(3, 1)', 'Exponential(θ)', 0.8)],
  ['Gamma', univariate('α ~ Gamma(4, 1)\nθ ~ Gamma(3, 1)', 'Gamma(α, θ)', 2.5)],
  ['Erlang', univariate('θ ~ Gamma(3, 1)', 'Erlang(3, θ)', 2.5)],
  ['InverseGamma', univariate('α ~ Gamma(4, 1)\nθ ~ Gamma(3, 1)', 'InverseGamma(α, θ)', 0.9)],
  ['Beta', univariate('α ~ Gamma(4, 1)\nβ ~ Gamma(3, 1)', 'Beta(α, β)', 0.35)],
  ['Uniform', univariate('a ~ Normal(0, 0.2)\nw ~ Gamma(4, 1)', 'Uniform(a - 1, a + w)', 0.1)],
  ['Laplace', univariate('μ ~ Normal(0, 1)\nb ~ Gamma(4, 0.5)', 'Laplace(μ, b)', 2.1)],
  ['Logistic', univariate('μ ~ Normal(0, 1)\nθ ~ Gamma(4, 0.5)', 'Logistic(μ, θ)', -1.3)],
  ['Weibull', univariate('α ~ Gamma(4, 0.5)\nθ ~ Gamma(3, 1)', 'Weibull(α, θ)', 1.7)],
  ['Rayleigh', univariate('σ ~ Gamma(4, 0.5)', 'Rayleigh(σ)', 1.3)],
  ['Frechet', univariate('α ~ Gamma(8, 0.5)\nθ ~ Gamma(3, 1)', 'Frechet(α, θ)', 1.9)],
  ['GeneralizedExtremeValue, ξ > 0', univariate('μ ~ Normal(0, 0.2)\nσ ~ Gamma(4, 0.5)\nξ ~ Uniform(0.05, 0.4)', 'GeneralizedExtremeValue(μ, σ, ξ)', 0.6)],
  ['GeneralizedExtremeValue, ξ < 0', univariate('μ ~ Normal(0, 0.2)\nσ ~ Gamma(4, 0.5)\nξ ~ Uniform(-0.4, -0.05)', 'GeneralizedExtremeValue(μ, σ, ξ)', 0.3)],
  ['InverseGaussian', univariate('μ ~ Gamma(4, 0.5)\nλ ~ Gamma(4, 1)', 'InverseGaussian(μ, λ)', 1.2)],
  ['LogitNormal', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.25)', 'LogitNormal(μ, σ)', 0.35)],
  ['BetaPrime', univariate('α ~ Gamma(4, 1)\nβ ~ Gamma(4, 1)', 'BetaPrime(α, β)', 0.8)],
  ['Kumaraswamy', univariate('a ~ Gamma(4, 0.5)\nb ~ Gamma(4, 1)', 'Kumaraswamy(a, b)', 0.4)],
  ['LogUniform', univariate('a ~ Uniform(0.2, 0.5)\nw ~ Gamma(4, 1)', 'LogUniform(a, a + w)', 0.6)],
  ['Levy', univariate('μ ~ Normal(0, 0.2)\nσ ~ Gamma(4, 0.5)', 'Levy(μ, σ)', 1.5)],
  ['Arcsine', univariate('a ~ Normal(-1, 0.2)\nw ~ Gamma(16, 0.5)', 'Arcsine(a, a + w)', 0.1)],
  ['TriangularDist', univariate('a ~ Normal(-1, 0.2)\nw ~ Gamma(16, 0.5)\nc ~ Uniform(0, 1)', 'TriangularDist(a, a + w, a + c * w)', 0.1)],
  ['Chisq', univariate('ν ~ Gamma(4, 1)', 'Chisq(ν)', 3.2)],
  ['Chi', univariate('ν ~ Gamma(4, 1)', 'Chi(ν)', 1.4)],
  ['Pareto', univariate('α ~ Gamma(4, 1)\nθ ~ Gamma(4, 0.2)', 'Pareto(α, θ)', 2.9)],
  ['Gumbel', univariate('μ ~ Normal(0, 1)\nθ ~ Gamma(4, 0.5)', 'Gumbel(μ, θ)', 0.6)],
  ['VonMises', univariate('μ ~ Normal(0, 0.3)\nκ ~ Gamma(4, 0.5)', 'VonMises(μ, κ)', 0.4)],
  ['SkewNormal', univariate('ξ ~ Normal(0, 1)\nω ~ Gamma(4, 0.5)\nα ~ Normal(0, 2)', 'SkewNormal(ξ, ω, α)', 0.5)],
  ['LocationScale', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)\nν ~ Gamma(4, 1)', 'LocationScale(μ, σ, TDist(ν))', 0.2)],
  ['truncated, both bounds parameters', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)\na ~ Normal(-1, 0.2)\nw ~ Gamma(8, 0.5)', 'truncated(Normal(μ, σ), a, a + w)', -0.5)],
  ['truncated, lower bound only', univariate('s ~ Gamma(4, 0.5)', 'truncated(Cauchy(0, s); lower=0)', 0.8)],
  ['TruncatedNormal', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)', 'TruncatedNormal(μ, σ, -1, 2)', 0.3)],
  ['Truncated', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)', 'Truncated(Normal(μ, σ), -1, 2)', 0.3)],
  [
    // Observed only (a censored continuous parameter is refused): at both bounds, inside, and inside with a bound that is a parameter.
    'censored',
    '@model function family()\nμ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)\na ~ Normal(-1, 0.2)\n-1.0 ~ censored(Normal(μ, σ), -1, 2)\n2.0 ~ censored(Normal(μ, σ); lower=-1, upper=2)\n0.4 ~ censored(Normal(μ, σ), a, 2)\n@addlogprob! logcdf(censored(Normal(μ, σ), a, 2), 0.4) + logccdf(censored(Normal(μ, σ); upper=2), 0.4)\nend\n',
  ],
  ['MixtureModel', univariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)\nw ~ Beta(2, 2)', 'MixtureModel([Normal(μ, 1), Normal(2, σ)], [w, 1 - w])', 1.1)],
  ['Flat', '@model function family()\nx ~ Flat()\n@addlogprob! -x^2\nend\n'],
  ['FlatPos', '@model function family()\nl ~ Normal(0, 1)\nx ~ FlatPos(l)\n@addlogprob! -(x - l)\nend\n'],
  ['Bernoulli', univariate('p ~ Beta(2, 2)', 'Bernoulli(p)', 0, false)],
  ['BernoulliLogit', univariate('l ~ Normal(0, 1)', 'BernoulliLogit(l)', 0, false)],
  ['Binomial', univariate('p ~ Beta(2, 2)', 'Binomial(10, p)', 3, false)],
  ['BetaBinomial', univariate('α ~ Gamma(4, 1)\nβ ~ Gamma(3, 1)', 'BetaBinomial(10, α, β)', 4, false)],
  ['censored Poisson', '@model function family()\nλ ~ Gamma(4, 1)\n6 ~ censored(Poisson(λ), 1, 6)\n1 ~ censored(Poisson(λ), 1, 6)\n@addlogprob! logcdf(censored(Poisson(λ), 1, 6), 3) + logccdf(censored(Poisson(λ), 1, 6), 3)\nend\n'],
  ['BinomialLogit', univariate('l ~ Normal(0, 1)', 'BinomialLogit(10, l)', 7, false)],
  ['Poisson', univariate('λ ~ Gamma(4, 1)', 'Poisson(λ)', 4, false)],
  ['LogPoisson', univariate('l ~ Normal(1, 0.5)', 'LogPoisson(l)', 2, false)],
  ['NegativeBinomial', univariate('r ~ Gamma(4, 1)\np ~ Beta(2, 2)', 'NegativeBinomial(r, p)', 5, false)],
  ['Skellam', univariate('μ1 ~ Gamma(4, 1)\nμ2 ~ Gamma(3, 1)', 'Skellam(μ1, μ2)', -2, false)],
  ['DiscreteNonParametric', univariate('p ~ Dirichlet(3, 2.0)', 'DiscreteNonParametric([-1.5, 0.5, 2.0], p)', 0.5, false)],
  ['PoissonBinomial', univariate('p ~ filldist(Beta(2, 2), 3)', 'PoissonBinomial(p)', 2, false)],
  ['Geometric', univariate('p ~ Beta(2, 2)', 'Geometric(p)', 2, false)],
  ['DiscreteUniform', univariate('μ ~ Normal(0, 1)', 'DiscreteUniform(1, 5)', 3, false)],
  ['Categorical', univariate('p ~ Dirichlet(3, 2.0)', 'Categorical(p)', 2, false)],
  ['OrderedLogistic', univariate('η ~ Normal(0, 1)\nc ~ ordered(MvNormal(zeros(3), I))', 'OrderedLogistic(η, c)', 2, false)],
];

/** A 2×2 covariance built from two scales and a correlation, all parameters. */
const COVARIANCE = 'σ ~ filldist(Gamma(4, 0.25), 2)\nρ ~ Uniform(-0.8, 0.8)\nΣ = [σ[1]^2 ρ*σ[1]*σ[2]; ρ*σ[1]*σ[2] σ[2]^2]';

function multivariate(priors: string, dist: string, observed?: string): string {
  const lines = [priors, `x ~ ${dist}`];
  if (observed !== undefined) lines.push(`${observed} ~ ${dist}`);
  return `@model function family()\n${lines.join('\n')}\nend\n`;
}

const MULTIVARIATE: [string, string][] = [
  ['MvNormal, full Σ', multivariate(`μ ~ MvNormal(zeros(2), I)\n${COVARIANCE}`, 'MvNormal(μ, Σ)', '[0.3, -0.2]')],
  ['MvNormal, Diagonal', multivariate('μ ~ MvNormal(zeros(2), I)\nv ~ filldist(Gamma(4, 0.25), 2)', 'MvNormal(μ, Diagonal(v))', '[0.3, -0.2]')],
  ['MvNormal, σ² I', multivariate('μ ~ MvNormal(zeros(2), I)\ns ~ Gamma(4, 0.25)', 'MvNormal(μ, s * I)', '[0.3, -0.2]')],
  ['MvLogNormal', multivariate(`μ ~ MvNormal(zeros(2), I)\n${COVARIANCE}`, 'MvLogNormal(μ, Σ)', '[0.6, 1.9]')],
  ['MvNormalCanon', multivariate(`h ~ MvNormal(zeros(2), I)\n${COVARIANCE}`, 'MvNormalCanon(h, Σ)', '[0.3, -0.2]')],
  ['MvTDist', multivariate(`ν ~ Gamma(4, 1)\nμ ~ MvNormal(zeros(2), I)\n${COVARIANCE}`, 'MvTDist(ν, μ, Σ)', '[0.3, -0.2]')],
  ['Dirichlet', multivariate('α ~ filldist(Gamma(4, 0.5), 3)', 'Dirichlet(α)', '[0.2, 0.5, 0.3]')],
  ['Multinomial', '@model function family()\np ~ Dirichlet(3, 2.0)\n[2, 5, 1] ~ Multinomial(8, p)\nend\n'],
  ['DirichletMultinomial', '@model function family()\nα ~ filldist(Gamma(4, 0.5), 3)\n[2, 0, 4] ~ DirichletMultinomial(6, α)\nend\n'],
  ['LKJ', multivariate('η ~ Gamma(4, 0.5)', 'LKJ(3, η)')],
  ['LKJCholesky', multivariate('η ~ Gamma(4, 0.5)', 'LKJCholesky(3, η)')],
  ['Wishart', multivariate(`ν ~ Uniform(3, 6)\n${COVARIANCE}`, 'Wishart(ν, Σ)', '[1.0 0.3; 0.3 2.0]')],
  ['InverseWishart', multivariate(`ν ~ Uniform(4, 7)\n${COVARIANCE}`, 'InverseWishart(ν, Σ)', '[1.0 0.3; 0.3 2.0]')],
  ['filldist', multivariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)', 'filldist(Normal(μ, σ), 2, 2)')],
  ['arraydist', multivariate('μ ~ Normal(0, 1)\nσ ~ Gamma(4, 0.5)', 'arraydist([Normal(μ, 1), Gamma(2, σ), Beta(σ, 2)])')],
  ['product_distribution', multivariate('μ ~ MvNormal(zeros(2), I)\nσ ~ Gamma(4, 0.5)', 'product_distribution([MvNormal(μ, σ * I), MvNormal(μ, I)])')],
  ['ordered', multivariate(`μ ~ MvNormal(zeros(2), I)\n${COVARIANCE}`, 'ordered(MvNormal(μ, Σ))', '[-0.3, 0.4]')],
  ['MixtureModel of multivariates', multivariate(`μ ~ MvNormal(zeros(2), I)\n${COVARIANCE}\nw ~ Beta(2, 2)`, 'MixtureModel([MvNormal(μ, Σ), MvNormal(zeros(2), I)], [w, 1 - w])', '[0.3, -0.2]')],
];

describe('gradients of every distribution family', () => {
  it.each(UNIVARIATE)('%s', (_, source) => expectGradient(source, undefined));
  it.each(MULTIVARIATE)('%s', (_, source) => expectGradient(source, undefined));
});
