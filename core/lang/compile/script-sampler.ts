import type * as A from '../ast.js';
import { parseBackend, UnknownBackendError, UnsupportedBackendError } from '../../ad/index.js';
import { JFunction, NOTHING, describe, type Span } from '../../model/index.js';
import type { GibbsBlockSettings, Sampler } from '../../run/index.js';
import { MAX_TREE_DEPTH, type NutsSettings, type HmcSettings, type HmcdaSettings, type MetricKind } from '../../infer/index.js';
import { nameOf } from '../calls.js';
import type { TopLevelValue } from './script-data.js';
import { METRIC_TYPES } from './sampler-text.js';

/** Why a script's run settings cannot be used as written, on the construct that says so. */
export class RunSettingProblem extends Error {
  override readonly name = 'RunSettingProblem';
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** What a `sample(…)` line is read with: the script's text, its top-level values and the `name = …` lines before it. */
export interface ScriptScope {
  readonly source: string;
  /** The names of the file's models. */
  readonly models: ReadonlySet<string>;
  evaluate(e: A.Expr): TopLevelValue;
  /** The value expression of the last top-level `name = …` line before the line being read. */
  definition(name: string): A.Expr | undefined;
}

/** What each sampler's reader gives; `readSampler` adds what every reading collects. */
type SamplerSettings = Pick<ScriptSampler, 'sampler' | 'nAdapts' | 'ad'>;

/** A Turing sampler as Tilde runs it. */
export interface ScriptSampler {
  sampler: Sampler;
  /** NUTS and HMC-DA adapt for Turing's `n_adapts` iterations; −1 is its default, min(1000, N ÷ 2). */
  nAdapts?: number;
  /** From `adtype = …`, in the syntax `resolveBackend` reads. */
  ad?: string;
  /** Turing's older Gibbs components name the variables they sample: `HMC(0.2, 3, :m)`. */
  variables: string[];
  /** What Tilde reads otherwise than Turing would, for the line's note. */
  notes: string[];
  /** Settings Tilde refuses while still using the sampler (an `adtype` it lacks), each on its construct. */
  refused: RunSettingProblem[];
}

/** Turing's target acceptance rate when NUTS or HMC-DA is given none (Stan's and Tilde's is 0.8). */
const TURING_DELTA = 0.65;

const METRICS: ReadonlyMap<string, MetricKind> = new Map(Object.entries(METRIC_TYPES).map(([kind, type]) => [type, kind as MetricKind]));

/** Turing's samplers that Tilde does not have, and what to use instead. */
const MISSING: ReadonlyMap<string, string> = new Map([
  ['PMMH', 'particle marginal Metropolis–Hastings (`PMMH`): use Gibbs with PG or MH for the discrete variables and NUTS for the others'],
  ['IPMCMC', 'interacting particle MCMC (`IPMCMC`): use Gibbs with PG or MH for the discrete variables and NUTS for the others'],
  ['SGLD', 'stochastic gradient Langevin dynamics (`SGLD`): use NUTS or HMC'],
  ['SGHMC', 'stochastic gradient HMC (`SGHMC`): use NUTS or HMC'],
  ['Emcee', 'the ensemble sampler `Emcee`: use NUTS, or MH for discrete parameters'],
  ['RepeatSampler', '`RepeatSampler`: use the sampler it repeats'],
  ['externalsampler', 'external samplers (`externalsampler`): use NUTS, HMC or MH'],
  ['DynamicNUTS', '`DynamicNUTS`: use NUTS'],
]);

const SAMPLERS: readonly string[] = ['NUTS', 'HMC', 'HMCDA', 'MH', 'PG', 'SMC', 'IS', 'Prior', 'ESS', 'Gibbs'];

/** Turing's other names for a sampler: `const CSMC = PG`, conditional SMC being what particle Gibbs runs. */
const ALIASES: ReadonlyMap<string, string> = new Map([['CSMC', 'PG']]);

/** A Turing sampler's constructor, one Tilde runs or one it says it lacks. */
export function isSamplerName(name: string): boolean {
  return SAMPLERS.includes(name) || ALIASES.has(name) || MISSING.has(name) || name === CONDITIONAL;
}

/** Follows `sampler = NUTS(0.65)` lines: scripts often name their settings before sampling. */
export function resolved(e: A.Expr, scope: ScriptScope): A.Expr {
  const seen = new Set<string>();
  let at = e;
  while (at.kind === 'ident' && !seen.has(at.name)) {
    seen.add(at.name);
    const definition = scope.definition(at.name);
    if (definition === undefined) break;
    at = definition;
  }
  return at;
}

const textOf = (e: A.Expr, scope: ScriptScope): string => scope.source.slice(e.span.from, e.span.to);

function numberIn(e: A.Expr, what: string, scope: ScriptScope): number {
  const result = scope.evaluate(e);
  if ('problem' in result) throw new RunSettingProblem(`${what} \`${textOf(e, scope)}\` cannot be known before the model runs: ${result.problem}`, e.span);
  if (typeof result.value !== 'number') throw new RunSettingProblem(`${what} must be a number, got ${describe(result.value)}`, e.span);
  return result.value;
}

export function integerIn(e: A.Expr, what: string, scope: ScriptScope, min: number): number {
  const n = numberIn(e, what, scope);
  if (!Number.isInteger(n) || n < min) throw new RunSettingProblem(`${what} must be an integer ≥ ${min}, got ${n}`, e.span);
  return n;
}

function positiveIn(e: A.Expr, what: string, scope: ScriptScope): number {
  const x = numberIn(e, what, scope);
  if (!(x > 0)) throw new RunSettingProblem(`${what} must be positive, got ${x}`, e.span);
  return x;
}

function acceptanceIn(e: A.Expr, what: string, scope: ScriptScope): number {
  const x = numberIn(e, what, scope);
  if (!(x > 0 && x < 1)) throw new RunSettingProblem(`${what} must be between 0 and 1, got ${x}`, e.span);
  return x;
}

/** The name of a Symbol written `:s`. */
function symbolName(e: A.Expr): string | undefined {
  return e.kind === 'symbol' ? e.name : undefined;
}

/** A call's keyword arguments by name, refusing those the Turing constructor does not have (as Julia would). */
export function keywords(call: A.Call, name: string, allowed: readonly string[]): Map<string, A.Expr> {
  const found = new Map<string, A.Expr>();
  for (const k of call.kwargs) {
    if (!allowed.includes(k.name)) {
      const known = allowed.length === 0 ? 'none' : allowed.map((a) => `\`${a}\``).join(', ');
      throw new RunSettingProblem(`\`${name}\` has no keyword argument \`${k.name}\` (its keywords: ${known})`, k.span);
    }
    found.set(k.name, k.value);
  }
  return found;
}

function metricIn(e: A.Expr, scope: ScriptScope): MetricKind {
  const at = resolved(e, scope);
  const metric = at.kind === 'call' ? undefined : METRICS.get(nameOf(at) ?? '');
  if (metric === undefined) throw new RunSettingProblem(`the metric must be one of ${[...METRICS.keys()].join(', ')}, got \`${textOf(e, scope)}\``, e.span);
  return metric;
}

/** Tilde's spelling of a backend, as its settings name them (`reversediff:compile`, `forwarddiff:chunk=4`). */
function backendText(text: string): string {
  const { name, options } = parseBackend(text);
  return [name, ...(options.chunk !== undefined ? [`chunk=${options.chunk}`] : []), ...(options.compile === true ? ['compile'] : [])].join(':');
}

/** A keyword's value as `parseBackend` reads it in Turing's `AutoReverseDiff(compile = true)`. */
function optionText(e: A.Expr, scope: ScriptScope): string {
  const result = scope.evaluate(e);
  if ('value' in result && (typeof result.value === 'number' || typeof result.value === 'boolean')) return String(result.value);
  if ('value' in result && result.value === NOTHING) return 'nothing';
  return textOf(e, scope);
}

/**
 * `adtype = AutoReverseDiff(compile = true)`: Tilde's backend of that name, or why the script's backend
 * is not used (Zygote's removal, a backend Tilde does not have); the sampler is used either way.
 */
export function adIn(e: A.Expr, scope: ScriptScope, refused: RunSettingProblem[]): string | undefined {
  const at = resolved(e, scope);
  const name = nameOf(at);
  if (at.kind !== 'call' || name === undefined) throw new RunSettingProblem(`\`adtype\` must be an AD type such as \`AutoForwardDiff()\`, got \`${textOf(e, scope)}\``, e.span);
  const options = [...at.args.map((a) => textOf(a, scope)), ...at.kwargs.map((k) => `${k.name}=${optionText(k.value, scope)}`)];
  try {
    return backendText(`${name}(${options.join(', ')})`);
  } catch (err) {
    if (!(err instanceof UnsupportedBackendError || err instanceof UnknownBackendError)) throw err;
    refused.push(new RunSettingProblem(`this \`adtype\` is not used, Tilde chooses the AD backend: ${err.message}`, e.span));
    return undefined;
  }
}

interface Reading {
  call: A.Call;
  name: string;
  /** Positional arguments before the old Gibbs form's variable symbols. */
  args: A.Expr[];
  scope: ScriptScope;
  notes: string[];
  refused: RunSettingProblem[];
}

/** `adtype`, `metricT` and the settings common to Turing's Hamiltonian samplers. */
function hamiltonianKeywords(r: Reading, allowed: readonly string[]): { ad?: string; metric?: { metric: MetricKind }; kw: Map<string, A.Expr> } {
  const kw = keywords(r.call, r.name, [...allowed, 'metricT', 'adtype']);
  const adtype = kw.get('adtype');
  const metricT = kw.get('metricT');
  const ad = adtype === undefined ? undefined : adIn(adtype, r.scope, r.refused);
  return { ...(ad !== undefined ? { ad } : {}), ...(metricT !== undefined ? { metric: { metric: metricIn(metricT, r.scope) } } : {}), kw };
}

function arity(r: Reading, forms: string): never {
  throw new RunSettingProblem(`\`${r.name}\` takes ${forms}, as in Turing; got \`${textOf(r.call, r.scope)}\``, r.call.span);
}

function readNuts(r: Reading): SamplerSettings {
  const { ad, metric, kw } = hamiltonianKeywords(r, ['max_depth', 'Δ_max', 'init_ϵ']);
  if (r.args.length > 2) arity(r, '(), (δ) or (n_adapts, δ)');
  const [first, second] = r.args;
  // Older scripts write Turing's default itself, `NUTS(-1, 0.65)`: min(1000, N ÷ 2) iterations.
  const nAdapts = second === undefined ? -1 : integerIn(first!, "NUTS's n_adapts", r.scope, -1);
  const deltaAt = second ?? first;
  const targetAcceptance = deltaAt === undefined ? TURING_DELTA : acceptanceIn(deltaAt, "NUTS's target acceptance δ", r.scope);
  const depth = kw.get('max_depth');
  const energy = kw.get('Δ_max');
  const step = kw.get('init_ϵ');
  const stepSize = step === undefined ? 0 : numberIn(step, "NUTS's init_ϵ", r.scope);
  const sampler: NutsSettings = {
    sampler: 'nuts',
    adaptation: { targetAcceptance },
    maxTreeDepth: depth === undefined ? MAX_TREE_DEPTH : integerIn(depth, "NUTS's max_depth", r.scope, 1),
    ...(energy !== undefined ? { maxEnergyError: positiveIn(energy, "NUTS's Δ_max", r.scope) } : {}),
    // Turing's 0 means "search for one", which Tilde always does; a given step size starts that search.
    ...(stepSize > 0 ? { stepSize } : {}),
    ...metric,
  };
  return { sampler, nAdapts, ...(ad !== undefined ? { ad } : {}) };
}

function readHmc(r: Reading): SamplerSettings {
  const [stepAt, stepsAt, metricAt, ...extra] = r.args;
  const { ad, metric, kw } = hamiltonianKeywords(r, []);
  if (stepAt === undefined || stepsAt === undefined || extra.length > 0 || (metricAt !== undefined && kw.has('metricT'))) arity(r, '(ϵ, n_leapfrog) or (ϵ, n_leapfrog, metric)');
  const sampler: HmcSettings = {
    sampler: 'hmc',
    stepSize: positiveIn(stepAt, "HMC's step size ϵ", r.scope),
    nSteps: integerIn(stepsAt, "HMC's n_leapfrog", r.scope, 1),
    ...(metricAt !== undefined ? { metric: metricIn(metricAt, r.scope) } : metric),
  };
  return { sampler, ...(ad !== undefined ? { ad } : {}) };
}

function readHmcda(r: Reading): SamplerSettings {
  const { ad, metric, kw } = hamiltonianKeywords(r, ['init_ϵ']);
  if (r.args.length < 2 || r.args.length > 3) arity(r, '(δ, λ) or (n_adapts, δ, λ)');
  const [deltaAt, lengthAt] = r.args.slice(-2) as [A.Expr, A.Expr];
  const nAdapts = r.args.length === 3 ? integerIn(r.args[0]!, "HMCDA's n_adapts", r.scope, -1) : -1;
  const step = kw.get('init_ϵ');
  const stepSize = step === undefined ? 0 : numberIn(step, "HMCDA's init_ϵ", r.scope);
  const sampler: HmcdaSettings = {
    sampler: 'hmcda',
    adaptation: { targetAcceptance: acceptanceIn(deltaAt, "HMCDA's target acceptance δ", r.scope) },
    trajectoryLength: positiveIn(lengthAt, "HMCDA's trajectory length λ", r.scope),
    ...(stepSize > 0 ? { stepSize } : {}),
    ...metric,
  };
  return { sampler, nAdapts, ...(ad !== undefined ? { ad } : {}) };
}

/** Samplers without settings: `MH()` (proposals from the prior), `Prior()`, `ESS()`, `IS()`. */
function readPlain(r: Reading, sampler: Sampler): SamplerSettings {
  keywords(r.call, r.name, []);
  if (r.args.length > 0) {
    const mh = r.name === 'MH' ? ": Tilde's MH proposes from the priors, as Turing's `MH()`; choose a random walk in Tilde's settings instead of proposals of your own" : '';
    throw new RunSettingProblem(`Tilde reads \`${r.name}()\` without arguments${mh}`, r.call.span);
  }
  return { sampler };
}

/** `PG(n)`: particle Gibbs with n particles, resampling when their effective number falls below half (Turing's default). */
function readPg(r: Reading): SamplerSettings {
  keywords(r.call, r.name, []);
  const [countAt, ...rest] = r.args;
  if (countAt === undefined) arity(r, '(n_particles)');
  if (rest.length > 0) throw new RunSettingProblem("Tilde's PG takes the number of particles alone and resamples when their effective number falls below half, Turing's default: drop the resampler or threshold", rest[0]!.span);
  return { sampler: { sampler: 'pg', particles: integerIn(countAt, "PG's number of particles", r.scope, 2) } };
}

/** `SMC()`: as many particles as draws, resampled when their effective number falls below half (AdvancedPS's default). */
function readSmc(r: Reading): SamplerSettings {
  keywords(r.call, r.name, []);
  if (r.args.length > 0) throw new RunSettingProblem("Tilde's SMC resamples multinomially when the particles' effective number falls below half, Turing's default: drop the resampler or threshold", r.args[0]!.span);
  return { sampler: { sampler: 'smc' } };
}

/** `:s`, `(:s, :m)` or `[:s, :m]`: the variables of one `Gibbs` component. */
function variablesIn(e: A.Expr, scope: ScriptScope): string[] {
  const one = symbolName(e);
  if (one !== undefined) return [one];
  const items = e.kind === 'tuple' || e.kind === 'array' ? e.items.map(symbolName) : [undefined];
  if (items.every((n): n is string => n !== undefined)) return items;
  throw new RunSettingProblem(`Tilde reads a Gibbs component's variables written as \`:s\` or \`(:s, :m)\`, got \`${textOf(e, scope)}\``, e.span);
}

/** One block of `Gibbs(:s => MH(), …)` or of the older `Gibbs(MH(:s), HMC(0.2, 3, :m))`. */
function gibbsBlock(component: A.Expr, given: string[] | undefined, r: Reading): GibbsBlockSettings {
  const { scope, notes } = r;
  const call = resolved(component, scope);
  if (call.kind === 'call' && nameOf(call) === CONDITIONAL) return conditionalBlock(call, given, scope);
  // SliceSampling's docs sample one block with `:p => externalsampler(SliceSteppingOut(2.0))` beside Turing's own: the
  // rest of the Gibbs still runs as written, that block with NUTS (the same posterior, a gradient-based step).
  if (call.kind === 'call' && nameOf(call) === 'externalsampler' && given !== undefined && given.length > 0) {
    notes.push(`\`${textOf(component, scope)}\` is an external sampler, which Tilde does not have: its block (${given.map((v) => `\`${v}\``).join(', ')}) is sampled with NUTS`);
    return { variables: given, sampler: 'nuts' };
  }
  const read = readSampler(component, scope, true);
  const variables = given ?? read.variables;
  if (variables.length === 0) throw new RunSettingProblem(`name the variables this Gibbs component samples, as in \`:s => ${textOf(component, scope)}\``, component.span);
  notes.push(...read.notes);
  r.refused.push(...read.refused);
  const ad = read.ad !== undefined ? { ad: read.ad } : {};
  const s = read.sampler;
  if (s.sampler === 'mh') return { variables, sampler: 'mh' };
  if (s.sampler === 'pg') return { variables, sampler: 'pg', particles: s.particles };
  if (s.sampler === 'ess') return { variables, sampler: 'ess' };
  if (s.sampler === 'nuts') return { variables, sampler: 'nuts', ...ad };
  if (s.sampler === 'hmc') return { variables, sampler: 'hmc', nSteps: s.nSteps, stepSize: s.stepSize, ...ad };
  throw new RunSettingProblem(`Tilde's Gibbs samples each block with MH, PG, ESS, NUTS or HMC, not with \`${textOf(component, scope)}\``, component.span);
}

