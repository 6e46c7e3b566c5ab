import { listed } from '../../model/index.js';
import type { Using } from '../ast.js';
import type { Parser } from './state.js';
import { MODEL_COMPARISON } from '../script-tools.js';

/**
 * OrdinaryDiffEq's sublibraries that newer tutorials load instead of the whole (SciML's docs since 2024):
 * those of Tilde's explicit methods (Tsit5; BS3, RK4, DP5, Euler, Midpoint; Verner's run as Tsit5), and the
 * default algorithm's, which `solve(prob)` without a method stands for. Accepted as OrdinaryDiffEq is, left out of
 * the list the error for other packages gives.
 */
const EXPLICIT_ODE_PACKAGES = ['OrdinaryDiffEqTsit5', 'OrdinaryDiffEqLowOrderRK', 'OrdinaryDiffEqVerner', 'OrdinaryDiffEqDefault', 'OrdinaryDiffEqCore'];
/** The packages whose functions Tilde provides; importing them is accepted and changes nothing. */
const ALLOWED = ['Turing', 'Distributions', 'LinearAlgebra', 'StatsFuns', 'LogExpFunctions', 'Random', 'FillArrays', 'DynamicPPL', 'Bijectors', 'Statistics', 'StatsBase', 'SpecialFunctions', 'PDMats', 'LazyArrays', 'NNlib', 'Distances', 'DifferentialEquations', 'OrdinaryDiffEq', 'DiffEqBase', 'SciMLBase', 'UnPack', 'SimpleUnPack', 'Parameters', 'AbstractGPs', 'KernelFunctions', 'Dates', 'OrderedCollections'];
const ALLOWED_LIST = listed(ALLOWED);
/** Julia's own modules, loaded in every session: `using Base.Threads` (for `@threads`) changes nothing. */
const JULIA_OWN = ['Base', 'Core'];

/**
 * Packages a pasted tutorial script loads around its model — plots, chains, data files, optimisers, AD —
 * none of which a model body can call: ignored with a word on where Tilde does that job.
 */
