import { describe, expect, it } from 'vitest';
import { summarize, type SummaryRow } from '../diagnostics/index.js';
import { compile, prepare } from '../lang/index.js';
import { sample, type Sampler } from './index.js';

/**
 * Turing's GibbsConditional docstring (0.41): a normal model with unknown mean and precision whose conditionals
 * are conjugate, sampled from the user's functions, against the closed-form normal–gamma posterior.
 */
const script = (gibbs: string): string => `
using Turing

@model function inverse_gdemo(x)
    precision ~ Gamma(2, inv(3))
    std = sqrt(1 / precision)
    m ~ Normal(0, std)
    for i in eachindex(x)
        x[i] ~ Normal(m, std)
    end
end

function cond_precision(vnt)
    a = 2.0
    b = 3.0
    m = vnt[@varname(m)]
    x = vnt[@varname(x)]
    n = length(x)
    a_new = a + (n + 1) / 2
    b_new = b + sum(abs2, x .- m) / 2 + m^2 / 2
    return Gamma(a_new, 1 / b_new)
end

function cond_m(vnt)
    precision = vnt[@varname(precision)]
    x = vnt[@varname(x)]
    n = length(x)
    m_mean = sum(x) / (n + 1)
    m_var = 1 / (precision * (n + 1))
    return Normal(m_mean, sqrt(m_var))
end

# Turing ≤ 0.35 wrote the conditioned values as a named tuple, c.m
cond_m_old(c) = Normal(sum(c.x) / (length(c.x) + 1), sqrt(1 / (c.precision * (length(c.x) + 1))))

both(vnt) = (; precision = cond_precision(vnt), m = cond_m(vnt))

model = inverse_gdemo([1.0, 2.0, 3.0])
chain = sample(model, ${gibbs}, 1000)
`;

const x = [1, 2, 3];
/** Normal–gamma with κ₀ = 1, μ₀ = 0, α₀ = 2, β₀ = 3 (the prior's rate). */
const n = x.length;
const mean = x.reduce((a, b) => a + b, 0) / n;
const mu = (n * mean) / (1 + n);
const alpha = 2 + n / 2;
const beta = 3 + 0.5 * x.reduce((a, b) => a + (b - mean) ** 2, 0) + (n * mean * mean) / (2 * (1 + n));

function rows(gibbs: string): Map<string, SummaryRow> {
  const p = prepare({ source: script(gibbs) });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  const sampler = p.value.scriptRun?.sampler as Sampler;
  const chains = sample(p.value.model, p.value.args, sampler, { draws: 2000, warmup: 100, chains: 4, seed: 3 });
  return new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
}

function expectMean(table: Map<string, SummaryRow>, name: string, exact: number): void {
  const r = table.get(name)!;
  expect(Math.abs(r.mean - exact), `${name}: ${r.mean} vs ${exact} (MCSE ${r.mcse_mean})`).toBeLessThan(4 * r.mcse_mean);
  expect(r.rhat).toBeLessThan(1.01);
}

describe('GibbsConditional', () => {
  it.each([
    ['each variable by its own function (Turing 0.41)', 'Gibbs(:precision => GibbsConditional(cond_precision), :m => GibbsConditional(cond_m))'],
    ['a named tuple from one function for a block of two', 'Gibbs((@varname(precision), @varname(m)) => GibbsConditional(both))'],
    ['the older GibbsConditional(:m, f) reading c.m, beside NUTS', 'Gibbs(GibbsConditional(:m, cond_m_old), NUTS(:precision))'],
  ])('%s reaches the normal–gamma posterior', (_, gibbs) => {
    const table = rows(gibbs);
    expectMean(table, 'm', mu);
    expectMean(table, 'precision', alpha / beta);
  });

  it('gives the function a Bernoulli variable as the Bool the model sees (`c.z ? … : …`)', () => {
    const p = prepare({
      source: `
@model function sign_switch(y)
    z ~ Bernoulli(0.5)
    mu ~ Normal(0, 1)
    y ~ Normal(z ? mu : -mu, 1)
end
cond_mu(c) = Normal((c.z ? 1 : -1) * c.y / 2, sqrt(1 / 2))
chain = sample(sign_switch(1.0), Gibbs(:z => MH(), :mu => GibbsConditional(cond_mu)), 1000)
`,
    });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(p.value.model, p.value.args, p.value.scriptRun?.sampler as Sampler, { draws: 2000, warmup: 100, chains: 2, seed: 1 });
    // Given z, mu's conditional is N(±y/2, 1/2): the signed draws average y/2.
    let signed = 0;
    for (let c = 0; c < 2; c++) {
      const z = chains.draws('z', c);
      chains.draws('mu', c).forEach((mu, i) => (signed += (z[i] === 1 ? mu : -mu) / 4000));
    }
    expect(signed).toBeCloseTo(0.5, 1);
  });

  it('names what it cannot use: a lambda, a function the file lacks, a wrong return', () => {
    const problems = (gibbs: string) => compile(script(gibbs)).diagnostics.map((d) => d.message);
    expect(problems('Gibbs(:m => GibbsConditional(c -> Normal()), :precision => MH())').join()).toMatch(/GibbsConditional needs a function the file defines, by its name/);
    expect(problems('Gibbs(:m => GibbsConditional(cond_nothing), :precision => MH())').join()).toMatch(/GibbsConditional needs a function the file defines, by its name \(`function cond_m\(c\) … end`\), got `cond_nothing`/);
    expect(problems('GibbsConditional(cond_m)').join()).toMatch(/`GibbsConditional` is a Gibbs component: use it inside Gibbs/);
    expect(() => rows('Gibbs((@varname(precision), @varname(m)) => GibbsConditional(cond_m))')).toThrow(/GibbsConditional\(cond_m\) samples `precision` and `m`, so `cond_m` must return a distribution for each, as a named tuple/);
  });
});