const CONDITIONAL = 'GibbsConditional';

/**
 * Turing's `:m => GibbsConditional(cond_m)` (0.41) or `GibbsConditional(:m, cond_m)` (≤ 0.35): the file's function
 * `cond_m` gives the block's conditional distribution. A run finds it again by name (a worker compiles the file anew),
 * so it must be a function the file defines, not a lambda.
 */
function conditionalBlock(call: A.Call, given: string[] | undefined, scope: ScriptScope): GibbsBlockSettings {
  keywords(call, CONDITIONAL, []);
  const old = call.args.length === 2 ? symbolName(call.args[0]!) : undefined;
  const fnAt = call.args[call.args.length - 1];
  if (fnAt === undefined || call.args.length > 2 || (call.args.length === 2 && old === undefined)) {
    throw new RunSettingProblem('`GibbsConditional` takes the function that gives the conditional distribution, as in `:m => GibbsConditional(cond_m)` (or Turing ≤ 0.35\'s `GibbsConditional(:m, cond_m)`)', call.span);
  }
  const variables = given ?? (old === undefined ? [] : [old]);
  if (variables.length === 0) throw new RunSettingProblem(`name the variables this Gibbs component samples, as in \`:m => ${textOf(call, scope)}\``, call.span);
  const found = fnAt.kind === 'ident' ? scope.evaluate(fnAt) : undefined;
  if (fnAt.kind !== 'ident' || found === undefined || 'problem' in found || !(found.value instanceof JFunction)) {
    throw new RunSettingProblem(`GibbsConditional needs a function the file defines, by its name (\`function cond_m(c) … end\`), got \`${textOf(fnAt, scope)}\``, fnAt.span);
  }
  return { variables, sampler: 'conditional', conditional: fnAt.name };
}

