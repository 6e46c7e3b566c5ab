import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

/**
 * The parameters an expression may use, each with a prior that keeps it in the function's domain:
 * x, y real; p in (0, 1); s positive; v a real 3-vector; w a positive 3-vector; B a real 3×3 matrix and
 * S = B Bᵀ + I positive definite. A model declares only those its expression mentions.
 */
const PARAMETERS: [name: string, line: string, needs?: string][] = [
  ['x', 'x ~ Normal(0, 1)'],
  ['y', 'y ~ Normal(0, 1)'],
  ['p', 'p ~ Beta(2, 2)'],
  ['s', 's ~ Gamma(4, 0.5)'],
  ['v', 'v ~ MvNormal(zeros(3), I)'],
  ['w', 'w ~ filldist(Gamma(4, 0.5), 3)'],
  ['B', 'B ~ filldist(Normal(0, 1), 3, 3)'],
  ['S', "S = B * B' + I", 'B'],
];

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${name}($|[^\\p{L}\\p{N}_])`, 'u').test(text);
}

/** A model that declares the parameters `body` uses, then runs it. */
function model(body: string): string {
  const used = new Set(PARAMETERS.filter(([name]) => mentions(body, name)).map(([name]) => name));
  for (const [name, , needs] of PARAMETERS) if (used.has(name) && needs !== undefined) used.add(needs);
  const lines = PARAMETERS.filter(([name]) => used.has(name)).map(([, line]) => line);
  return `@model function uses()\n${[...lines, body].join('\n')}\nend\n`;
}

/** Unconstrained coordinates near the edge of a domain: s = 10⁻³ (log s = −6.9), p = 1 − 6·10⁻⁶. */
const SMALL_S = { s: Math.log(1e-3) };
const P_NEAR_ONE = { p: 12 };

/**
 * Each built-in inside `@addlogprob!`, at prior draws and, where its domain has an edge, near it;
 * vectors and matrices are weighed by constants so that no entry's derivative cancels.
 */
const IN_ADDLOGPROB: [string, string, Record<string, number>?][] = [
  ['exp', 'exp(x)'],
  ['log', 'log(s) + log(2, s)', SMALL_S],
  ['log1p', 'log1p(s)', SMALL_S],
  ['expm1', 'expm1(x)'],
  ['log2', 'log2(s)', SMALL_S],
  ['log10', 'log10(s)', SMALL_S],
  ['sqrt', 'sqrt(s)', SMALL_S],
  ['cbrt', 'cbrt(x)'],
  ['abs', 'abs(x)'],
  ['abs2', 'abs2(x)'],
  ['sin', 'sin(x)'],
  ['cos', 'cos(x)'],
  ['tan', 'tan(p)'],
  ['asin', 'asin(2 * p - 1)', P_NEAR_ONE],
  ['acos', 'acos(2 * p - 1)', P_NEAR_ONE],
  ['atan', 'atan(x) + atan(y, x)'],
  ['sinh', 'sinh(x)'],
  ['cosh', 'cosh(x)'],
  ['tanh', 'tanh(x)'],
  ['asinh, acosh, atanh', 'asinh(x) + acosh(1 + s) + atanh(2 * p - 1)', P_NEAR_ONE],
  ['sec, csc, cot, deg2rad', 'sec(y) + csc(p) + cot(p) + deg2rad(x)'],
  ['mod1', 'mod1(x, 0.7) + mod1(3.5, 1 + s)'],
  ['min', 'min(x, y)'],
  ['max', 'max(x, y, 0.1)'],
  ['clamp', 'clamp(x, -0.5, 0.5) + clamp(0.2, x, y + 5)'],
  ['logistic', 'logistic(x)'],
  ['logit', 'logit(p)', P_NEAR_ONE],
  ['log1pexp', 'log1pexp(x)'],
  ['log1mexp', 'log1mexp(-s)', SMALL_S],
  ['logsumexp', 'logsumexp(v)'],
  ['softmax', 'dot(softmax(v), [1, 2, 3])'],
  ['invlogit', 'invlogit(x)'],
  ['loggamma', 'loggamma(s)', SMALL_S],
  ['lgamma', 'lgamma(s)', SMALL_S],
  ['gamma', 'gamma(s)', SMALL_S],
  ['digamma', 'digamma(s)', SMALL_S],
  ['trigamma', 'trigamma(s)', SMALL_S],
  ['lbeta', 'lbeta(s, p)', SMALL_S],
  ['beta', 'beta(s, p)', SMALL_S],
  ['erf', 'erf(x)'],
  ['erfc', 'erfc(x)'],
  ['normcdf', 'normcdf(x) + normcdf(y, s, x)'],
  ['normlogcdf', 'normlogcdf(x) + normlogcdf(y, s, x)', SMALL_S],
  ['normccdf and normlogccdf', 'normccdf(x) + normlogccdf(y, s, x)', SMALL_S],
  ['normpdf and normlogpdf', 'normpdf(x) + normlogpdf(y, s, x)', SMALL_S],
  ['norminvcdf', 'norminvcdf(p) + norminvcdf(x, s, p)', P_NEAR_ONE],
  ['softplus and invsoftplus', 'softplus(x) + invsoftplus(s) + logexpm1(s)', SMALL_S],
  ['logsubexp', 'logsubexp(x, y) + logsubexp(x, x + s)', SMALL_S],
  ['xlogy, xlog1py, xlogx', 'xlogy(x, s) + xlog1py(y, s) + xlogx(s)', SMALL_S],
  ['loglogistic, log1mlogistic, logitexp', 'loglogistic(x) + log1mlogistic(y) + logitexp(-s)', SMALL_S],
  ['cloglog and cexpexp', 'cloglog(p) + cexpexp(x)', P_NEAR_ONE],
  ['logcosh and log1psq', 'logcosh(x) + log1psq(y)'],
  ['exp2 and exp10', 'exp2(x) + exp10(y)'],
  ['erfinv and erfcinv', 'erfinv(2 * p - 1) + erfcinv(p)', P_NEAR_ONE],
  ['polygamma', 'polygamma(1, s) + polygamma(2, s)', SMALL_S],
  ['sum', 'sum(v) + sum(abs2, v)'],
  ['prod', 'prod(v)'],
  ['cumsum', 'dot(cumsum(v), [1, 2, 3])'],
  ['cumprod', 'dot(cumprod(w), [1, -2, 3])'],
  ['mean', 'mean(v)'],
  ['var', 'var(v)'],
  ['std', 'std(v)'],
  ['median and quantile', 'median(v) + quantile(w, 0.3) + sum(quantile(v, [0.1, 0.9]))'],
  ['cov, cor and zscore', 'cov(v, w) + cor(v, w) + sum(cov(B) .* [1 2 3; 4 5 6; 7 8 9]) + dot(zscore(v), [1, 2, 3])'],
  ['diff', 'dot(diff(v), [1, -2]) + sum(diff(B; dims = 2) .* [1 2; 3 4; 5 6])'],
  ['repeat, permutedims, tril, triu', 'dot(repeat(v, 2), 1:6) + sum(permutedims(B) .* [1 2 3; 4 5 6; 7 8 9]) + sum(tril(B)) + sum(triu(B, 1) .* B)'],
  ['PDMat(Cholesky(L))', 'logdet(PDMat(Cholesky(LowerTriangular(S))))'],
  ['an array of CartesianIndex', 'sum(B[CartesianIndex.([1, 3, 2], [2, 2, 3])] .* [1, 2, 3])'],
  ['maximum', 'maximum(v)'],
  ['minimum', 'minimum(v)'],
  ['softmax along dims', 'sum(softmax(B; dims = 1) .* [1 2 3; 4 5 6; 7 8 9]) + sum(softmax(B; dims = 2) .* [1 0 2; 0 3 1; 2 1 0])'],
  ['normalize', 'dot(normalize(v), [1, 2, 3]) + dot(normalize(w, 1), [3, 1, 2])'],
  ['dot', 'dot(v, w)'],
  ['norm', 'norm(v)'],
  ['det', 'det(S)'],
  ['logdet', 'logdet(S)'],
  ['inv', 'sum(inv(S) .* [1 2 3; 4 5 6; 7 8 9])'],
  ['cholesky', 'sum(cholesky(S).L .* [1 2 3; 4 5 6; 7 8 9])'],
  ['tr', 'tr(S)'],
  ['kron', 'sum(kron(B, [1 2; 3 4]) .* reshape(1.0:36.0, 6, 6))'],
  ['diag', 'dot(diag(S), [1, 2, 3])'],
  ['matrix × vector', 'dot(B * v, [1, -1, 2])'],
  ['matrix × matrix', 'sum((B * S) .* [1 2 3; 4 5 6; 7 8 9])'],
  ['left division', 'dot(S \\ v, w)'],
  ["adjoint '", "dot(B' * v, [1, 2, 3])"],
  ['broadcasting', 'sum(exp.(v) .* w .+ s .^ 2)'],
];

/** Built-ins in distribution parameters, where their results reach a log density's partials. */
const IN_PARAMETERS: [string, string][] = [
  ['exp and sqrt', '0.5 ~ Normal(exp(x), sqrt(s))'],
  ['logsumexp', '1.2 ~ Normal(logsumexp(v), 1)'],
  ['logistic', '1 ~ Bernoulli(logistic(x))'],
  ['matrix × vector and a computed covariance', '[0.3, -0.2, 1.0] ~ MvNormal(B * v, S)'],
  ['softmax', '2 ~ Categorical(softmax(v))'],
  ['broadcast arithmetic', '[0.3, 1.1, 2.0] ~ MvNormal(v .* w .+ x, Diagonal(w .^ 2))'],
];

describe('gradients through every differentiable built-in', () => {
  it.each(IN_ADDLOGPROB)('%s in @addlogprob!', (_, expression, edge) => {
    const source = model(`@addlogprob! ${expression}`);
    expectGradient(source, undefined);
    if (edge !== undefined) expectGradient(source, undefined, 'prior', { draws: 1, seed: 5, set: edge });
  });
  it.each(IN_PARAMETERS)('%s as a distribution parameter', (_, observe) => expectGradient(model(observe), undefined));
  it('findmax and findmin: the element differentiates, and its index keeps a compiled tape away', () => {
    expectGradient(model('@addlogprob! findmax(v)[1] + findmin(w)[1]'), undefined, 'prior', { compiledRefuses: /`findm(ax|in)` depends on a parameter's value/ });
  });
});
