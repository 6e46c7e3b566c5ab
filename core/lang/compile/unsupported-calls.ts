import { STIFF_SOLVERS } from '../parser/usings.js';
import { scriptToolNote } from '../script-tools.js';

const RANDOM_MEASURES =
  "is one of Turing's random measures (Turing.RandomMeasures), which Tilde does not offer: an infinite mixture needs a particle sampler; write a finite mixture instead, with a Dirichlet prior on the weights (`MixtureModel` or a marginalised `logsumexp`)";
const VARIATIONAL =
  "is a variational family or algorithm Tilde does not offer: its ADVI sampler is Turing's default `vi`, KLMinRepGradProxDescent, fitting `q_meanfield_gaussian(model)` or `q_fullrank_gaussian(model)` (a script's `vi(model, q, n)` line selects it, or choose ADVI in the workbench, `tilde sample --sampler advi`)";

const ACCUMULATED =
  "reads the log density DynamicPPL has accumulated in `__varinfo__`: inside a model Tilde reads `getlogjoint(__varinfo__)`, `getlogprior`, `getloglikelihood` and `getlogp` of `__varinfo__` itself, and each draw's log joint is also its `lp`";

const SAMPLER =
  "is one of Turing's samplers, which a model cannot run: Tilde samples the model with the sampler chosen in the workbench or with `tilde sample --sampler`; a model that runs inference inside itself (a nested, meta-Bayesian model) cannot run in Tilde";

const CONTEXTS =
  "is DynamicPPL's evaluation context, which Tilde does not have: a model here always runs whole, likelihood included (drawing from the prior is the `prior` sampler's job, which ignores the observations), so a test such as `leafcontext(__context__) !== PriorContext()` is true: keep the lines it guards and drop the test";

const CONTEXT_NAMES = ['leafcontext', 'childcontext', 'PriorContext', 'LikelihoodContext', 'DefaultContext', 'SamplingContext'];

const MISSING_FAMILY =
  'is a Distributions.jl family that Tilde does not have: add its log density with `@addlogprob!` (for a parameter, draw it first from `Flat()`, `FlatPos(0)` or a `Uniform` on the same support, whose constant density leaves the posterior as it is)';

const AD_INSIDE =
  "is automatic differentiation, which a model cannot run inside itself in Tilde: the AD backend that differentiates the model is chosen in the workbench or with --ad; a gradient the model needs is written out (the derivative by hand)";

const APPROXIMATE_GPS =
  "is one of AbstractGPs' sparse or approximate GPs, which Tilde does not offer: its GPs are exact (`f = GP(k)`, `f(x, σ²)`, `posterior(f(x, σ²), y)`), whose cost grows as n³ with the number of inputs";

const OTHER_KERNELS =
  "is a KernelFunctions kernel or transform Tilde does not have: it has SqExponentialKernel, ExponentialKernel, GammaExponentialKernel, MaternKernel, Matern32Kernel, Matern52Kernel, RationalQuadraticKernel, PeriodicKernel, LinearKernel, PolynomialKernel, ConstantKernel, WhiteKernel and ZeroKernel, scaled (`σ² * k`), added, multiplied and composed with ScaleTransform or ARDTransform (`with_lengthscale(k, ℓ)`); another kernel's matrix can be written in the model as a comprehension";

const STIFF_NAMES = [
  ...['Rosenbrock23', 'Rosenbrock32', 'Rodas3', 'Rodas4', 'Rodas4P', 'Rodas5', 'Rodas5P', 'ROS3P', 'TRBDF2', 'KenCarp3', 'KenCarp4', 'KenCarp5', 'Kvaerno3', 'Kvaerno5'],
  ...['QNDF', 'FBDF', 'ABDF2', 'ImplicitEuler', 'ImplicitMidpoint', 'Trapezoid', 'RadauIIA3', 'RadauIIA5', 'AutoTsit5', 'AutoVern7', 'AutoVern9', 'CVODE_BDF', 'CVODE_Adams', 'lsoda'],
];

/**
 * Turing functions a pasted script may call that Tilde deliberately lacks, with why and what to do instead:
 * "unknown function" alone would read as a typo.
 */
