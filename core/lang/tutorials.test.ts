import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from './index.js';
import { TURING_MODELS } from './turing-models.js';

/**
 * Models pasted from Turing's tutorials, `using` lines and trailing script included: each must
 * compile, bind its data and evaluate. Where the density is easy to write by hand, it is checked.
 */
const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.jl'));
const load = (name: string) => ({ source: readFileSync(join(dir, `${name}.jl`), 'utf8'), data: { text: readFileSync(join(dir, `${name}.json`), 'utf8'), format: 'json' as const } });

function ok(req: Parameters<typeof checkModel>[0]) {
  const outcome = checkModel(req);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return outcome.value;
}

const normal = (x: number, m: number, s: number) => -0.5 * Math.log(2 * Math.PI) - Math.log(s) - (0.5 * (x - m) ** 2) / s ** 2;

describe('Turing tutorial models', () => {
  for (const f of fixtures) {
    it(`${f} compiles, binds its data and evaluates at a prior draw`, () => {
      const r = ok(load(f.replace(/\.jl$/, '')));
      expect(r.parameters.length).toBeGreaterThan(0);
      expect(Number.isFinite(r.logjoint)).toBe(true);
    });
  }

  it("the HMM tutorial's `T[i] ~ Dirichlet(…)` names each element of each draw, T[1][1] …, as DynamicPPL does", () => {
    const r = ok(load('hmm'));
    const names = Object.keys(r.at);
    expect(names.slice(0, 4)).toEqual(['T[1][1]', 'T[1][2]', 'T[1][3]', 'm[1]']);
    // One name per value, so the chains' columns line up with their draws.
    expect(names.length).toBe(r.parameters.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0));
  });

  it('an indexed `~` is named by its index as written: `x[3]` into a matrix stays linear, `x[1, 2]` names row and column', () => {
    // Scalar slots of a whole index take their name from the names kept per container; the others build it.
    const source = '@model function m()\n    x = Matrix{Float64}(undef, 2, 2)\n    x[3] ~ Normal()\n    x[1, 2] ~ Normal()\n    z = Vector{Float64}(undef, 2)\n    z[2] ~ Normal()\n    z[1:1] ~ MvNormal(zeros(1), I)\nend\n';
    expect(Object.keys(ok({ source }).at)).toEqual(['x[3]', 'x[1, 2]', 'z[2]', 'z[1]']);
    expect(ok({ source }).parameters.map((p) => p.name)).toEqual(['x[3]', 'x[1, 2]', 'z[2]', 'z[1:1]']);
  });

  it('Poisson regression matches its hand-written log likelihood', () => {
    const r = ok({ ...load('poisson_regression'), params: { b0: 0.1, b1: 0.2, b2: -0.3, b3: 0.4 } });
    const x = [[1, 0, 0.5], [0, 1, 0.2], [1, 1, 0.1], [0, 0, 0.9]];
    const y = [3, 1, 4, 0];
    const lgammaInt = (n: number) => Math.log([1, 1, 2, 6, 24][n]!);
    let ll = 0;
    x.forEach((xi, i) => {
      const eta = 0.1 + 0.2 * xi[0]! - 0.3 * xi[1]! + 0.4 * xi[2]!;
      ll += y[i]! * eta - Math.exp(eta) - lgammaInt(y[i]!);
    });
    expect(r.loglikelihood).toBeCloseTo(ll, 12);
    expect(r.logprior).toBeCloseTo(normal(0.1, 0, 10) + normal(0.2, 0, 10) + normal(-0.3, 0, 10) + normal(0.4, 0, 10), 12);
  });

  it('the Gaussian mixture takes its discrete assignments and cluster means', () => {
    const r = ok({ ...load('gmm'), params: { μ: [-3, 3], w: [0.5, 0.5], k: [1, 2, 1, 2, 2] } });
    const x = [[-3.1, 2.9, -2.8, 3.2, 3.0], [-2.9, 3.1, -3.2, 2.8, 3.3]];
    const k = [1, 2, 1, 2, 2];
    let ll = 0;
    for (let i = 0; i < 5; i++) for (let d = 0; d < 2; d++) ll += normal(x[d]![i]!, k[i] === 1 ? -3 : 3, 1);
    expect(r.loglikelihood).toBeCloseTo(ll, 12);
    expect(r.logprior).toBeCloseTo(normal(-3, 0, 1) + normal(3, 0, 1) + 5 * Math.log(0.5), 12);
  });

  it("LKJCholesky's PDMat(Cholesky(Σ_L)) is the covariance Σ_L Σ_Lᵀ, with the script's own data", () => {
    const source = TURING_MODELS.lkjCholesky!;
    const r = ok({ source });
    expect(r.parameters.map((p) => p.name)).toEqual(['sigma', 'F']);
    const dense = ok({ source: source.replace('PDMat(Cholesky(Σ_L + eps() * I))', "Symmetric(Σ_L * Σ_L')") });
    expect(r.loglikelihood).toBeCloseTo(dense.loglikelihood, 8);
    expect(r.logprior).toBe(dense.logprior);
  });

  it('LDA sums log(φθ)[w[n], doc[n]] through an array of CartesianIndex', () => {
    const data = { K: 2, V: 3, M: 2, N: 4, w: [1, 3, 2, 3], doc: [1, 1, 2, 2], α: [1, 1], β: [1, 1, 1] };
    const θ = [[0.3, 0.6], [0.7, 0.4]];
    const φ = [[0.2, 0.5], [0.3, 0.1], [0.5, 0.4]];
    const r = ok({ source: TURING_MODELS.lda!, data: { text: JSON.stringify(data), format: 'json' }, params: { θ, φ } });
    const logφθ = (v: number, d: number) => Math.log(φ[v]![0]! * θ[0]![d]! + φ[v]![1]! * θ[1]![d]!);
    const ll = data.w.reduce((acc, v, n) => acc + logφθ(v - 1, data.doc[n]! - 1), 0);
    expect(r.loglikelihood).toBeCloseTo(ll, 12);
    // Dirichlet(1, 1) has density 1 and Dirichlet(1, 1, 1) density 2 on their simplices.
    expect(r.logprior).toBeCloseTo(2 * Math.log(2), 12);
  });

  it('MixtureModel(Normal, [(μ, σ), …], w) is the weighted mixture of its components', () => {
    const x = [-2.1, 0.4, 3.3];
    const r = ok({ source: TURING_MODELS.mixtureByFamily!, data: { text: JSON.stringify({ x }), format: 'json' }, params: { w: [0.3, 0.7], μ: [-2, 3], σ: [0.5, 1.2] } });
    const ll = x.reduce((acc, xi) => acc + Math.log(0.3 * Math.exp(normal(xi, -2, 0.5)) + 0.7 * Math.exp(normal(xi, 3, 1.2))), 0);
    expect(r.loglikelihood).toBeCloseTo(ll, 12);
  });

  it("the zero-inflated Poisson's helper uses logaddexp, log1pexp and logfactorial, with the script's y", () => {
    const r = ok({ source: TURING_MODELS.zeroInflatedPoisson!, params: { ap: -1.2, al: 0.8 } });
    const y = [0, 0, 3, 1, 0, 5, 2, 0, 4, 1];
    const p = 1 / (1 + Math.exp(1.2));
    const λ = Math.exp(0.8);
    const logFactorial = (n: number): number => (n <= 1 ? 0 : Math.log(n) + logFactorial(n - 1));
    const ll = y.reduce((acc, k) => acc + (k === 0 ? Math.log(p + (1 - p) * Math.exp(-λ)) : Math.log(1 - p) + k * Math.log(λ) - λ - logFactorial(k)), 0);
    expect(r.loglikelihood).toBeCloseTo(ll, 12);
  });

  it("m4.3 on zscore(weight): the script's standardised data, a scalar σ as MvNormal's standard deviation", () => {
    const r = ok({ source: TURING_MODELS.howellStandardised!, params: { a: 154, b: 5.5, σ: 4 } });
    const weight = [47.825606, 36.485807, 31.864838, 53.041914, 41.276872, 62.992589, 38.243476, 55.479971, 34.869885, 54.487739];
    const height = [151.765, 139.7, 136.525, 156.845, 145.415, 163.83, 149.225, 168.91, 147.955, 165.1];
    const mean = weight.reduce((a, b) => a + b, 0) / weight.length;
    const sd = Math.sqrt(weight.reduce((a, b) => a + (b - mean) ** 2, 0) / (weight.length - 1));
    const ll = height.reduce((acc, h, i) => acc + normal(h, 154 + (5.5 * (weight[i]! - mean)) / sd, 4), 0);
    expect(r.loglikelihood).toBeCloseTo(ll, 10);
  });

  it("a fatigue study's censored regression: priors by dispatch on `typeof(model)`, run-outs by logccdf (scipy's figures)", () => {
    const r = ok({ source: TURING_MODELS.censoredRegression!, params: { a: 25, m: -5, s: 0.5 } });
    expect(r.logprior).toBeCloseTo(-5.327380314477477, 10);
    expect(r.loglikelihood).toBeCloseTo(-1.4905212384941267, 10);
  });

  it('capture–recapture M0 marginalises presence with logsumexp over its keyword-default transformed data', () => {
    const r = ok({ source: TURING_MODELS.captureRecaptureM0!, params: { omega: 0.6, p: 0.4 } });
    const binomial = (k: number) => Math.log([1, 3, 3, 1][k]!) + k * Math.log(0.4) + (3 - k) * Math.log(0.6);
    const seen = (k: number) => Math.log(0.6) + binomial(k);
    const unseen = Math.log(0.6 * Math.exp(binomial(0)) + 0.4);
    expect(r.loglikelihood).toBeCloseTo(seen(2) + unseen + seen(1) + unseen + seen(3), 12);
    expect(r.generated.omega_nd).toBeCloseTo((0.6 * 0.6 ** 3) / (0.6 * 0.6 ** 3 + 0.4), 12);
  });

  it("a GP written by hand with Distances' pairwise matches scipy's multivariate normal", () => {
    const r = ok({ source: TURING_MODELS.gpPairwise!, params: { alpha: 1.1, rho: 0.7, sigma: 0.2 } });
    expect(r.loglikelihood).toBeCloseTo(-3.5702890037565895, 10);
  });

  it('top-level constants are evaluated once; script lines that cannot run are ignored with a warning', () => {
    const source = 'alpha = 0.09\nsig = sqrt(1.0 / alpha)\n@model function m(y)\n    μ ~ Normal(0, sig)\n    y ~ Normal(μ, 1)\nend\nchain = sample(m(1.0), NUTS(), 1000)\nμ_mean = mean(chain[:μ])\n';
    const outcome = checkModel({ source, data: { text: '{"y": 0.5}', format: 'json' }, params: { μ: 1 } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.logprior).toBeCloseTo(normal(1, 0, Math.sqrt(1 / 0.09)), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normal(0.5, 1, 1), 12);
    expect(outcome.warnings.map((w) => w.message)).toEqual([
      'this line samples `m` with NUTS(δ = 0.65), 1000 draws after 500 warm-up; Tilde uses it where you do not choose',
      'this call gives `m` its data for `y`, where the data you give leaves them out',
      'top-level `μ_mean = …` is ignored: `chain` is defined at the top of the file, but its line could not run before the model: `sample` is not run in Tilde: Tilde samples the model itself (a script\'s top-level `sample(…)` line gives the run its settings), so its chains exist only after the run',
    ]);
  });

  it('`length(y) == n || throw(DimensionMismatch(…))` stops with the model’s own message', () => {
    const source = '@model function m(y, n)\n    length(y) == n || throw(DimensionMismatch("y must have n elements"))\n    μ ~ Normal()\nend\n';
    const outcome = checkModel({ source, data: { text: '{"y": [1, 2], "n": 3}', format: 'json' } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostics[0]!.message).toBe('DimensionMismatch: y must have n elements');
  });

  it('`::Type{T}`, `Vector{T}(undef, n)`, `:=` and `@.` work together', () => {
    const r = ok({ ...load('type_param'), params: { s: [1, 2, 0.5] } });
    const x = [0.3, -1.2, 2.0];
    const s = [1, 2, 0.5];
    const ll = x.reduce((acc, xi, i) => acc + normal(xi, 0, s[i]!) + normal(xi, 0, 10), 0);
    expect(r.loglikelihood).toBeCloseTo(ll, 12);
    expect(r.generated['total']).toBe(3.5);
    // `return s` repeats the parameter s: no generated quantity of its own.
    expect(Object.keys(r.generated)).toEqual(['total']);
  });

  it('`end` in an index means the length of what it indexes, also nested, in ranges and on the left of `~`', () => {
    const source = [
      '@model function ends(y, k)',
      '    m ~ Normal(0, 1)',
      '    y[end] ~ Normal(m, 1)',
      '    y[end - 1] ~ Normal(m, 2)',
      '    last := y[k[end]]',
      '    inner := k[end - k[end - 1]]',
      '    tail := sum(y[2:end])',
      '    A = [1.0 2.0; 3.0 4.0; 5.0 6.0]',
      '    corner := A[end, end] + A[end - 1, 1]',
      'end',
    ].join('\n');
    const r = ok({ source, data: { text: JSON.stringify({ y: [0.5, 1.5, -0.25, 2.0], k: [3, 1, 2] }), format: 'json' }, params: { m: 0.2 } });
    expect(r.loglikelihood).toBeCloseTo(normal(2.0, 0.2, 1) + normal(-0.25, 0.2, 2), 12);
    expect(r.generated['last']).toBe(1.5);
    expect(r.generated['inner']).toBe(1);
    expect(r.generated['tail']).toBe(3.25);
    expect(r.generated['corner']).toBe(9);
  });
});