const SENSITIVITY = '`solve` is differentiated by forward sensitivities of the solver\'s own steps, whichever AD backend is chosen (`sensealg` is ignored)';
/** The packages of a script's data frame, whose lines run on the data's table (core/lang/dataframes): loaded in effect, so said as information. */
const TABLE_PACKAGES: Record<string, string> = {
  DataFrames: 'Tilde has the parts of DataFrames a script shapes its data with (`select`, `dropmissing`, `df[!, :y]`, `df.y = …`, `Matrix(df)`…), in its top-level lines',
  CSV: '`CSV.read(…)` reads the CSV table loaded in the data panel or given with --data',
  RDatasets: '`dataset(…)` reads the CSV table loaded in the data panel or given with --data (the data set saved as CSV)',
  Tables: "`Tables.matrix(df)` is the matrix of a script's data frame, as `Matrix(df)`",
  MLUtils: "a script's `splitobs(df; at, shuffle = false)` splits its table in order (a shuffled split would draw other rows than Julia's, and is refused)",
  CategoricalArrays: "a script's `categorical(x)`, `levels(x)` and `levelcode.(x)` code its groups as 1, 2, …, in its top-level lines",
  DataFramesMeta: "a script's `@chain`, `@transform`, `@select`, `@subset`, `@orderby`, `@distinct`, `@combine`, `@by`, `@with`, `@eachrow` and `@astable` (and the row-wise `@r…` forms) shape its table, in its top-level lines",
  Chain: "a script's `@chain df begin … end` passes its table through the steps, in its top-level lines",
};
const MODE_ESTIMATION = 'MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS';
const AROUND_THE_MODEL: Record<string, string> = {
  StatsPlots: 'the workbench draws the plots',
  Plots: 'the workbench draws the plots',
  MCMCChains: 'the workbench summarises the chains',
  ArviZ: 'the workbench summarises the chains',
  FlexiChains: 'the workbench summarises the chains',
  Measures: 'the workbench draws the plots',
  // Makie's family, as Storopoli's book and newer tutorials plot with it.
  CairoMakie: 'the workbench draws the plots',
  GLMakie: 'the workbench draws the plots',
  WGLMakie: 'the workbench draws the plots',
  Makie: 'the workbench draws the plots',
  AlgebraOfGraphics: 'the workbench draws the plots',
  Colors: 'the workbench draws the plots',
  PyPlot: 'the workbench draws the plots',
  PythonPlot: 'the workbench draws the plots',
  KernelDensity: 'the workbench draws the densities',
  ...TABLE_PACKAGES,
  StatisticalRethinking: 'data comes from the data panel or --data',
  TuringModels: 'data comes from the data panel or --data',
  RData: 'data comes from the data panel or --data',
  // The files a script reads its data from.
  ...Object.fromEntries(['JLD', 'JLD2', 'HDF5', 'BSON', 'JSON', 'JSON3', 'DelimitedFiles', 'XLSX', 'Arrow', 'Parquet'].map((name) => [name, 'data comes from the data panel or --data'])),
  // What a script fetches and shapes its data frame with before the model sees it.
  HTTP: 'data comes from the data panel or --data',
  Downloads: 'data comes from the data panel or --data',
  // R's data sets fetched with `R"…"` and `@rget`, as cognitive-diagnosis scripts load CDM's.
  RCall: 'data comes from the data panel or --data (export it from R as CSV or JSON)',
  MLDataUtils: 'data comes from the data panel or --data, already split and scaled',
  ...Object.fromEntries(['Optim', 'Optimization', 'OptimizationOptimJL', 'OptimizationNLopt', 'OptimizationOptimisers', 'OptimizationBBO', 'NLSolversBase'].map((name) => [name, MODE_ESTIMATION])),
  ForwardDiff: 'the AD backend is chosen in the workbench or with --ad',
  ReverseDiff: 'the AD backend is chosen in the workbench or with --ad',
  Tracker: 'the AD backend is chosen in the workbench or with --ad',
  Mooncake: 'the AD backend is chosen in the workbench or with --ad (Mooncake is not one of them)',
  Enzyme: 'the AD backend is chosen in the workbench or with --ad (Enzyme is not one of them)',
  Zygote: 'the AD backend is chosen in the workbench or with --ad, and Zygote is not one of them (removed, as in Turing): use forwarddiff or reversediff',
  ADTypes: 'the AD backend is chosen in the workbench or with --ad',
  // Users who met ForwardDiff's Dual numbers in an error load this too; a model never needs it.
  DualNumbers: 'the AD backend is chosen in the workbench or with --ad',
  // ReverseDiff's tape cache (`Turing.setrdcache(true)`) needs it; Tilde compiles the tape itself where it stands for the model.
  Memoization: 'the AD backend is chosen in the workbench or with --ad (reversediff:compile caches the tape)',
  BenchmarkTools: 'timings are not taken by the script here: `tilde bench-ad` times the AD backends',
  TuringBenchmarking: 'timings are not taken by the script here: `tilde bench-ad` times the AD backends',
  DifferentiationInterface: 'the AD backend is chosen in the workbench or with --ad',
  // Sampler packages a script loads beside Turing (`DynamicNUTS`, `externalsampler(…)`): a sample line naming one says what to use.
  // And the packages whose samplers package docs run through `externalsampler` (SliceSampling, MicroCanonicalHMC, AutomaticMALA) or which approximate the posterior (Pathfinder).
  ...Object.fromEntries(['DynamicHMC', 'AdvancedHMC', 'AdvancedMH', 'AdvancedPS', 'AbstractMCMC', 'SliceSampling', 'MicroCanonicalHMC', 'AutomaticMALA', 'Pathfinder'].map((name) => [name, 'the sampler is chosen in the workbench or with --sampler (NUTS, HMC, MH, Gibbs…)'])),
  // Turing's PG runs models as Libtask tasks, which `@might_produce f` marks (a model with keyword arguments needs it).
  Libtask: "Tilde's PG needs no tasks: `@might_produce` lines are not needed",
  Distributed: 'chains run in parallel without worker processes; a line that sets them up (`addprocs`, `pmap`) is not run',
  // Statistical Rethinking's scripts and Pluto notebooks open with these; none is called inside a model.
  Pkg: 'packages are not installed or activated here: the model runs as it is',
  DrWatson: 'packages are not installed or activated here: the model runs as it is',
  Markdown: 'notebook text is not shown here',
  InteractiveUtils: 'notebook helpers are not needed here',
  PlutoUI: 'notebook widgets are not shown here',
  Logging: 'the workbench reports warnings itself',
  // Other probabilistic languages a tutorial runs beside Turing (ArviZ's quickstart fits eight schools with CmdStan and Soss too).
  ...Object.fromEntries(['CmdStan', 'StanSample', 'Soss', 'SampleChains', 'SampleChainsDynamicHMC', 'MeasureTheory'].map((name) => [name, "another probabilistic language's package: only the file's Turing models run here"])),
  // Progress bars a script shows around its own loops (`p = Progress(n)`, `next!(p)`), as an ecology paper's counterfactual loop does.
  ...Object.fromEntries(['ProgressMeter', 'ProgressLogging', 'TerminalLoggers'].map((name) => [name, 'the workbench shows the progress of a run'])),
  Printf: 'what a script prints (`@printf`) is not shown here: the workbench reports the run',
  // `@argcheck cond` is read as `@assert cond`, throwing ArgumentError.
  ArgCheck: '`@argcheck` is read as `@assert`',
  NamedTupleTools: '`@namedtuple(a, b)` is read as Julia\'s own `(; a, b)`',
  // Uncertain numbers made from chains (`Particles(chain)`), which older scripts plot.
  MonteCarloMeasurements: 'the workbench summarises the chains',
  Turing2MonteCarloMeasurements: 'the workbench summarises the chains',
  LaTeXStrings: 'the workbench draws the plots',
  StatisticalRethinkingPlots: 'the workbench draws the plots',
  ParetoSmooth: MODEL_COMPARISON,
  ParetoSmoothedImportanceSampling: MODEL_COMPARISON,
  BSplines: 'a spline basis matrix is data: compute it outside and give it in the data panel or --data',
  Dagitty: 'causal diagrams are drawn and analysed outside Tilde',
  // Lecture notebooks fit the frequentist model beside the Bayesian one for comparison.
  GLM: "its frequentist fits (`lm`, `glm`) are not run here: Tilde samples the model's posterior, and `tilde optimize --kind mle` gives the maximum-likelihood fit",
  SciMLSensitivity: SENSITIVITY,
  DiffEqSensitivity: SENSITIVITY,
};