const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  ...['getlogp', 'getlogjoint', 'getlogprior', 'getloglikelihood'].map((n): [string, string] => [n, ACCUMULATED]),
  ...CONTEXT_NAMES.map((n): [string, string] => [n, CONTEXTS]),
  ...['NUTS', 'HMC', 'HMCDA', 'MH', 'RWMH', 'Gibbs', 'PG', 'CSMC', 'SMC', 'IS', 'ESS', 'SGLD', 'SGHMC', 'Emcee', 'externalsampler'].map((n): [string, string] => [n, SAMPLER]),
  ...['AutoForwardDiff', 'AutoReverseDiff', 'AutoMooncake', 'AutoEnzyme', 'AutoZygote', 'AutoTracker', 'AutoFiniteDifferences', 'prepare_gradient', 'value_and_gradient'].map((n): [string, string] => [n, AD_INSIDE]),
  ...['DirichletProcess', 'PitmanYorProcess', 'ChineseRestaurantProcess', 'StickBreakingProcess', 'SizeBiasedSamplingProcess', 'CRP'].map((n): [string, string] => [n, RANDOM_MEASURES]),
  ...['q_locationscale', 'KLMinScoreGradDescent', 'BBVI', 'KLMinWassFwdBwd', 'KLMinNaturalGradDescent', 'KLMinSqrtNaturalGradDescent', 'FisherMinBatchMatch'].map((n): [string, string] => [n, VARIATIONAL]),
  ['qr', "is LinearAlgebra's QR decomposition, which Tilde does not offer: the QR reparameterisation transforms the data, so compute Q* = Matrix(Q) * sqrt(n - 1) outside Tilde and give it in the data (β = R*⁻¹ β̃ afterwards, with R* = R / sqrt(n - 1))"],
  // Distributions.jl families Turing's distribution tests sample that Tilde lacks: "unknown function" read as a typo.
  ...['Biweight', 'Cosine', 'Epanechnikov', 'Triweight', 'SymTriangularDist', 'GeneralizedPareto', 'Kolmogorov', 'KSDist', 'KSOneSided', 'NormalInverseGaussian', 'JohnsonSU', 'PGeneralizedGaussian', 'SkewedExponentialPower', 'Semicircle', 'Lindley', 'Chernoff', 'StudentizedRange', 'NoncentralBeta', 'NoncentralChisq', 'NoncentralF', 'LogLogistic'].map((n): [string, string] => [n, MISSING_FAMILY]),
  // Matrix-variate families (a Bayesian VAR's coefficient prior): the matrix normal is an MvNormal of the matrix's vec.
  ['MatrixNormal', "is Distributions.jl's matrix normal, which Tilde does not have as such: draw its vec, `b ~ MvNormal(vec(M), kron(V, U))` for `MatrixNormal(M, U, V)`, and take `B = reshape(b, size(M)...)`"],
  ...['MatrixTDist', 'MatrixBeta', 'MatrixFDist'].map((n): [string, string] => [n, MISSING_FAMILY]),
  ...['SparseFiniteGP', 'VFE', 'DTC', 'approx_posterior', 'elbo', 'dtc', 'update_posterior', 'LatentGP', 'LatentFiniteGP', 'SVGP', 'to_sde', 'atomic', 'GPC'].map((n): [string, string] => [n, APPROXIMATE_GPS]),
  ...['GammaRationalKernel', 'CosineKernel', 'NeuralNetworkKernel', 'SpectralMixtureKernel', 'PiecewisePolynomialKernel', 'FBMKernel', 'WienerKernel', 'GaborKernel', 'gaborkernel', 'spectral_mixture_kernel', 'KernelTensorProduct', 'NormalizedKernel', 'LinearTransform', 'FunctionTransform', 'SelectTransform', 'ChainTransform', 'PeriodicTransform', 'kernelpdmat'].map((n): [string, string] => [n, OTHER_KERNELS]),
  // A model's rand and randn draw from the run's streams, one per kept draw (draw-streams.ts), which a seed in the model would defeat.
  ['seed!', "seeds Julia's global generator, which a model cannot do in Tilde: its `rand` and `randn` draw from the run's streams, one per kept draw, seeded by the run's seed (`tilde sample --seed`, or the file's top-level `Random.seed!(n)` line); move the line to the top of the file"],
  ...['Xoshiro', 'MersenneTwister', 'StableRNG'].map((n): [string, string] => [n, "makes a generator seeded in the model, whose draws Julia repeats at every evaluation: Tilde's `rand` and `randn` in a model draw from the run's streams, one per kept draw; write `rand(d)`, or make the generator in the file's top-level lines to seed its data's draws"]),
  ['NamedDist', "is DynamicPPL's way to name a variable other than its left side, which Tilde does not have: write the name on the left (`y ~ Normal()`), or give the variable a name of its own and assign it (`y = x`)"],
  // DifferentialEquations' stiff and automatic-switching solvers, and Sundials' and LSODA's.
  ...STIFF_NAMES.map((n): [string, string] => [n, `is a stiff solver of DifferentialEquations: ${STIFF_SOLVERS}`]),
  ...['SDDEProblem'].map((n): [string, string] => [n, `is DifferentialEquations' delay differential equations, which Tilde's \`solve\` does not have: it solves ODEs (\`ODEProblem\`); a delay can be written as a chain of ODE compartments (the linear chain trick)`]),
  ...['SDEProblem', 'SOSRI', 'SOSRA', 'SRIW1', 'SRA1', 'EM', 'EulerHeun', 'LambaEM', 'SKenCarp', 'EnsembleProblem', 'EnsembleThreads', 'EnsembleSerial'].map((n): [string, string] => [n, `is DifferentialEquations' stochastic differential equations (or ensembles of solves), which Tilde's \`solve\` does not have: it solves ODEs (\`ODEProblem\`); an SDE's path can be written in the model as Euler–Maruyama steps whose noise terms are parameters (\`z ~ filldist(Normal(), n)\`)`]),
]);

