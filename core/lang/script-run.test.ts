import { describe, expect, it } from 'vitest';
import { compile, prepare } from './index.js';
import { checked } from './testing.js';
import { GETTING_STARTED_MODEL } from './turing-models.js';

const GDEMO = GETTING_STARTED_MODEL;

/** The gdemo script with `lines` after the model. */
const script = (...lines: string[]) => `${GDEMO}\n${lines.join('\n')}\n`;

const runOf = (source: string, model = 'gdemo') => compile(source).scriptRuns.get(model);

/** Diagnostics other than the data note every gdemo script has, as [severity, line, message]. */
function notes(source: string): [string, number, string][] {
  return compile(source)
    .diagnostics.filter((d) => !d.message.startsWith('this call gives'))
    .map((d) => [d.severity, d.line, d.message]);
}

const NUTS_065 = { sampler: 'nuts', adaptation: { targetAcceptance: 0.65 }, maxTreeDepth: 10 };

describe("the script's sample line gives the run settings", () => {
  it('NUTS(): Turing adapts for min(1000, N ÷ 2) iterations (δ = 0.65) and discards them, one chain left to Tilde', () => {
    const source = script('model = gdemo(1.5, 2)', 'chain = sample(model, NUTS(), 1000)');
    expect(runOf(source)).toEqual({ sampler: NUTS_065, draws: 1000, warmup: 500, text: 'NUTS(δ = 0.65), 1000 draws after 500 warm-up', line: 11 });
    expect(runOf(script('sample(gdemo(1.5, 2), NUTS(), 5000)'))).toMatchObject({ draws: 5000, warmup: 1000 });
    // The line that was "ignored: unknown function `sample`" now says what Tilde takes from it.
    expect(notes(source)).toEqual([['info', 11, 'this line samples `gdemo` with NUTS(δ = 0.65), 1000 draws after 500 warm-up; Tilde uses it where you do not choose']]);
  });

  it('reads `Turing.sample(…)` as `sample(…)`, without also warning that the line is not run', () => {
    const source = script('Turing.sample(gdemo(1.5, 2), NUTS(), 1000)');
    expect(runOf(source)).toMatchObject({ sampler: NUTS_065, draws: 1000, warmup: 500, line: 10 });
    expect(notes(source)).toEqual([['info', 10, 'this line samples `gdemo` with NUTS(δ = 0.65), 1000 draws after 500 warm-up; Tilde uses it where you do not choose']]);
  });

  it('takes the model object written in the call, the target acceptance and n_adapts', () => {
    expect(runOf(script('chn = sample(gdemo(1.5, 2), NUTS(0.65), 1000, progress=false)'))).toMatchObject({ sampler: NUTS_065, draws: 1000, warmup: 500 });
    expect(runOf(script('chn = sample(gdemo(1.5, 2), NUTS(200, 0.9; max_depth = 8), 2000)'))).toMatchObject({
      sampler: { sampler: 'nuts', adaptation: { targetAcceptance: 0.9 }, maxTreeDepth: 8 },
      draws: 2000,
      warmup: 200,
      text: 'NUTS(δ = 0.9, max_depth = 8), 2000 draws after 200 warm-up',
    });
    // Turing's own marker for its default warm-up, min(1000, N ÷ 2), which older scripts write out.
    expect(runOf(script('chn = sample(gdemo(1.5, 2), NUTS(-1, 0.65), 1000)'))).toMatchObject({ sampler: NUTS_065, draws: 1000, warmup: 500 });
    expect(runOf(script('chn = sample(gdemo(1.5, 2), HMCDA(-1, 0.65, 0.3), 3000)'))).toMatchObject({ warmup: 1000 });
  });

  it('evaluates arguments as the script does: HMC(ϵ, τ) with top-level constants, a sampler named first, 10_000', () => {
    const source = script('ϵ = 0.05', 'τ = 10', 'iterations = 2 * 500', 'model = gdemo(1.5, 2)', 'chain = sample(model, HMC(ϵ, τ), iterations)');
    expect(runOf(source)).toEqual({ sampler: { sampler: 'hmc', stepSize: 0.05, nSteps: 10 }, draws: 1000, warmup: 0, text: 'HMC(ϵ = 0.05, n_leapfrog = 10), 1000 draws without warm-up', line: 14 });
    const named = script('sampler = HMCDA(200, 0.65, 0.3)', 'chain = sample(gdemo(1.5, 2), sampler, 10_000)');
    expect(runOf(named)).toMatchObject({ sampler: { sampler: 'hmcda', adaptation: { targetAcceptance: 0.65 }, trajectoryLength: 0.3 }, draws: 10000, warmup: 200 });
    // The sampler's own line is read by the sample line, not "ignored".
    expect(notes(named).map(([severity]) => severity)).toEqual(['info']);
  });

  it('MCMCThreads(), MCMCSerial() and MCMCDistributed() give the number of chains', () => {
    for (const parallel of ['MCMCThreads()', 'MCMCSerial()', 'MCMCDistributed()']) {
      const run = runOf(script(`chains = sample(gdemo(1.5, 2), NUTS(), ${parallel}, 1000, 4)`));
      expect(run).toMatchObject({ draws: 1000, warmup: 500, chains: 4, text: 'NUTS(δ = 0.65), 1000 draws × 4 chains after 500 warm-up' });
    }
  });

  it('reads both spellings of Gibbs: pairs of variables and samplers, and the older components naming their variables', () => {
    const pairs = runOf(script('chain = sample(gdemo(1.5, 2), Gibbs(:s² => MH(), :m => NUTS()), 1000)'));
    expect(pairs).toMatchObject({
      sampler: {
        sampler: 'gibbs',
        blocks: [
          { variables: ['s²'], sampler: 'mh' },
          { variables: ['m'], sampler: 'nuts' },
        ],
      },
      draws: 1000,
      warmup: 0,
      text: 'Gibbs(:s² => MH(), :m => NUTS()), 1000 draws without warm-up',
    });
    const older = script('chain = sample(gdemo(1.5, 2), Gibbs(MH(:s²), HMC(0.2, 3, :m)), 1000)');
    expect(runOf(older)?.sampler).toEqual({
      sampler: 'gibbs',
      blocks: [
        { variables: ['s²'], sampler: 'mh' },
        { variables: ['m'], sampler: 'hmc', nSteps: 3, stepSize: 0.2 },
      ],
    });
    // Turing's HMC keeps its ϵ; without warm-up (Turing discards nothing) Tilde's does too.
    expect(notes(older)[0]?.[2]).toContain('Gibbs(:s² => MH(), :m => HMC(ϵ = 0.2, n_leapfrog = 3)), 1000 draws without warm-up');
    expect(runOf(script('sample(gdemo(1.5, 2), Gibbs((:s², :m) => NUTS()), 100)'))?.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s²', 'm'], sampler: 'nuts' }] });
    // Turing's 2025 JuliaCon workshop: an ESS() component was "Tilde's Gibbs samples each block with MH, PG, NUTS or HMC".
    const ess = script('sample(gdemo(1.5, 2), Gibbs(:s² => MH(), :m => ESS()), 100)');
    expect(runOf(ess)).toMatchObject({ sampler: { sampler: 'gibbs', blocks: [{ variables: ['s²'], sampler: 'mh' }, { variables: ['m'], sampler: 'ess' }] }, text: 'Gibbs(:s² => MH(), :m => ESS()), 100 draws without warm-up' });
  });

  it("reads particle Gibbs, alone or as Gibbs components (the HMM tutorial's line), and refuses a resampler it does not have", () => {
    expect(runOf(script('chn = sample(gdemo(1.5, 2), PG(20), 1000)'))).toMatchObject({ sampler: { sampler: 'pg', particles: 20 }, draws: 1000, warmup: 0, text: 'PG(20), 1000 draws without warm-up' });
    expect(runOf(script('g = Gibbs((:m, :s²) => HMC(0.01, 50), :s² => PG(120))', 'chn = sample(gdemo(1.5, 2), g, 1000)'))?.sampler).toEqual({
      sampler: 'gibbs',
      blocks: [
        { variables: ['m', 's²'], sampler: 'hmc', nSteps: 50, stepSize: 0.01 },
        { variables: ['s²'], sampler: 'pg', particles: 120 },
      ],
    });
    expect(runOf(script('sample(gdemo(1.5, 2), Gibbs(PG(10, :s²), HMC(0.1, 5, :m)), 100)'))?.sampler).toMatchObject({ blocks: [{ variables: ['s²'], sampler: 'pg', particles: 10 }, { sampler: 'hmc' }] });
    // Turing's `const CSMC = PG`, in its own Gibbs tests.
    expect(runOf(script('sample(gdemo(1.5, 2), Gibbs(:s² => CSMC(10), :m => NUTS()), 10)'))?.sampler).toMatchObject({ blocks: [{ variables: ['s²'], sampler: 'pg', particles: 10 }, { sampler: 'nuts' }] });
    expect(notes(script('sample(gdemo(1.5, 2), PG(20, 0.3), 100)'))[0]?.[2]).toMatch(/^Tilde's PG takes the number of particles alone .*drop the resampler or threshold/);
    expect(notes(script('sample(gdemo(1.5, 2), PG(1), 100)'))[0]?.[2]).toMatch(/PG's number of particles must be an integer ≥ 2, got 1/);
  });

  it('MH(), Prior() and ESS() run without warm-up, as Turing discards nothing; num_warmup and thinning are read', () => {
    expect(runOf(script('chain = sample(gdemo(1.5, 2), MH(), 10_000)'))).toMatchObject({ sampler: { sampler: 'mh', proposal: 'prior' }, draws: 10000, warmup: 0 });
    expect(runOf(script('sample(gdemo(1.5, 2), Prior(), 100)'))).toMatchObject({ sampler: { sampler: 'prior' }, draws: 100, warmup: 0, text: 'Prior(), 100 draws without warm-up' });
    expect(runOf(script('sample(gdemo(1.5, 2), ESS(), 1000; num_warmup = 200, thinning = 2)'))).toMatchObject({ sampler: { sampler: 'ess' }, draws: 1000, warmup: 200, thin: 2 });
  });

  it("takes the AD backend from adtype, Turing's syntax read as --ad reads it", () => {
    expect(runOf(script('chain = sample(gdemo(1.5, 2), NUTS(; adtype=AutoReverseDiff(compile=true)), 2000)'))).toMatchObject({ ad: 'reversediff:compile', text: 'NUTS(δ = 0.65), 2000 draws after 1000 warm-up, AD reversediff:compile' });
    expect(runOf(script('n = 4', 'backend = AutoForwardDiff(; chunksize = n)', 'sample(gdemo(1.5, 2), NUTS(0.8; adtype = backend), 100)'))?.ad).toBe('forwarddiff:chunk=4');
    expect(runOf(script('sample(gdemo(1.5, 2), Gibbs(:s² => MH(), :m => HMC(0.1, 5; adtype = AutoReverseDiff())), 100)'))?.sampler).toMatchObject({ blocks: [{ sampler: 'mh' }, { sampler: 'hmc', ad: 'reversediff' }] });
  });

  it('AutoZygote gets the Zygote refusal as a warning; the sampler is still used', () => {
    const source = script('chain = sample(gdemo(1.5, 2), NUTS(; adtype=AutoZygote()), 1000)');
    const run = runOf(source);
    expect(run).toMatchObject({ sampler: NUTS_065, draws: 1000 });
    expect(run?.ad).toBeUndefined();
    const warning = compile(source).diagnostics.find((d) => d.severity === 'warning');
    expect(warning).toMatchObject({ line: 10, column: 45 });
    expect(warning?.message).toMatch(/^this `adtype` is not used, Tilde chooses the AD backend: Zygote is not supported: .*removed from Tilde, as it was from Turing/);
  });

  it('a sampler Tilde lacks is named with what to use instead, and gives no settings', () => {
    const source = script('chain = sample(gdemo(1.5, 2), SGLD(), 1000)');
    expect(runOf(source)).toBeUndefined();
    expect(notes(source)).toEqual([['warning', 10, 'Tilde does not have stochastic gradient Langevin dynamics (`SGLD`): use NUTS or HMC; Tilde does not use this `sample` line']]);
  });

  it("Turing's guide's SMC() and IS() lines run as SMC and IS, their draws the particles", () => {
    expect(runOf(script('c1 = sample(gdemo(1.5, 2), SMC(), 1000)'))).toMatchObject({ sampler: { sampler: 'smc' }, draws: 1000, warmup: 0 });
    expect(runOf(script('c1 = sample(gdemo(1.5, 2), IS(), 500)'))).toMatchObject({ sampler: { sampler: 'is' }, draws: 500 });
    expect(notes(script('c1 = sample(gdemo(1.5, 2), SMC(0.3), 100)'))[0]?.[2]).toContain("Tilde's SMC resamples multinomially when the particles' effective number falls below half, Turing's default: drop the resampler or threshold");
    expect(notes(script('sample(gdemo(1.5, 2), Gibbs(:m => SMC(), :s² => MH()), 10)'))[0]?.[2]).toContain("Tilde's Gibbs samples each block with MH, PG, ESS, NUTS or HMC, not with `SMC()`");
  });

  it("a sampler holding the number of draws (Turing before 0.7, pasted from old issues) gets today's spelling", () => {
    const said = (line: string) => notes(script(line))[0]?.[2];
    expect(said('chain = sample(gdemo(1.5, 2), Turing.NUTS(2000, 1000, .85))')).toBe(
      '`Turing.NUTS(2000, 1000, .85)` holds the number of draws, as samplers did before Turing 0.7 (2019): Turing now writes `sample(gdemo(1.5, 2), NUTS(1000, .85), 2000)`; Tilde does not use this `sample` line',
    );
    expect(said('sample(gdemo(1.5, 2), HMC(1000, 0.05, 10))')).toContain('Turing now writes `sample(gdemo(1.5, 2), HMC(0.05, 10), 1000)`');
    expect(said('sample(gdemo(1.5, 2), PG(10, 20))')).toContain('Turing now writes `sample(gdemo(1.5, 2), PG(10), 20)`');
    expect(said('sample(gdemo(1.5, 2), Gibbs(1000, HMC(2, 0.001, 7, :m), PG(20, 1, :s)))')).toContain('`sample(gdemo(1.5, 2), Gibbs(HMC(2, 0.001, 7, :m), PG(20, 1, :s)), 1000)`, with each sampler in it given its variables');
    expect(runOf(script('sample(gdemo(1.5, 2), NUTS(1000, 0.7))'))).toBeUndefined();
  });

  it('the first line Tilde can read wins; later ones say which line is used', () => {
    const source = script('m = gdemo(1.5, 2)', 'c1 = sample(m, SGHMC(), 100)', 'c2 = sample(m, NUTS(), 100)', 'c3 = sample(m, MH(), 100)');
    expect(runOf(source)).toMatchObject({ sampler: NUTS_065, line: 12 });
    expect(notes(source).map(([severity, line, message]) => [severity, line, message.replace(/:.*; /, ': …; ')])).toEqual([
      ['warning', 11, 'Tilde does not have stochastic gradient HMC (`SGHMC`): …; Tilde does not use this `sample` line'],
      ['info', 12, 'this line samples `gdemo` with NUTS(δ = 0.65), 100 draws after 50 warm-up; Tilde uses it where you do not choose'],
      ['info', 13, 'this line samples `gdemo` again (MH(), 100 draws without warm-up); Tilde uses the first, on line 12'],
    ]);
  });

  it("a sample line of another model gives that model's settings only", () => {
    const source = `@model function other(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\n${script('sample(other(1.0), MH(), 100)')}`;
    expect(runOf(source, 'other')).toMatchObject({ sampler: { sampler: 'mh' } });
    const prepared = prepare({ source, modelName: 'gdemo' });
    expect(prepared.ok && prepared.value.scriptRun).toBe(undefined);
    const ofOther = prepare({ source, modelName: 'other' });
    expect(ofOther.ok && ofOther.value.scriptRun?.draws).toBe(100);
  });

  it('pairs and Symbols are values in top-level lines too (`D = diagm(0 => v)`), with no note', () => {
    expect(notes(script('k = :s', 'p = 1 => 2', 'D = diagm(0 => [1.0, 2.0])'))).toEqual([]);
  });

  it('no sample line, no settings; checkModel reports the ones there are', () => {
    expect(compile(script('model = gdemo(1.5, 2)')).scriptRuns.size).toBe(0);
    expect(checked({ source: script('model = gdemo(1.5, 2)') }).value.scriptRun).toBeUndefined();
    expect(checked({ source: script('chain = sample(gdemo(1.5, 2), NUTS(), 100)') }).value.scriptRun).toMatchObject({ draws: 100, warmup: 50 });
  });

  it('a model made from data Tilde cannot read (the user gives it) still gives the settings, read as written', () => {
    const source = script('df = CSV.read("gdemo.csv", DataFrame)', 'model = gdemo(df.x, df.y)', 'chain = sample(model, HMC(0.1, 5), 300)');
    expect(runOf(source)).toMatchObject({ sampler: { sampler: 'hmc', stepSize: 0.1, nSteps: 5 }, draws: 300, line: 12 });
  });

  it("a prior predictive check's Prior() line gives way to the posterior's line, through a conditioned model's names", () => {
    // As Turing's 2025 Karolinska workshop script does, with its data from RDatasets.
    const source = script(
      'df = dataset("survival", "cancer")',
      'model = gdemo(df.x, missing)',
      'prior_samples = sample(model, Prior(), 100)',
      'conditioned_model = model | (; y = 2.0)',
      'chain = sample(conditioned_model, NUTS(), MCMCThreads(), 500, 6)',
    );
    expect(runOf(source)).toMatchObject({ sampler: NUTS_065, draws: 500, chains: 6, line: 14 });
    const said = notes(source).filter(([, line]) => line === 12 || line === 14);
    expect(said).toEqual([
      ['info', 12, 'this line draws from the prior of `gdemo` (Prior(), 100 draws without warm-up); Tilde samples its posterior as line 14 says'],
      ['info', 14, 'this line samples `gdemo` with NUTS(δ = 0.65), 500 draws × 6 chains after 250 warm-up; Tilde uses it where you do not choose'],
    ]);
    // With no posterior line, the Prior() line is the run.
    expect(runOf(script('model = gdemo(1.5, 2)', 'sample(model, Prior(), 100)'))).toMatchObject({ sampler: { sampler: 'prior' }, draws: 100 });
  });

  it("a Pluto cell's `let` block samples as its line would, its own names included, without the line's 'not run' warning", () => {
    // lf28/BayesianModelling's notebooks sample in `chain = let … end` cells.
    const source = script('chain = let', '    m = gdemo(1.5, 2)', '    sample(m, HMC(0.1, 5), 300)', 'end');
    expect(runOf(source)).toMatchObject({ sampler: { sampler: 'hmc' }, draws: 300, line: 12 });
    expect(notes(source)).toEqual([['info', 12, 'this line samples `gdemo` with HMC(ϵ = 0.1, n_leapfrog = 5), 300 draws without warm-up; Tilde uses it where you do not choose']]);
  });

  it('says what it cannot read: an unknown model, a wrong number of arguments, settings out of range', () => {
    const first = (...lines: string[]) => notes(script(...lines))[0];
    expect(first('sample(fitted, NUTS(), 100)')?.[2]).toMatch(/^Tilde cannot tell which model this line samples \(`fitted` is not defined.*\); Tilde does not use this `sample` line$/);
    expect(first('sample(gdemo(1.5, 2), NUTS(), 100, 4)')?.[2]).toBe('Tilde reads `sample(model, sampler, N)` and `sample(model, sampler, MCMCThreads(), N, chains)`; Tilde does not use this `sample` line');
    expect(first('sample(gdemo(1.5, 2), NUTS(1.5), 100)')?.[2]).toBe("NUTS's target acceptance δ must be between 0 and 1, got 1.5; Tilde does not use this `sample` line");
    expect(first('sample(gdemo(1.5, 2), NUTS(; maxdepth = 5), 100)')?.[2]).toMatch(/^`NUTS` has no keyword argument `maxdepth`/);
    expect(first('sample(gdemo(1.5, 2), HMC(0.1), 100)')?.[2]).toMatch(/^`HMC` takes \(ϵ, n_leapfrog\)/);
    // A count Tilde cannot know leaves it to Tilde, and says so.
    const unknown = notes(script('sample(gdemo(1.5, 2), NUTS(), n_samples; initial_params = p)'))[0]?.[2];
    expect(unknown).toContain('the number of draws `n_samples` cannot be known before the model runs');
    expect(unknown).toContain('Tilde does not read `initial_params`');
    expect(runOf(script('sample(gdemo(1.5, 2), NUTS(), n_samples)'))).toEqual({ sampler: NUTS_065, text: 'NUTS(δ = 0.65)', line: 10 });
  });
});

describe("the script's vi line selects ADVI", () => {
  it('vi(model, ADVI(n, m)) of Turing ≤ 0.35: n draws per step, m steps as the warm-up, the draws of a later rand(q, N)', () => {
    const source = script('model = gdemo(1.5, 2)', 'q = vi(model, ADVI(10, 1000))', 'samples = rand(q, 2000)');
    expect(runOf(source)).toEqual({
      sampler: { sampler: 'advi', family: 'meanfield', samplesPerStep: 10 },
      warmup: 1000,
      draws: 2000,
      text: 'ADVI(n_samples = 10, q_meanfield_gaussian), 2000 draws after 1000 optimisation steps',
      line: 11,
    });
    // The rand line is read by the vi line, not run: no warning that `q` does not exist.
    expect(notes(source)).toEqual([['info', 11, 'this line samples `gdemo` with ADVI(n_samples = 10, q_meanfield_gaussian), 2000 draws after 1000 optimisation steps; Tilde uses it where you do not choose']]);
  });

  it('vi(model, q, max_iter) of Turing ≥ 0.40: the family of q_fullrank_gaussian, n_samples and adtype of the algorithm', () => {
    const source = script(
      'model = gdemo(1.5, 2)',
      'q_init = q_fullrank_gaussian(model)',
      'q_avg, q_last, info, state = vi(model, q_init, 3000; show_progress = false, algorithm = KLMinRepGradProxDescent(AutoReverseDiff(); n_samples = 5))',
      'z = rand(q_avg, 500)',
    );
    expect(runOf(source)).toMatchObject({ sampler: { sampler: 'advi', family: 'fullrank', samplesPerStep: 5 }, warmup: 3000, draws: 500, ad: 'reversediff' });
    expect(notes(source).map(([severity, line]) => [severity, line])).toEqual([['info', 12]]);
    // A bare vi line, its model object written in it, gives the model its data as a sample line does.
    const bare = script('vi(gdemo(1.5, 2), q_meanfield_gaussian(gdemo(1.5, 2)), 100)');
    expect(runOf(bare)).toMatchObject({ sampler: { sampler: 'advi', family: 'meanfield' }, warmup: 100, text: 'ADVI(n_samples = 10, q_meanfield_gaussian), 100 optimisation steps' });
    expect(prepare({ source: bare }).ok).toBe(true);
  });

  it('says which VI options Tilde does not offer, on the construct', () => {
    const family = notes(script('model = gdemo(1.5, 2)', 'q = vi(model, q_locationscale(model), 100)'));
    expect(family).toContainEqual(['warning', 11, "Tilde's ADVI fits `q_meanfield_gaussian(model)` or `q_fullrank_gaussian(model)`, not `q_locationscale(model)`; Tilde does not use this `vi` line"]);
    const algorithm = notes(script('model = gdemo(1.5, 2)', 'q = vi(model, q_meanfield_gaussian(model), 100; algorithm = KLMinScoreGradDescent(AutoForwardDiff()))'));
    expect(algorithm.find(([severity]) => severity === 'warning')?.[2]).toMatch(/^Tilde's ADVI is Turing's default `vi` algorithm, KLMinRepGradProxDescent .* it does not have `KLMinScoreGradDescent\(AutoForwardDiff\(\)\)`; Tilde does not use this `vi` line$/);
    const optimiser = notes(script('model = gdemo(1.5, 2)', 'q = vi(model, q_meanfield_gaussian(model), 100; algorithm = KLMinRepGradProxDescent(AutoForwardDiff(); optimizer = DoG()))'));
    expect(optimiser[0]![2]).toContain("`optimizer` not read: Tilde's ADVI uses DoWG steps and polynomial averaging");
  });
});

describe('Turing 0.41 sample keywords: initial_params strategies and num_warmup', () => {
  it('InitFromParams((; …)), a bare named tuple and fill(strategy, n) give the run its initial values by name', () => {
    const given = { 's²': 1, m: 0.5 };
    for (const kw of ['InitFromParams((; s² = 1.0, m = 0.5))', 'InitFromParams((s² = 1.0, m = 0.5), InitFromPrior())', '(; s² = 1.0, m = 0.5)', 'fill(InitFromParams((; s² = 1.0, m = 0.5)), 4)']) {
      const source = script('model = gdemo(1.5, 2)', `chain = sample(model, NUTS(), 1000; initial_params = ${kw})`);
      expect(runOf(source), kw).toMatchObject({ init: given, text: 'NUTS(δ = 0.65), 1000 draws after 500 warm-up, initial values for s², m' });
      expect(notes(source).map((n) => n[0]), kw).toEqual(['info']);
    }
    const named = script('p0 = (; m = [0.5, 1.0])', 'start = InitFromParams(p0)', 'sample(gdemo(1.5, 2), NUTS(), 100; initial_params = start)');
    expect(runOf(named)?.init).toEqual({ m: [0.5, 1] });
  });

  it('InitFromUniform() is the start Tilde makes; InitFromPrior() and a vector of values (refused by Turing 0.41) say so and how to give values', () => {
    expect(runOf(script('sample(gdemo(1.5, 2), NUTS(), 100; initial_params = InitFromUniform())'))?.init).toBeUndefined();
    expect(notes(script('sample(gdemo(1.5, 2), NUTS(), 100; initial_params = InitFromUniform())')).map((n) => n[0])).toEqual(['info']);
    const prior = notes(script('sample(gdemo(1.5, 2), NUTS(), 100; initial_params = InitFromPrior())'))[0]![2];
    expect(prior).toContain('Tilde does not read `initial_params` (`InitFromPrior()` draws the start from the prior)');
    const vector = notes(script('sample(gdemo(1.5, 2), NUTS(), 100; initial_params = [1.0, 0.5])'))[0]![2];
    expect(vector).toContain("Turing 0.41 and later refuse a vector of values, whose order was DynamicPPL's internals");
    expect(vector).toContain('InitFromParams((; σ = 1.0, β = [0.0, 1.0]))');
  });

  it('`num_warmup` is NUTS’s warm-up, as Turing 0.41 reads it in place of the positional n_adapts', () => {
    expect(runOf(script('sample(gdemo(1.5, 2), NUTS(), 1000; num_warmup = 200)'))).toMatchObject({ draws: 1000, warmup: 200 });
  });
});