/** DifferentialEquations' stiff solvers, which Tilde lacks: why, and what to use (also the message of each solver's name, unsupported-calls.ts). */
export const STIFF_SOLVERS =
  "Tilde's `solve` has explicit Runge–Kutta methods only (Tsit5, DP5, BS3, RK4, Midpoint, Euler), no stiff (implicit) solver: for a non-stiff problem use `Tsit5()`; a stiff one needs tight steps from an explicit method (`Tsit5()` with a larger `maxiters`)";
const GAUSSIAN_PROCESSES =
  "Tilde's Gaussian processes are AbstractGPs' exact ones: write the GP with `using AbstractGPs`, `f = GP(σ² * with_lengthscale(SEKernel(), ℓ))` and `f_latent ~ f(x, jitter)`; sparse and approximate GPs are not offered";
const NEURAL_NETWORKS =
  "Tilde has no neural-network library: write the network's layers in the model (`h = tanh.(W1 * x .+ b1)`), its weights drawn with `~` (`W1 ~ filldist(Normal(0, σ), 3, 2)`)";
const HIDDEN_MARKOV =
  'Tilde has no hidden-Markov-model library: write the forward algorithm in the model, `logsumexp` over the states at each step, and add the result with `@addlogprob!`';
const LACKING: Record<string, string> = {
  HiddenMarkovModels: HIDDEN_MARKOV,
  HMMBase: HIDDEN_MARKOV,
  Stheno: GAUSSIAN_PROCESSES,
  Lux: NEURAL_NETWORKS,
  Flux: NEURAL_NETWORKS,
  Sundials: STIFF_SOLVERS,
  LSODA: STIFF_SOLVERS,
  ODEInterfaceDiffEq: STIFF_SOLVERS,
  ...Object.fromEntries(['OrdinaryDiffEqRosenbrock', 'OrdinaryDiffEqSDIRK', 'OrdinaryDiffEqBDF', 'OrdinaryDiffEqFIRK'].map((name) => [name, STIFF_SOLVERS])),
  // Reaction-time models' distributions (Makowski's CognitiveModels book loads it beside Turing).
  SequentialSamplingModels:
    "Tilde has no sequential-sampling-model library (LBA, DDM, LNR, Wald, ExGaussian, ShiftedLogNormal): a shifted lognormal is `LocationScale(τ, 1, LogNormal(μ, σ))`, a Wald (shifted inverse Gaussian) `LocationScale(τ, 1, InverseGaussian(α / ν, α^2))`; delete the line if the model uses none of them",
  // Forum askers fit brms-style formulas with it (`turing_model(@formula(y ~ x + (1 | g)), df)`).
  TuringGLM:
    "Tilde has no formula interface: TuringGLM builds a Turing model from `@formula(y ~ x + (1 | g))`; write that model out (`α ~ …; β ~ filldist(…); y ~ arraydist(Normal.(α .+ X * β, σ))`, a group's intercepts `z ~ filldist(Normal(0, τ), n_groups)` indexed by `z[g]`)",
};