/**
 * BUGS/JAGS (and R) densities a user coming from them writes: Turing's family, with where the parameters differ
 * (BUGS gives precisions, rates and its own argument order). "Did you mean `norm`?" sent them elsewhere.
 */
const BUGS: ReadonlyMap<string, [string, string]> = new Map([
  ['dnorm', ['Normal(μ, σ)', ' with the standard deviation σ: BUGS\'s `dnorm(μ, τ)` takes the precision τ = 1/σ²']],
  ['dlnorm', ['LogNormal(μ, σ)', ' with the standard deviation σ of the log: BUGS\'s `dlnorm(μ, τ)` takes the precision τ = 1/σ²']],
  ['dt', ['LocationScale(μ, σ, TDist(ν))', ': BUGS\'s `dt(μ, τ, ν)` takes the precision τ = 1/σ²']],
  ['dgamma', ['Gamma(α, θ)', ' with the scale θ = 1/rate: `dgamma(shape, rate)` takes the rate']],
  ['dexp', ['Exponential(θ)', ' with the scale θ = 1/rate: `dexp(rate)` takes the rate']],
  ['dweib', ['Weibull(α, θ)', ' with the scale θ: BUGS\'s `dweib(α, λ)` takes λ = θ^(-α)']],
  ['dbeta', ['Beta(a, b)', '']],
  ['dunif', ['Uniform(a, b)', '']],
  ['dbern', ['Bernoulli(p)', '']],
  ['dbin', ['Binomial(n, p)', ', the number of trials first: BUGS\'s `dbin(p, n)` puts p first']],
  ['dbinom', ['Binomial(n, p)', '']],
  ['dpois', ['Poisson(λ)', '']],
  ['dnegbin', ['NegativeBinomial(r, p)', ': BUGS\'s `dnegbin(p, r)` puts p first']],
  ['dnbinom', ['NegativeBinomial(r, p)', '']],
  ['dcat', ['Categorical(p)', '']],
  ['dmulti', ['Multinomial(n, p)', ': BUGS\'s `dmulti(p, n)` puts p first']],
  ['dmultinom', ['Multinomial(n, p)', '']],
  ['ddirch', ['Dirichlet(α)', '']],
  ['ddirich', ['Dirichlet(α)', '']],
  ['dmnorm', ['MvNormal(μ, Σ)', ' with the covariance Σ: BUGS\'s `dmnorm(μ, Ω)` takes the precision matrix Ω = Σ⁻¹']],
  ['dlogis', ['Logistic(μ, θ)', '']],
  ['dcauchy', ['Cauchy(μ, σ)', '']],
  ['dchisqr', ['Chisq(ν)', '']],
  ['dchisq', ['Chisq(ν)', '']],
]);