function readGibbs(r: Reading): SamplerSettings {
  keywords(r.call, r.name, []);
  if (r.args.length === 0) throw new RunSettingProblem('`Gibbs` needs its components, as in `Gibbs(:s => MH(), :m => NUTS())`', r.call.span);
  const blocks = r.args.map((arg) => {
    const pair = arg.kind === 'call' && nameOf(arg) === 'Pair' ? arg.args : undefined;
    return pair ? gibbsBlock(pair[1]!, variablesIn(pair[0]!, r.scope), r) : gibbsBlock(arg, undefined, r);
  });
  return { sampler: { sampler: 'gibbs', blocks } };
}

/**
 * A Turing sampler — `NUTS(0.65)`, `HMC(ϵ, τ)` with top-level constants, `Gibbs(:s => MH(), :m => NUTS())`,
 * or a name for one given on an earlier line — as Tilde's settings. Throws `RunSettingProblem` for what
 * Tilde cannot run as Turing would, naming the sampler and what to use instead.
 */
export function readSampler(expr: A.Expr, scope: ScriptScope, inGibbs = false): ScriptSampler {
  const e = resolved(expr, scope);
  const written = nameOf(e);
  const name = written === undefined ? undefined : (ALIASES.get(written) ?? written);
  if (e.kind !== 'call' || name === undefined) throw new RunSettingProblem(`Tilde cannot read the sampler \`${textOf(expr, scope)}\` before the model runs`, expr.span);
  const missing = MISSING.get(name);
  if (missing !== undefined) throw new RunSettingProblem(`Tilde does not have ${missing}`, e.span);
  let split = e.args.length;
  while (split > 0 && symbolName(e.args[split - 1]!) !== undefined) split--;
  const variables = e.args.slice(split).map((a) => symbolName(a)!);
  if (variables.length > 0 && !inGibbs) throw new RunSettingProblem(`\`${textOf(e, scope)}\` names the variables it samples, which Turing reads only inside \`Gibbs(…)\``, e.span);
  const r: Reading = { call: e, name, args: e.args.slice(0, split), scope, notes: [], refused: [] };
  return { ...settingsOf(r, inGibbs), variables, notes: r.notes, refused: r.refused };
}