/** Why a package a script loads around its model is not loaded here (`CSV`: data comes from the data panel…), if it is one of them. */
export function ignoredPackage(name: string): string | undefined {
  return Object.hasOwn(AROUND_THE_MODEL, name) ? AROUND_THE_MODEL[name] : undefined;
}

/** `using A, B`, `using A: f, @m`, `import A.f`; a package a model could need and Tilde lacks is an error naming it. */
export function parseUsing(p: Parser): Using {
  const keyword = p.next();
  const modules: Using['modules'] = [];
  let imports: string[] = [];
  for (;;) {
    const relative = p.peek();
    // `import .GeneralizedBinomialExt: GeneralizedBinomial`: a module of the script's own, from a file it includes.
    while (p.atPunct('.')) p.next();
    const name = p.peek();
    if (name.kind !== 'ident') p.unexpected('a module name');
    if (relative !== name) p.error({ from: relative.from, to: name.to }, `\`${keyword.text} .${name.text}\` loads a module the script defines or includes, which Tilde does not read: paste here the definitions the model uses from it`);
    p.next();
    while (p.atPunct('.') && p.peek(1).kind === 'ident') {
      p.next();
      p.next();
    }
    if (relative === name) modules.push({ name: name.text, span: p.span(name.from) });
    if (p.atOp(':')) {
      p.next();
      imports = parseImportedNames(p);
      break;
    }
    if (!p.atPunct(',')) break;
    p.next();
    p.skipNewlines();
  }
  for (const m of modules) {
    if (ALLOWED.includes(m.name) || JULIA_OWN.includes(m.name) || EXPLICIT_ODE_PACKAGES.includes(m.name)) continue;
    const ignored = ignoredPackage(m.name);
    const lacking = Object.hasOwn(LACKING, m.name) ? LACKING[m.name] : undefined;
    if (Object.hasOwn(TABLE_PACKAGES, m.name)) p.error(m.span, `\`${keyword.text} ${m.name}\` loads nothing here: ${TABLE_PACKAGES[m.name]}`, 'info');
    else if (ignored !== undefined) p.error(m.span, `\`${keyword.text} ${m.name}\` is ignored: ${ignored}`, 'warning');
    else if (lacking !== undefined) p.error(m.span, `\`${keyword.text} ${m.name}\` is not supported: ${lacking}`);
    // A script often loads a package its model never calls (EpiNow2's port loads FFTW beside its convolutions): the line can go.
    else p.error(m.span, `\`${keyword.text} ${m.name}\` is not supported: only ${ALLOWED_LIST} may be imported (tooling such as StatsPlots or MCMCChains is ignored); if the model calls nothing of ${m.name}, delete the line`);
  }
  return { kind: 'using', modules, imports, span: p.span(keyword.from) };
}

function parseImportedNames(p: Parser): string[] {
  const names: string[] = [];
  for (;;) {
    p.skipNewlines();
    const t = p.peek();
    if (t.kind !== 'ident' && t.kind !== 'op' && t.kind !== 'macro') p.unexpected('a name to import');
    p.next();
    if (t.kind === 'ident') names.push(t.text);
    // A name inside a submodule: `using OptimizationNLopt: NLopt.LD_TNEWTON_PRECOND_RESTART`.
    while (t.kind === 'ident' && p.atPunct('.') && p.peek(1).kind === 'ident') {
      p.next();
      p.next();
    }
    if (!p.atPunct(',')) return names;
    p.next();
  }
}

/**
 * Why a name the file imports from a package Tilde does not load cannot be called (`using ReverseDiff: gradient`,
 * then `gradient(f, x)` in a model), where "unknown function" would read as a typo.
 */
export function importedFromUnloaded(usings: readonly Using[], name: string): string | undefined {
  for (const u of usings) {
    const from = u.modules.at(-1)?.name;
    if (from === undefined || !u.imports.includes(name)) continue;
    const why = ignoredPackage(from) ?? (Object.hasOwn(LACKING, from) ? LACKING[from] : undefined);
    if (why !== undefined) return `\`${name}\` is imported from ${from}, a package Tilde does not load: ${why}`;
  }
  return undefined;
}
