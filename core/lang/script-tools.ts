/**
 * What Turing's usage pages have a script do with a model or its chains once it is defined — `predict`,
 * `returned`, `logjoint`, `maximum_a_posteriori`, `coeftable`, `run_ad` … — which Tilde does its own way,
 * outside the script: said on the line, with what to use instead, so that it does not read as a typo.
 */

const LOG_DENSITIES = "`tilde check --params '{…}'` prints the log prior, log likelihood and log joint at given values, and every draw keeps its log joint as `lp` and its parts as `logprior` and `loglikelihood`, as Turing 0.40's chains do";
const MODE = 'choose MAP or MLE as the sampler in the workbench, or run `tilde optimize --kind map|mle`: both give the mode with its standard errors';
const STANDARD_ERRORS = "`tilde optimize` and the workbench's MAP and MLE give each parameter's estimate with its standard error";
const RETURNED = "Tilde records the model's return value at every draw, as the generated quantities `return…` (and each `name := …` as `name`), unless it only repeats a `~` left side";
const SUMMARY = 'each run (`tilde sample`, the workbench) ends with the summary table: mean, sd, quantiles, ESS and R-hat of every variable';
/** Where Tilde compares models (also why `using ParetoSmooth` is not needed). */
export const MODEL_COMPARISON =
  "Tilde does PSIS-LOO as R's loo does, outside the script: `tilde loo MODEL --data DATA --draws chains.csv --pointwise FILE` (or the workbench's Leave-one-out cross-validation after a run) on its draws, with `--moment-match` for R's loo_moment_match and `--waic` for loo's waic, and `tilde loo-compare` on two models' pointwise tables for loo_compare";
const CHAINS = 'the workbench and `tilde sample` summarise the chains; to post-process draws (rescale, rename, combine), export them as CSV (`--out`) and work on that file';

const INSTEAD: ReadonlyMap<string, string> = new Map([
  ['predict', '`tilde predict MODEL --data DATA --draws chains.csv` is Turing\'s predict on exported draws, and the workbench\'s posterior predictive check replicates the observed data after a run; or give the values to predict as `missing` (`y = fill(missing, n)`, `null` in JSON data) and each is drawn while the run samples'],
  ['returned', RETURNED],
  ['generated_quantities', RETURNED],
  ['logjoint', LOG_DENSITIES],
  ['loglikelihood', LOG_DENSITIES],
  ['logprior', LOG_DENSITIES],
  ['logdensityof', LOG_DENSITIES],
  ['pointwise_loglikelihoods', LOG_DENSITIES],
  ['pointwise_logdensities', LOG_DENSITIES],
  ['pointwise_prior_logdensities', LOG_DENSITIES],
  ['maximum_a_posteriori', MODE],
  ['maximum_likelihood', MODE],
  ['estimate_mode', MODE],
  ['optimize', MODE],
  ['coeftable', STANDARD_ERRORS],
  ['vcov', STANDARD_ERRORS],
  ['stderror', STANDARD_ERRORS],
  ['informationmatrix', STANDARD_ERRORS],
  ['run_ad', '`tilde check --ad BACKEND` prints the gradient with one AD backend, and `tilde bench-ad` checks and times them all'],
  ['check_model', 'Tilde checks the model as it loads it: a variable drawn twice, an argument without data… are errors on their line'],
  ['setprogress!', "Tilde always shows each chain's progress"],
  ['turnprogress', "Tilde always shows each chain's progress"],
  ['setadbackend', 'the AD backend is chosen in the workbench or with --ad (Turing itself now takes it as the sampler’s `adtype`)'],
  // Turing before 0.22 cached ReverseDiff's tape with it, as issues of that time paste it after setadbackend.
  ['setrdcache', 'the AD backend is chosen in the workbench or with --ad, and `--ad reversediff:compile` keeps the compiled tape'],
  ['sample', "Tilde samples the model itself (a script's top-level `sample(…)` line gives the run its settings), so its chains exist only after the run"],
  ['vi', "Tilde fits the approximation itself, as its ADVI sampler (a script's top-level `vi(…)` line, with the `N` of a later `rand(q, N)`, gives the run its settings), so its draws exist only after the run"],
  ...['q_meanfield_gaussian', 'q_fullrank_gaussian', 'meanfield', 'ADVI', 'KLMinRepGradProxDescent', 'KLMinRepGradDescent'].map((n): [string, string] => [n, "a script's top-level `vi(…)` line reads it as the ADVI sampler's settings, which the run uses"]),
  // MCMCChains' of a chain, or DataFrames' of the script's table, which only prints it.
  ['describe', `${SUMMARY}; a data frame's \`describe(df)\` only prints it: the data panel shows the table`],
  ['summarystats', SUMMARY],
  // ParetoSmooth's, with which Storopoli's companion scripts compare the Poisson and negative binomial models.
  ['loo', MODEL_COMPARISON],
  ['psis_loo', MODEL_COMPARISON],
  ['loo_compare', MODEL_COMPARISON],
  ['waic', MODEL_COMPARISON],
  // MCMCChains' functions with which Storopoli's book rebuilds coefficients from a reparameterised model's chains.
  ['namesingroup', CHAINS],
  ['setrange', CHAINS],
  ['resetrange', CHAINS],
  ['Chains', CHAINS],
  // StatisticalRethinking.jl's own: the book's quadratic approximation and summary table.
  ['quap', `StatisticalRethinking's quadratic approximation is the posterior mode with its standard errors: ${MODE}`],
  ['precis', SUMMARY],
  ['PRECIS', SUMMARY],
  // hakank's scripts include their helpers (`include("jl_utils.jl")`), TuringLang/papers' their data and runner.
  ['include', "Tilde reads this file alone: paste here the definitions the script takes from the included file (its functions, its data), or give the data in the data panel or with --data"],
  // `rand(model)` alone is run (compile/model-draw.ts): one named tuple.
  ['rand(model, n)', "`rand(model)` draws one named tuple of the model's variables, so draw n of them in a comprehension, `[rand(model) for _ in 1:n]`, or sample with the `Prior()` sampler (`tilde sample --sampler prior`)"],
]);

/** Why a script's call of the Turing function `name` is not run, and what Tilde offers instead; undefined for other names. */
export function scriptToolNote(name: string): string | undefined {
  const instead = INSTEAD.get(name);
  return instead === undefined ? undefined : `\`${name}\` is not run in Tilde: ${instead}`;
}