/**
 * DataFrames' names that Statistical Rethinking scripts call on their data before the model (`select(df, …)`,
 * `dropmissing!(df)`, `df.n = 1:nrow(df)`): the script's top-level lines have some of them (core/lang/dataframes), a model
 * and the rest of DataFrames none, so the line says what there is instead of reading as a typo.
 */
const DATA_FRAMES: ReadonlySet<string> = new Set(['DataFrame', 'select', 'select!', 'transform!', 'dropmissing', 'dropmissing!', 'nrow', 'ncol', 'groupby', 'combine', 'subset', 'subset!', 'rename', 'rename!', 'stack', 'unstack', 'leftjoin', 'innerjoin', 'outerjoin', 'disallowmissing', 'disallowmissing!']);
const DATA_FROM_PANEL =
  "which Tilde has in part only: a script's top-level lines shape its data table (`select`, `dropmissing`, `df[!, :y]`, `df.y = …`, `Matrix(df)`), not a model, which takes the columns as arguments";

const READS_NO_FILES = 'Tilde reads no files: data comes from the data panel or --data';

/** What old TuringModels.jl scripts (2019) used that Turing has since removed, with what replaced it. */
const REMOVED: ReadonlyMap<string, string> = new Map([
  ['VecBinomialLogit', 'is the vectorised BinomialLogit of old TuringModels.jl versions, since removed: write `y .~ BinomialLogit.(n, logitp)`'],
  ['TArray', "is old Turing's array for particle samplers, since removed: write `Vector{Real}(undef, n)`, or draw the whole vector at once with `α ~ filldist(Normal(0, 10), n)`"],
  // TuringLang/papers' 2019 benchmark models.
  ['Multi', "is old Turing's n independent draws of a distribution, since removed: write `filldist(D, n)`"],
  ['ArrayDist', "is old Turing's name for a vector of distributions drawn together: write `arraydist(ds)`"],
]);

/** Why a call of `name` cannot run in Tilde, for a Turing name Tilde deliberately lacks or does outside the script. */
export function unsupportedCall(name: string): string | undefined {
  const why = UNSUPPORTED.get(name);
  if (why !== undefined) return `\`${name}\` ${why}`;
  if (DATA_FRAMES.has(name)) return `\`${name}\` is DataFrames', ${DATA_FROM_PANEL}`;
  const removed = REMOVED.get(name);
  if (removed !== undefined) return `\`${name}\` ${removed}`;
  const bugs = BUGS.get(name);
  if (bugs !== undefined) return `\`${name}\` is BUGS/JAGS's (and R's) density: Turing writes \`y ~ ${bugs[0]}\`${bugs[1]}`;
  return name === 'joinpath' ? `\`joinpath\` makes the path of a data file: ${READS_NO_FILES}` : scriptToolNote(name);
}

const INTERNALS =
  "is the state DynamicPPL threads through a model, which Tilde does not have: return what you need from the submodel (`return (; a, b)`) and read it from the `~` left side (`x.a`); the log density it accumulates is each draw's `lp`";

/** `__model__.context`, Turing 0.40's spelling of `__context__`, said as that is rather than as `__model__`. */
export function unsupportedField(target: string, field: string): string | undefined {
  return target === '__model__' && field === 'context' ? `\`__model__.context\` (Turing 0.40's \`__context__\`) ${CONTEXTS}` : undefined;
}

/**
 * Why a name a pasted script uses is not one here: what DynamicPPL defines inside every model (`__varinfo__`…),
 * old Turing's `TArray{T}(undef, n)`, DataFrames' `DataFrame` (`convert(DataFrame, csv)`), and the script's path (`@__DIR__`).
 */
export function unsupportedName(name: string): string | undefined {
  if (name === '__context__') return `\`${name}\` ${CONTEXTS}`;
  // A qualified call (`DynamicPPL.leafcontext(…)`) reaches its function as a name.
  if (CONTEXT_NAMES.includes(name)) return `\`${name}\` ${CONTEXTS}`;
  if (name === '__varinfo__' || name === '__model__') return `\`${name}\` ${INTERNALS}`;
  if (name === 'TArray') return `\`TArray\` ${REMOVED.get(name)}`;
  if (name === 'DataFrame') return `\`DataFrame\` is DataFrames' type, ${DATA_FROM_PANEL}`;
  if (name === '@__DIR__' || name === '@__FILE__') return `\`${name}\` is the script's own path, for reading files: ${READS_NO_FILES}`;
  return undefined;
}
