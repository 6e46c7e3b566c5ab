import { describe, expect, it } from 'vitest';
import { checkModel, type CheckRequest } from './index.js';
import { normalLogpdf } from './testing.js';

/** Runs a check that must fail and returns its first error, with the text it points at. */
function firstError(req: CheckRequest) {
  const outcome = checkModel(req);
  if (outcome.ok) throw new Error('expected the check to fail');
  const d = outcome.diagnostics.find((x) => x.severity === 'error')!;
  return { ...d, text: req.source.slice(d.from, d.to) };
}

const json = (text: string) => ({ text, format: 'json' as const });

describe('every error class of the spec names the problem and its place', () => {
  it('a Turing function Tilde deliberately lacks says why and what to write instead, not "unknown"', () => {
    const source = '@model function crp(x)\n    rpm = DirichletProcess(1.0)\n    z ~ ChineseRestaurantProcess(rpm, [1, 2])\nend\nm = crp([1.0])\nq = vi(m, q_locationscale(m), 1000)\n';
    const outcome = checkModel({ source });
    if (outcome.ok) throw new Error('random measures must be refused');
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.severity, d.line, d.message.split(',')[0]])).toEqual([
      ['error', 2, "`DirichletProcess` is one of Turing's random measures (Turing.RandomMeasures)"],
      ['error', 3, "`ChineseRestaurantProcess` is one of Turing's random measures (Turing.RandomMeasures)"],
      ['warning', 6, "Tilde's ADVI fits `q_meanfield_gaussian(model)` or `q_fullrank_gaussian(model)`"],
    ]);
    expect(outcome.diagnostics[0]!.message).toContain('write a finite mixture instead');
  });

  it("a Bayesian VAR's MatrixNormal prior says how to write it as an MvNormal of its vec, not 'unknown function'", () => {
    const source = '@model function bvar(Y, M, U)\n    Σ ~ InverseWishart(4, [1.0 0.0; 0.0 1.0])\n    B ~ MatrixNormal(M, U, Σ)\n    Y ~ MvNormal(vec(B), I)\nend\n';
    const e = firstError({ source, data: json('{"Y": [0.1, 0.2, 0.3, 0.4], "M": [[0, 0], [0, 0]], "U": [[1, 0], [0, 1]]}') });
    expect([e.line, e.text, e.message]).toEqual([3, 'MatrixNormal', "`MatrixNormal` is Distributions.jl's matrix normal, which Tilde does not have as such: draw its vec, `b ~ MvNormal(vec(M), kron(V, U))` for `MatrixNormal(M, U, V)`, and take `B = reshape(b, size(M)...)`"]);
  });

  it("a Distributions.jl family Tilde lacks (Turing's distribution tests) and DynamicPPL's NamedDist say so and what to write, not 'unknown function'", () => {
    const family = firstError({ source: '@model function m()\n    x ~ Biweight(0, 1)\nend\n' });
    expect([family.line, family.text, family.message.split(':')[0]]).toEqual([2, 'Biweight', '`Biweight` is a Distributions.jl family that Tilde does not have']);
    expect(family.message).toContain('@addlogprob!');
    const named = firstError({ source: '@model f1() = x ~ NamedDist(Normal(), :y)\n' });
    expect(named.message).toMatch(/^`NamedDist` is DynamicPPL's way to name a variable .*write the name on the left/);
  });

  it("a draw in a `:=` quantity or the return value (Stan's `_rng` in generated quantities) runs, as in Turing: not a parameter, outside the log density", () => {
    const source = '@model function rate(n, k)\n    θ ~ Beta(1, 1)\n    k ~ Binomial(n, θ)\n    k_rep := rand(Binomial(n, θ))\n    u = rand()\n    return u\nend\n';
    const outcome = checkModel({ source, data: json('{"n": 10, "k": 3}'), params: { θ: 0.3 } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['θ']);
    const { k_rep, return: u } = outcome.value.generated;
    expect(Number.isInteger(k_rep) && k_rep! >= 0 && k_rep! <= 10).toBe(true);
    expect(u).toBeGreaterThan(0);
    expect(u).toBeLessThan(1);
    expect(outcome.value.logjoint).toBeCloseTo(Math.log(120 * 0.3 ** 3 * 0.7 ** 7), 10);
  });

  it("BUGS/JAGS densities say Turing's family and where the parameters differ, not 'did you mean norm'", () => {
    const e = firstError({ source: '@model function m(y)\n    mu ~ Normal()\n    y ~ dnorm(mu, 4)\nend\n', data: json('{"y": 1}') });
    expect(e.message).toBe("`dnorm` is BUGS/JAGS's (and R's) density: Turing writes `y ~ Normal(μ, σ)` with the standard deviation σ: BUGS's `dnorm(μ, τ)` takes the precision τ = 1/σ²");
    expect(e.text).toBe('dnorm');
    expect(firstError({ source: '@model function m(y)\n    p ~ Beta(1, 1)\n    y ~ dbin(p, 10)\nend\n', data: json('{"y": 3}') }).message).toContain('`y ~ Binomial(n, p)`, the number of trials first');
  });

  it('a range with a bound that is not whole is Float64 in Julia: its elements index nothing, in a loop, a comprehension or as a range', () => {
    const model = (body: string) => `@model function m(y, N)\n    μ ~ Normal(0, 1)\n${body}\nend\n`;
    const data = json('{"y": [0.5, 1.0, 2.0], "N": 2.5}');
    const loop = firstError({ source: model('    for i in 1:N\n        y[i] ~ Normal(μ, 1)\n    end'), data });
    expect(loop.message).toBe('`y[i]` indexes with a Float64: `1:N` is the Float64 range 1.0:1.0:2.0, as its stop 2.5 is not a whole number, and Julia stops here with "invalid index: 1.0 of type Float64"; give the range integer bounds (an `Int` in the data, or `floor(Int, …)`)');
    expect([loop.line, loop.text]).toEqual([4, 'y[i]']);
    const lag = firstError({ source: model('    z = [y[i + 1] for i in 1:N/2]\n    y ~ MvNormal(fill(μ, 3), 1.0)'), data });
    expect([lag.line, lag.text, lag.message.split(':')[0]]).toEqual([3, 'y[i + 1]', '`y[i + 1]` indexes with a Float64']);
    expect(firstError({ source: model('    y[1:N] ~ MvNormal(fill(μ, 2), 1.0)'), data }).message).toBe('an index must be an integer or a range of integers, got the Float64 range 1.0:1.0:2.0 (a bound is not a whole number)');
    // A loop that does not index with its variable runs, as in Julia: 1.0 + 2.0.
    const sums = checkModel({ source: model('    s = 0.0\n    for i in 1:N\n        s += i\n    end\n    y ~ MvNormal(fill(μ + s, 3), 1.0)'), data, params: { μ: 0 } });
    if (!sums.ok) throw new Error(sums.diagnostics[0]!.message);
    expect(sums.value.loglikelihood).toBeCloseTo(-1.5 * Math.log(2 * Math.PI) - 0.5 * (2.5 ** 2 + 2 ** 2 + 1), 12);
  });

  it('truncated with two positional arguments, which Distributions.jl has no method for, says how to write a lower bound', () => {
    const e = firstError({ source: '@model function m()\n    τ ~ truncated(Cauchy(0, 5), 0)\nend\n' });
    expect(e.message).toBe('`truncated(d, l)` is no method of Distributions.jl: write `truncated(d; lower = l)` for a lower bound alone, or `truncated(d, l, u)`');
    expect(e.text).toBe('truncated(Cauchy(0, 5), 0)');
  });

  it("old Turing's `x ~ [Normal(0, σ)]` (TuringModels.jl's m12.6t) names the syntax and what replaced it", () => {
    const source = '@model function m(y, n)\n    σ ~ Exponential(1)\n    a = Vector{Real}(undef, n)\n    a ~ [Normal(0, σ)]\n    y ~ Normal(a[1], 1)\nend\n';
    const e = firstError({ source, data: json('{"y": 0.5, "n": 3}') });
    expect([e.line, e.text]).toEqual([4, '[Normal(0, σ)]']);
    expect(e.message).toBe(
      'the right-hand side of `~` is a vector of 1 distribution, not a distribution (`x ~ [Normal(0, σ)]` is the syntax of old Turing versions): write `x ~ filldist(Normal(0, σ), n)` for n independent draws of one distribution, or `x ~ arraydist(ds)` for one draw of each',
    );
  });

  it("Bijectors' `transformed` with a transform Tilde does not have says which ones it has", () => {
    const source = (d: string) => `@model function m(R)\n    cutpoints ~ ${d}\n    R .~ OrderedLogistic(0, cutpoints)\nend\n`;
    const other = firstError({ source: source('transformed(filldist(Normal(0, 1.5), 2), sqrt)'), data: json('{"R": [1, 3]}') });
    expect([other.line, other.message]).toEqual([2, 'transformed: Tilde pushes a distribution through `OrderedBijector()`, `bijector(D)`, `Logit(a, b)`, exp, log, logistic, logit (or their `elementwise`) and their inverses; got the function sqrt']);
  });

  it("DifferentialEquations' stiff solvers, with or without their `using` line, say that Tilde's solve is explicit and what to use", () => {
    const source = '@model function sir(y)\n    β ~ Normal()\n    prob = ODEProblem((u, p, t) -> -p * u, 1.0, (1.0, 2.0), β)\n    y ~ Normal(solve(prob, Rodas5())[end], 1)\nend\n';
    const e = firstError({ source, data: json('{"y": 0.5}') });
    expect([e.line, e.text, e.message]).toEqual([4, 'Rodas5', "`Rodas5` is a stiff solver of DifferentialEquations: Tilde's `solve` has explicit Runge–Kutta methods only (Tsit5, DP5, BS3, RK4, Midpoint, Euler), no stiff (implicit) solver: for a non-stiff problem use `Tsit5()`; a stiff one needs tight steps from an explicit method (`Tsit5()` with a larger `maxiters`)"]);
  });

  it("old TuringModels.jl scripts' `TArray` and `VecBinomialLogit` say what replaced them", () => {
    const tarray = firstError({ source: '@model function m(y)\n    α = TArray{Any}(undef, 2)\n    for i in 1:2\n        α[i] ~ Normal()\n    end\n    y ~ Normal(α[1], 1)\nend\n', data: json('{"y": 0.5}') });
    expect([tarray.line, tarray.text, tarray.message]).toEqual([2, 'TArray', "`TArray` is old Turing's array for particle samplers, since removed: write `Vector{Real}(undef, n)`, or draw the whole vector at once with `α ~ filldist(Normal(0, 10), n)`"]);
    const vec = firstError({ source: '@model function m(y, n)\n    a ~ Normal()\n    y ~ VecBinomialLogit(n, fill(a, 2))\nend\n', data: json('{"y": [1, 2], "n": [3, 3]}') });
    expect([vec.line, vec.text, vec.message]).toEqual([3, 'VecBinomialLogit', '`VecBinomialLogit` is the vectorised BinomialLogit of old TuringModels.jl versions, since removed: write `y .~ BinomialLogit.(n, logitp)`']);
    // TuringLang/papers' lda and sto_volatility benchmarks (2019).
    const multi = firstError({ source: '@model function lda(M, alpha)\n    theta ~ Multi(Dirichlet(alpha), M)\nend\n', data: json('{"M": 2, "alpha": [1, 1]}') });
    expect([multi.line, multi.text, multi.message]).toEqual([2, 'Multi', "`Multi` is old Turing's n independent draws of a distribution, since removed: write `filldist(D, n)`"]);
    const arrayDist = firstError({ source: '@model function sv(y)\n    h ~ filldist(Normal(), 2)\n    y ~ ArrayDist(Normal.(0, exp.(h / 2)))\nend\n', data: json('{"y": [0.1, -0.2]}') });
    expect([arrayDist.line, arrayDist.text, arrayDist.message]).toEqual([3, 'ArrayDist', "`ArrayDist` is old Turing's name for a vector of distributions drawn together: write `arraydist(ds)`"]);
  });

  it("a script's `while` loop that never ends is stopped with its place", () => {
    const script = checkModel({ source: 'n = 0\nwhile true\n    global n += 1\nend\n@model function m(y)\n    x ~ Normal()\n    y ~ Normal(x, 1)\nend\n', data: json('{"y": 0.5}') });
    if (!script.ok) throw new Error(`the script should check: ${script.diagnostics[0]?.message}`);
    expect(script.warnings).toEqual([expect.objectContaining({ line: 2, severity: 'warning', message: 'top-level `while` loop is ignored: this `while` loop ran 10⁷ times without its condition turning false: does it ever end?' })]);
  });

  it('a prior draw the model cannot be evaluated at is passed over, and said so where it failed', () => {
    const source = '@model function m(y)\n    x ~ Normal()\n    y ~ Normal(0, x)\nend\n';
    const infos = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const outcome = checkModel({ source, data: json('{"y": 0.5}'), seed });
      if (!outcome.ok) throw new Error(`seed ${seed}: ${outcome.diagnostics[0]?.message}`);
      expect(outcome.value.at['x']).toBeGreaterThan(0);
      return outcome.warnings;
    });
    const said = infos.filter((w) => w.length > 0);
    expect(said.length).toBeGreaterThan(0);
    for (const w of said) {
      expect(w).toEqual([expect.objectContaining({ line: 3, severity: 'info', message: expect.stringMatching(/^the first (draw|\d draws) from the prior could not be evaluated \(Normal: σ must be .*\); the check uses the next draw/) })]);
    }
  });

  it('a prior too vague for any of its draws to be evaluated is checked at a point of Stan\'s initial region, or at the values given', () => {
    const source = '@model function m(y)\n    tau ~ Gamma(1e-6, 1e6)\n    y ~ MvNormal(zeros(2), I / tau)\nend\n';
    const drawn = checkModel({ source, data: json('{"y": [0.5, 0.2]}') });
    if (!drawn.ok) throw new Error(drawn.diagnostics[0]!.message);
    expect(drawn.value.atInitRegion).toBe(true);
    expect(Math.abs(Math.log(drawn.value.at['tau']!))).toBeLessThan(2);
    expect(drawn.warnings).toEqual([expect.objectContaining({ line: 3, severity: 'info', message: expect.stringMatching(/^the first \d+ draws from the prior could not be evaluated \(MvNormal: .*\); the check uses a point drawn as Stan draws initial values/) })]);
    const given = checkModel({ source, data: json('{"y": [0.5, 0.2]}'), params: { tau: 2 } });
    if (!given.ok) throw new Error(given.diagnostics[0]!.message);
    expect(given.value.atInitRegion).toBeUndefined();
    expect(given.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0, Math.SQRT1_2) + normalLogpdf(0.2, 0, Math.SQRT1_2), 12);
  });

  it('a DomainError of a function at a prior draw (`sqrt(s)`, `s ~ Normal()`) is passed over like a distribution argument, not an error of the model', () => {
    const source = '@model function m(y)\n    s ~ Normal(0, 1)\n    y ~ Normal(0, sqrt(s))\nend\n';
    // Seed 8 draws s < 0 first: the check failed there and passed at seeds that drew s > 0.
    const outcome = checkModel({ source, data: json('{"y": 0.3}'), seed: 8 });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.at['s']).toBeGreaterThan(0);
    expect(outcome.warnings.map((w) => [w.line, source.slice(w.from, w.to), w.severity, w.message.split(';')[0]])).toEqual([[3, 'sqrt(s)', 'info', expect.stringMatching(/^the first (draw|\d draws) from the prior could not be evaluated \(sqrt was called with -[\d.e-]+, outside its domain \(DomainError\)\)$/)]]);
    // Of a constant, it is the model's error at every draw.
    const constant = firstError({ source: source.replace('sqrt(s)', 'sqrt(-1)'), data: json('{"y": 0.3}') });
    expect([constant.text, constant.message]).toEqual(['sqrt(-1)', 'sqrt was called with -1, outside its domain (DomainError)']);
  });

  it('unknown function, with a suggestion', () => {
    const source = '@model function demo(x)\n    m ~ Normall(0, 1)\n    x ~ Normal(m, 1)\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect(e.message).toBe('unknown function `Normall` — did you mean `Normal`?');
    expect([e.line, e.column, e.text]).toEqual([2, 9, 'Normall']);
  });

  it('undefined variable', () => {
    const source = '@model function demo(x)\n    m ~ Normal(0, 1)\n    x ~ Normal(mu, 1)\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect(e.message).toBe('`mu` is not defined — did you mean `m`?');
    expect([e.line, e.column, e.text]).toEqual([3, 16, 'mu']);
  });

  it('a Greek name spelled out (`sigma` for `σ`, `theta` for `θ`) is suggested as the Greek letter, not a function of similar spelling', () => {
    const source = '@model function demo(y, σ)\n    θ ~ Normal(0, 1)\n    y ~ Normal(theta, sigma)\nend\n';
    const e = firstError({ source, data: json('{"y": 1.0, "σ": 2.0}') });
    expect([e.line, e.text, e.message]).toEqual([3, 'theta', '`theta` is not defined — did you mean `θ`?']);
    const sigma = firstError({ source: source.replace('theta', 'θ'), data: json('{"y": 1.0, "σ": 2.0}') });
    expect(sigma.message).toBe('`sigma` is not defined — did you mean `σ`?');
  });

  it("R's `s <- 2`, which Julia reads as `s < -2`, says so where the name it meant to assign is read", () => {
    const source = '@model function demo(y)\n    μ ~ Normal(0, 1)\n    s <- 2\n    y ~ Normal(μ, s)\nend\n';
    const e = firstError({ source, data: json('{"y": 0.5}') });
    expect([e.line, e.text, e.message]).toEqual([3, 's', "`s` is not defined: `s <- …` is R's assignment, which Julia reads as the comparison `s < -…`; write `s = …`"]);
    // Of a name that is defined, the comparison runs and nothing uses it: a warning on the line.
    const defined = checkModel({ source: source.replace('demo(y)', 'demo(y, s)'), data: json('{"y": 0.5, "s": 1}') });
    expect(defined.ok && defined.warnings.map((w) => [w.line, source.replace('demo(y)', 'demo(y, s)').slice(w.from, w.to), w.message])).toEqual([
      [3, 's <- 2', "R's `<-` is no assignment in Julia: this line compares (`x < -…`) and discards the result; write `=`"],
    ]);
    // Spaced as Julia's comparison, it is left alone.
    const spaced = checkModel({ source: source.replace('demo(y)', 'demo(y, s)').replace('s <- 2', 's < -2'), data: json('{"y": 0.5, "s": 1}') });
    expect(spaced.ok && spaced.warnings).toEqual([]);
  });

  it('a local declared and not yet assigned hides the outer name of the same spelling', () => {
    const source = '@model function demo(x)\n    m = 1.0\n    for i in 1:2\n        local m\n        x[i] ~ Normal(m, 1)\n    end\nend\n';
    const e = firstError({ source, data: json('{"x": [1.0, 2.0]}') });
    expect(e.message).toBe('`m` is used before it is assigned');
    expect([e.line, e.column, e.text]).toEqual([5, 23, 'm']);
  });

  it('each iteration of a loop starts with fresh locals: one assigned in the last iteration is unassigned in the next', () => {
    const source = '@model function demo(x)\n    for i in 1:2\n        if i == 2\n            x[i] ~ Normal(t, 1)\n        end\n        t = 1.0\n    end\nend\n';
    const e = firstError({ source, data: json('{"x": [1.0, 2.0]}') });
    expect(e.message).toBe('`t` is used before it is assigned');
    expect([e.line, e.column, e.text]).toEqual([4, 27, 't']);
  });

  it('a random variable drawn twice under one name (a loop variable on the left of `~`, which is not data)', () => {
    const source = '@model function demo(x)\n    μ ~ Normal(0, 1)\n    for (i, xi) in enumerate(x)\n        xi ~ Normal(μ, 1)\n    end\nend\n';
    const e = firstError({ source, data: json('{"x": [1.0, 2.0]}') });
    expect(e.message).toMatch(/^`xi` is drawn as a random variable more than once in one run of the model: .*`xi\[i\] ~ …`.*model argument/);
    expect([e.line, e.column, e.text]).toEqual([4, 9, 'xi ~ Normal(μ, 1)']);
  });

  it('a random variable whose elements an earlier `~` drew already (Stan’s second statement on one element)', () => {
    const source = '@model function demo(y)\n    x ~ filldist(Normal(0, 10), 3)\n    x[3] ~ Normal(x[2], 0.1)\n    y ~ Normal(x[3], 1)\nend\n';
    const e = firstError({ source, data: json('{"y": 1.0}') });
    expect(e.message).toMatch(/^`x\[3\]` overlaps `x`, drawn by an earlier `~` in this run: each element is drawn once/);
    expect([e.line, e.column, e.text]).toEqual([3, 5, 'x[3] ~ Normal(x[2], 0.1)']);
    // The other order too: the whole vector after one of its elements.
    const reversed = firstError({ source: source.replace('    x ~ filldist(Normal(0, 10), 3)\n    x[3] ~ Normal(x[2], 0.1)', '    x = zeros(3)\n    x[3] ~ Normal(0, 1)\n    x ~ filldist(Normal(0, 10), 3)'), data: json('{"y": 1.0}') });
    expect(reversed.message).toMatch(/^`x` overlaps `x\[3\]`/);
  });

  it('unsupported syntax', () => {
    const source = '@model function demo(x)\n    x ~ Normal(0, 1)\nend\n\nabstract type Shape end\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect(e.message).toMatch(/`abstract type` definitions are not supported/);
    expect([e.line, e.column]).toEqual([5, 1]);
  });

  it('missing data argument', () => {
    const source = '@model function demo(x, y)\n    m ~ Normal(0, 1)\n    x ~ Normal(m, 1)\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect(e.message).toBe('no data for the model argument `y`, and it has no default value');
    expect([e.line, e.column, e.text]).toEqual([1, 25, 'y']);
  });

  it("a slice of data holding missing values is observed whole, as in DynamicPPL, so it is refused at its statement rather than drawn over the data", () => {
    for (const [slice, y] of [
      ['y[1:1]', '[null]'],
      ['y[1:2]', '[null, 1.5]'],
      ['y[2:3]', '[1.0, null, null]'],
    ] as const) {
      const e = firstError({ source: `@model function m(y)\n    ${slice} ~ MvNormal(zeros(${slice === 'y[1:1]' ? 1 : 2}), I)\nend\n`, data: json(`{"y": ${y}}`) });
      expect([e.line, e.text, e.message.split(',')[0]], y).toEqual([2, slice, `\`${slice}\` holds missing values`]);
    }
    // An element that is `missing` itself is still drawn.
    expect(checkModel({ source: '@model function m(y)\n    y[1] ~ Normal()\n    y[2] ~ Normal(y[1], 1)\nend\n', data: json('{"y": [null, 1.5]}') }).ok).toBe(true);
  });

  it('wrong data shape: a matrix whose columns are not draws of the distribution observed', () => {
    const source = '@model function demo(x)\n    σ ~ Gamma(2, 1)\n    x ~ MvNormal(zeros(2), σ^2 * I)\nend\n';
    const e = firstError({ source, data: json('{"x": [[1, 2], [3, 4], [5, 6]]}') });
    expect(e.message).toBe('`x` is a 3×2 array, but MvNormal here is a distribution over vectors of length 2');
    expect([e.line, e.column]).toEqual([3, 5]);
  });

  it("wrong data shape: a vector where `n, d = size(X)` wants a matrix shows the size and asks", () => {
    const source = '@model function reg(X, y)\n    n, d = size(X)\n    β ~ filldist(Normal(), d)\n    y ~ MvNormal(X * β, I)\nend\n';
    const e = firstError({ source, data: json('{"X": [1, 2, 3], "y": [0.5, 1, 1.5]}') });
    expect([e.line, e.text, e.message]).toEqual([2, 'n, d', 'cannot unpack (3,), a tuple of 1, into 2 names (`size` of a vector has one entry: does the data give a vector where the model expects a matrix?)']);
  });

  it('`μ ~ α .+ x .* β` where `μ = …` was meant: a value on the right of `~` says how a computed value is written', () => {
    const source = '@model function demo(x, y)\n    α ~ Normal(0, 1)\n    μ ~ α .+ x\n    y ~ MvNormal(μ, I)\nend\n';
    const e = firstError({ source, data: json('{"x": [1, 2], "y": [0.5, 1]}') });
    expect([e.line, e.text, e.message]).toEqual([3, 'α .+ x', 'the right-hand side of `~` must be a distribution, got a vector of length 2 (`~` draws a random variable from a distribution; a value computed from others is assigned with `=`)']);
  });

  it('a null in a covariate that reaches a distribution says that only a drawn value can be missing', () => {
    const source = '@model function demo(x, y)\n    β ~ Normal(0, 1)\n    for i in eachindex(y)\n        y[i] ~ Bernoulli(logistic(β * x[i]))\n    end\nend\n';
    const e = firstError({ source, data: json('{"x": [0.5, null], "y": [1, 0]}') });
    expect([e.line, e.text, e.message]).toEqual([4, 'Bernoulli(logistic(β * x[i]))', 'Bernoulli: p must be a number, got missing (a null in the data reaches here: a missing value can be sampled only where the model draws it, as `x[i] ~ …`; give the value, or drop the row)']);
  });

  it('`m = Normal(…)` where `m ~ Normal(…)` was meant: the distribution used as a number says how a draw is written', () => {
    const source = '@model function demo(x)\n    m = Normal(0, 1)\n    x ~ Normal(m, 1)\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect([e.line, e.text, e.message]).toEqual([3, 'Normal(m, 1)', 'Normal: μ must be a number, got a Normal distribution (a value drawn from a distribution is written `m ~ Normal(…)`; `m = Normal(…)` makes m the distribution itself)']);
  });

  it('wrong data shape: a loop past the end of the data', () => {
    const source = '@model function demo(x)\n    m ~ Normal(0, 1)\n    for i in 1:3\n        x[i] ~ Normal(m, 1)\n    end\nend\n';
    const e = firstError({ source, data: json('{"x": [1.0, 2.0]}') });
    expect(e.message).toBe('index 3 is out of bounds for `x`, a vector of length 2');
    expect([e.line, e.column, e.text]).toEqual([4, 9, 'x[i]']);
    // Read in an expression, the array is named too: eight schools with J larger than its data.
    const schools = '@model function s(J, y, σ)\n    μ ~ Normal(0, 5)\n    for j in 1:J\n        y[j] ~ Normal(μ, σ[j])\n    end\nend\n';
    const past = firstError({ source: schools, data: json('{"J": 3, "y": [28, 8, -3], "σ": [15, 10]}') });
    expect([past.line, past.text, past.message]).toEqual([4, 'σ[j]', 'index 3 is out of bounds for `σ`, a vector of length 2']);
  });

  it("data that does not fit an argument's annotation is refused on the argument, as Julia's MethodError refuses the call", () => {
    const source = '@model function demo(y::Vector{Float64}, N::Int)\n    μ ~ Normal(0, 1)\n    for i in 1:N\n        y[i] ~ Normal(μ, 1)\n    end\nend\n';
    const fraction = firstError({ source, data: json('{"y": [0.1, -0.3, 0.5], "N": 2.5}') });
    expect([fraction.line, fraction.text, fraction.message]).toEqual([1, 'N::Int', '`N` is declared `::Int`, but the data gives the number 2.5: give data of that type, or change the annotation']);
    const matrix = firstError({ source, data: json('{"y": [[0.1, -0.3], [0.5, 1]], "N": 2}') });
    expect([matrix.text, matrix.message]).toEqual(['y::Vector{Float64}', '`y` is declared `::Vector{Float64}`, but the data gives a 2×2 array: give data of that type, or change the annotation']);
    const counts = firstError({ source: source.replace('Vector{Float64}', 'Vector{Int}'), data: json('{"y": [1, 2.5], "N": 2}') });
    expect(counts.message).toBe('`y` is declared `::Vector{Int}`, but the data gives a vector of length 2 whose element [2] is the number 2.5: give data of that type, or change the annotation');
    // Whole numbers are Float64s too (JSON does not tell 1 from 1.0), and missing values are sampled whatever the annotation.
    expect(checkModel({ source, data: json('{"y": [1, 2, 3], "N": 3}') }).ok).toBe(true);
    expect(checkModel({ source, data: json('{"y": [1, null, 3], "N": 3}') }).ok).toBe(true);
  });

  it('wrong data kind: a string, ragged rows observed as numbers, a non-integer count, a negative count', () => {
    const source = '@model function demo(y)\n    λ ~ Gamma(2, 1)\n    y .~ Poisson(λ)\nend\n';
    expect(firstError({ source, data: json('{"y": [1, "two"]}') }).message).toBe('data `y`[2] is the string "two"; the model needs numbers (use null for missing)');
    // Ragged rows are vectors (Julia's Vector{Vector}): `.~` observes each number, as DynamicPPL's loglikelihood of each row does; `~` cannot.
    expect(firstError({ source: source.replace('.~', '~'), data: json('{"y": [[1, 2], [3]]}') }).message).toBe('`y`[1] is a vector of length 2; a filldist value must hold numbers only');
    const fractional = firstError({ source, data: json('{"y": [1, 2.5]}') });
    expect(fractional.message).toBe('`y[2]` = 2.5 is not a valid Poisson observation: it must be an integer');
    expect([fractional.line, fractional.column]).toEqual([3, 5]);
    expect(firstError({ source, data: json('{"y": [-1, 2]}') }).message).toBe('`y[1]` = -1 is not a valid Poisson observation: counts cannot be negative');
  });

  it('a keyword a distribution does not take is refused, not ignored (a typo would drop the truncation)', () => {
    const source = (d: string) => `@model function demo(y)\n    τ ~ ${d}\n    y ~ Normal(τ, 1)\nend\n`;
    const data = json('{"y": 0.5}');
    const typo = firstError({ source: source('truncated(Cauchy(0, 5); lowr = 0)'), data });
    expect([typo.line, typo.text, typo.message]).toEqual([2, 'truncated(Cauchy(0, 5); lowr = 0)', 'truncated has no keyword argument `lowr` (it takes lower, upper, check_args)']);
    const named = firstError({ source: source('Normal(μ = 5, σ = 2)'), data });
    expect(named.message).toBe('Normal has no keyword argument `μ`: its parameters go by position, `Normal(μ, σ)`');
    expect(checkModel({ source: source('truncated(Normal(0, 1; check_args = false); lower = 0)'), data }).ok).toBe(true);
  });

  it("a keyword a user function does not take is refused at the call that passes it, with the keyword meant", () => {
    const source = 'f(x; scale = 1) = x * scale\n@model function demo(y)\n    a ~ Normal(0, 1)\n    y ~ Normal(f(a; scael = 2), 1)\nend\n';
    const e = firstError({ source, data: json('{"y": 0.5}') });
    expect([e.line, e.text, e.message]).toEqual([4, 'f(a; scael = 2)', '`f` has no keyword argument `scael`: did you mean `scale`?']);
  });

  it('invalid distribution argument', () => {
    const source = '@model function demo(x)\n    σ ~ Gamma(-1, 1)\n    x ~ Normal(0, σ)\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}') });
    expect(e.message).toBe('Gamma: shape α must be positive, got -1');
    expect([e.line, e.column, e.text]).toEqual([2, 9, 'Gamma(-1, 1)']);
  });

  it('an impossible parameter value names the parameter and its support', () => {
    const source = '@model function demo(x)\n    s² ~ InverseGamma(2, 3)\n    x ~ Normal(0, sqrt(s²))\nend\n';
    const e = firstError({ source, data: json('{"x": 1.0}'), params: { 's²': -1 } });
    expect(e.message).toBe('the value given for `s²` (-1) is outside the support of InverseGamma: (0, ∞)');
    expect([e.line, e.column]).toEqual([2, 5]);
  });

  it('a log density of −∞ where the check evaluates the model is a warning on the statement, naming the observation and the support', () => {
    const source = '@model function demo(y)\n    θ ~ Dirichlet(3, 1.0)\n    for i in eachindex(y)\n        y[i] ~ Categorical(θ)\n    end\nend\n';
    const outcome = checkModel({ source, data: json('{"y": [1, 2, 4]}') });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.loglikelihood).toBe(-Infinity);
    expect(outcome.warnings.map((w) => [w.severity, w.line, source.slice(w.from, w.to), w.message])).toEqual([
      ['warning', 4, 'y[i] ~ Categorical(θ)', 'the log density is not finite at the draw from the prior checked: the observation `y[3]` = 4 (a Categorical, with support 1 … 3) has log density −∞ here; a sampler starts only where it is finite'],
    ]);
    // Vectorised, the element is still named; a finite log density draws no warning.
    const dotted = checkModel({ source: '@model function demo(y)\n    p ~ Beta(1, 1)\n    y .~ Binomial(10, p)\nend\n', data: json('{"y": [3, 12]}') });
    expect(dotted.ok && dotted.warnings.map((w) => w.message.split(': ')[1])).toEqual(['the observation `y[2]` = 12 (a Binomial, with support 0 … 10) has log density −∞ here; a sampler starts only where it is finite']);
    // Counts that do not sum to the trials say both.
    const counts = checkModel({ source: '@model function m(y)\n    p ~ Dirichlet(3, 1.0)\n    y ~ Multinomial(10, p)\nend\n', data: json('{"y": [3, 4, 5]}') });
    expect(counts.ok && counts.warnings.map((w) => w.message.split(': ')[1])).toEqual(['the observation `y` = [3, 4, 5] (a Multinomial of 10 trials; the counts sum to 12) has log density −∞ here; a sampler starts only where it is finite']);
    const fine = checkModel({ source, data: json('{"y": [1, 2, 3]}') });
    expect(fine.ok && fine.warnings).toEqual([]);
  });

  it('an array past the length JavaScript allows says an array that large cannot be allocated, where it is asked for', () => {
    // 10⁹ is allocated by JavaScript but fills memory for seconds before the worker dies of it: refused as asked for.
    for (const call of ['zeros(10^10)', 'fill(0.0, 10^10)', 'Vector{Float64}(undef, 10^10)', 'zeros(10^9)', 'ones(10^5, 10^5)']) {
      const e = firstError({ source: `@model function big(x)\n    m ~ Normal(0, 1)\n    v = ${call}\n    x ~ Normal(m, 1)\nend\n`, data: json('{"x": 1.0}') });
      expect([e.line, e.text, e.message], call).toEqual([3, call, expect.stringMatching(/^an array this large cannot be allocated \(.+\): check the size this asks for$/)]);
    }
  });

  it('a function that calls itself without end says so, wherever in it the stack runs out', () => {
    const bodies = ['f(a) = f(a) + 1', 'function f(n)\n    return f(n + 1)\nend', 'function f(n)\n    x = [n, n]\n    return f(x[1] * 2) + sum(x)\nend', 'f(a; k = 1) = f(a; k = k + 1)'];
    for (const body of bodies) {
      const e = firstError({ source: `${body}\n@model function crash(x)\n    m ~ Normal(0, 1)\n    x ~ Normal(f(m), 1)\nend\n`, data: json('{"x": 1.0}') });
      expect([e.message, e.text.startsWith('f(')], body).toEqual(['the model recursed too deeply (is a function calling itself without end?)', true]);
    }
  });

  it('data that cannot be read at all is shown on the model\'s arguments, not on the file\'s first line (a comment, in most files)', () => {
    const source = '# Demo\nusing Turing\n@model function demo(x)\n    m ~ Normal(0, 1)\n    x ~ Normal(m, 1)\nend\n';
    const malformed = firstError({ source, data: json('{"x": [1.0,') });
    expect([malformed.line, malformed.text, malformed.message]).toEqual([3, 'x', 'the data is not valid JSON at line 1, column 12: it ends too soon']);
    const csv = firstError({ source, data: { text: 'x,y\n1,2\n3\n', format: 'csv' } });
    expect([csv.line, csv.text, csv.message]).toEqual([3, 'x', 'CSV line 3 has 1 cells; the header has 2']);
  });

  it('a data key that names no argument is ignored with a warning, shown on the model\'s arguments', () => {
    const source = 'using Turing\n\n@model function demo(x)\n    m ~ Normal(0, 1)\n    x ~ Normal(m, 1)\nend\n';
    const outcome = checkModel({ source, data: json('{"x": 1.0, "z": 3}') });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.warnings.map((w) => [w.line, w.column, w.message])).toEqual([[3, 22, 'the data has `z`, which is not an argument of `demo`; it is ignored']]);
  });
});