function settingsOf(r: Reading, inGibbs: boolean): SamplerSettings {
  switch (r.name) {
    case 'NUTS':
      return readNuts(r);
    case 'HMC':
      return readHmc(r);
    case 'HMCDA':
      return readHmcda(r);
    case 'MH':
      return readPlain(r, { sampler: 'mh', proposal: 'prior' });
    case 'PG':
      return readPg(r);
    case 'SMC':
      return readSmc(r);
    case 'IS':
      return readPlain(r, { sampler: 'is' });
    case 'Prior':
      return readPlain(r, { sampler: 'prior' });
    case 'ESS':
      return readPlain(r, { sampler: 'ess' });
    case CONDITIONAL:
      throw new RunSettingProblem(`\`${CONDITIONAL}\` is a Gibbs component: use it inside Gibbs, as in \`Gibbs(:m => ${CONDITIONAL}(cond_m), :s => MH())\``, r.call.span);
    case 'Gibbs':
      if (inGibbs) throw new RunSettingProblem('a Gibbs component cannot itself be `Gibbs`', r.call.span);
      return readGibbs(r);
    default:
      throw new RunSettingProblem(`Tilde does not know the sampler \`${r.name}\`: it samples with ${SAMPLERS.join(', ')}`, r.call.span);
  }
}