describe('a data key meant for an argument of another spelling', () => {
  it('names the argument left without data: `X` for `x`, CSV columns `x.1, x.2` for the matrix `X`', () => {
    const outcome = checkModel({ source: '@model function demo(x)\n    m ~ Normal(0, 1)\n    x ~ Normal(m, 1)\nend\n', data: json('{"X": 1.0}') });
    if (outcome.ok) throw new Error('no data for x');
    expect(outcome.diagnostics.map((d) => d.message)).toEqual(['the data has `X`, which is not an argument of `demo`; it is ignored: did you mean `x`? (names are case-sensitive)', 'no data for the model argument `x`, and it has no default value']);
    const reg = '@model function reg(X, yobs)\n    β ~ MvNormal(zeros(2), I)\n    yobs ~ MvNormal(X * β, I)\nend\n';
    const csv = checkModel({ source: reg, data: { text: 'x.1,x.2,y_obs\n1,0,0.5\n0,1,-0.5\n', format: 'csv' } });
    expect(csv.ok ? [] : csv.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message.split(': ')[1])).toEqual(['did you mean `yobs`?', 'did you mean `X`? (names are case-sensitive)']);
  });
});

describe('observed versus latent, by DynamicPPL’s rules', () => {
  const source = '@model function demo(y)\n    m ~ Normal(0, 1)\n    for i in eachindex(y)\n        y[i] ~ Normal(m, 1)\n    end\nend\n';

  it('missing elements of an argument become parameters named by their index', () => {
    const outcome = checkModel({ source, data: json('{"y": [0.5, null, 1.5]}') });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['m', 'y[2]']);
  });

  it('an argument that is missing altogether is a parameter', () => {
    const whole = '@model function demo(x = missing)\n    m ~ Normal(0, 1)\n    x ~ Normal(m, 1)\nend\n';
    const outcome = checkModel({ source: whole });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['m', 'x']);
  });

  it('an argument given as missing stays random after the model replaces it, as in Turing’s `gdemo(missing)` documentation', () => {
    const gdemo = '@model function gdemo(x, ::Type{T}=Float64) where {T}\n    if x === missing\n        x = Vector{T}(undef, 2)\n    end\n    s² ~ InverseGamma(2, 3)\n    m ~ Normal(0, sqrt(s²))\n    for i in eachindex(x)\n        x[i] ~ Normal(m, sqrt(s²))\n    end\nend\n';
    for (const req of [{ source: `${gdemo}model = gdemo(missing)\n` }, { source: gdemo, data: json('{"x": null}') }]) {
      const outcome = checkModel(req);
      if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
      expect(outcome.value.parameters.map((p) => p.name)).toEqual(['s²', 'm', 'x[1]', 'x[2]']);
      expect(outcome.value.loglikelihood).toBe(0);
    }
    // Given, the same argument is observed.
    const observed = checkModel({ source: gdemo, data: json('{"x": [1.5, 2.0]}') });
    if (!observed.ok) throw new Error(observed.diagnostics[0]!.message);
    expect(observed.value.parameters.map((p) => p.name)).toEqual(['s²', 'm']);
  });

  it('a name that is not an argument is a parameter even when it holds a value, with a warning that says so', () => {
    const shadow = '@model function demo()\n    x = 1.0\n    x ~ Normal(0, 1)\nend\n';
    const outcome = checkModel({ source: shadow, params: { x: 0.5 } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['x']);
    expect(outcome.warnings.map((w) => [w.severity, w.line, w.column, w.message.split(',')[0]])).toEqual([['warning', 3, 5, '`x` is assigned in the model and is not one of its arguments']]);
    // An argument the model reassigns is still observed, with no warning.
    const argument = checkModel({ source: '@model function demo(x)\n    x = 2x\n    x ~ Normal(0, 1)\nend\n', data: json('{"x": 0.25}') });
    expect(argument.ok && argument.warnings).toEqual([]);
    expect(outcome.value.logprior).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 0.125, 12);
  });

  it('a parameter reassigned after its `~` (Rho ~ LKJ, then symmetrised) draws no warning: no value was there to observe', () => {
    const source = "@model function demo()\n    Rho ~ LKJ(2, 2.0)\n    Rho = (Rho' + Rho) / 2\n    z ~ MvNormal(zeros(2), Rho)\nend\n";
    const outcome = checkModel({ source, params: { Rho: [[1, 0.3], [0.3, 1]], z: [0, 0] } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.warnings).toEqual([]);
    const mvn = -Math.log(2 * Math.PI) - 0.5 * Math.log(1 - 0.09);
    expect(outcome.value.logprior).toBeCloseTo(Math.log(0.75 * (1 - 0.09)) + mvn, 12);
  });

  it('a signed literal is observed, `+1 ~ …` as `-1 ~ …` (Turing\'s Gibbs tests)', () => {
    const source = '@model function demo_gibbs_external()\n    m1 ~ Normal()\n    m2 ~ Normal()\n    -1 ~ Normal(m1, 1)\n    +1 ~ Normal(m1 + m2, 1)\nend\n';
    const outcome = checkModel({ source, params: { m1: 0.5, m2: -0.3 } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(-1, 0.5, 1) + normalLogpdf(1, 0.2, 1), 12);
  });

  it("a container made to be filled (Turing's test models' `m = TV(undef, n); m .~ Normal()`) draws no warning: it held no value to observe", () => {
    for (const make of ['TV(undef, length(x))', 'Vector{Float64}(undef, 2)', 'similar(x)']) {
      const source = `@model function demo(x, ::Type{TV} = Vector{Float64}) where {TV}\n    m = ${make}\n    m .~ Normal()\n    x ~ MvNormal(m, I)\nend\n`;
      const outcome = checkModel({ source, data: json('{"x": [1.0, 2.0]}'), params: { m: [0.5, 1] } });
      if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
      expect(outcome.warnings).toEqual([]);
      expect(outcome.value.logprior).toBeCloseTo(-Math.log(2 * Math.PI) - 0.625, 12);
    }
    // A value computed from the data is still one the user may have meant to observe.
    const computed = checkModel({ source: '@model function demo(x)\n    m = 2 .* x\n    m .~ Normal()\nend\n', data: json('{"x": [1.0, 2.0]}'), params: { m: [0.5, 1] } });
    expect(computed.ok && computed.warnings.map((w) => w.message.split(',')[0])).toEqual(['`m` is assigned in the model and is not one of its arguments']);
  });

  it('CSV data binds columns by name and X.1, X.2 … as a matrix', () => {
    const reg = '@model function reg(X, y)\n    β ~ MvNormal(zeros(2), I)\n    y ~ MvNormal(X * β, I)\nend\n';
    const csv = 'X.1,X.2,y\n1,0,0.5\n0,1,-0.5\n1,1,0.1\n';
    const outcome = checkModel({ source: reg, data: { text: csv, format: 'csv' }, params: { β: [0, 0] } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    const expected = -1.5 * Math.log(2 * Math.PI) - 0.5 * (0.25 + 0.25 + 0.01);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 12);
  });
});
