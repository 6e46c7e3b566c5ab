import type * as A from '../ast.js';
import { ModelInstance, diagnostic, lineColumn, type Diagnostic, type Span } from '../../model/index.js';
import type { Sampler } from '../../run/index.js';
import { oldSampleSyntax } from './old-sample-syntax.js';
import { patternNames } from './locals.js';
import { samplerText } from './sampler-text.js';
import { modelObjectOf } from './script-data.js';
import { isSampleCall, nameOf } from '../calls.js';
import { RunSettingProblem, integerIn, isSamplerName, readSampler, resolved, type ScriptScope } from './script-sampler.js';
import { isViCall, isViSetting, randDrawsAfter, readVi } from './script-vi.js';
import { readInitialParams, type InitialParams } from './script-init.js';

/**
 * How a pasted script's `sample(…)` line would run its model in Turing, as Tilde's settings: the run
 * the workbench and `tilde sample` use for whatever the user does not choose. A setting the line does
 * not determine is absent (Tilde's own default stays): the number of chains of a single-chain
 * `sample(model, NUTS(), 1000)`, an AD backend when there is no `adtype`.
 */
export interface ScriptRun {
  sampler: Sampler;
  /** Kept draws per chain: Turing's N. */
  draws?: number;
  /**
   * Iterations per chain before the kept draws: NUTS's and HMC-DA's `n_adapts` (by default
   * min(1000, N ÷ 2), discarded, as Turing discards them); for other samplers `num_warmup` or
   * `discard_initial`, 0 when the line has neither.
   */
  warmup?: number;
  /** From `sample(model, sampler, MCMCThreads(), N, chains)` (or MCMCSerial, MCMCDistributed). */
  chains?: number;
  /** From `thinning = k`. */
  thin?: number;
  /** From the sampler's `adtype = …`, as `resolveBackend` reads it (`reversediff:compile`). */
  ad?: string;
  /** From `initial_params = InitFromParams((; σ = 1.0))`: where every chain starts. */
  init?: InitialParams;
  /** The whole run in words: `NUTS(δ = 0.65), 1000 draws × 4 chains after 500 warm-up`. */
  text: string;
  /** The line of the `sample(…)` call, from 1. */
  line: number;
}

/** A top-level `sample(…)` call and the statement it is (`chain = sample(…)` or the bare call). */
export interface SampleLine {
  call: A.Call;
  statement: Span;
  /** The assignments of the `let` or `begin` block the line is in, which its names may refer to. */
  block?: readonly A.Assign[];
  /** A `q = vi(…)` line's draws: the `N` of a later `rand(q, N)`. */
  draws?: A.Expr;
}

/**
 * The sample lines of a top-level line: the line itself, or the statements of a block it takes its value from,
 * as Pluto notebooks sample (`chain = let … sample(model, NUTS(), 1000) end`).
 */
export function sampleLinesIn(e: A.Expr, statement: Span, block?: readonly A.Assign[]): SampleLine[] {
  if (isSampleCall(e)) return [{ call: e, statement, ...(block ? { block } : {}) }];
  if (e.kind !== 'blockvalue' || e.block.kind !== 'block') return [];
  const body = e.block.body;
  const assigns = [...e.block.bindings, ...body.filter((st): st is A.Assign => st.kind === 'assign')];
  return body.flatMap((st) => (st.kind === 'expr' ? sampleLinesIn(st.expr, st.span, assigns) : st.kind === 'assign' ? sampleLinesIn(st.value, st.span, assigns) : []));
}

const PARALLEL: ReadonlySet<string> = new Set(['MCMCThreads', 'MCMCSerial', 'MCMCDistributed']);
/** Keywords of `sample` that change nothing Tilde's settings hold. */
const UNREAD_QUIETLY: ReadonlySet<string> = new Set(['progress', 'verbose', 'chain_type', 'check_model', 'callback', 'save_state', 'param_names']);
/** Keywords of `sample` that give the chains' starting points (Turing's current and older spellings). */
const INITIAL: ReadonlySet<string> = new Set(['initial_params', 'init_params']);
/** Keywords of `sample` about the warm-up and thinning. */
const READ: ReadonlySet<string> = new Set(['thinning', 'nadapts', 'num_warmup', 'discard_initial', 'discard_adapt']);

/** Lines whose value only sets up a run — `sampler = NUTS(0.65)`, `ad = AutoReverseDiff()`: read where a `sample` line uses them. */
export function isRunSetting(e: A.Expr): boolean {
  const name = e.kind === 'call' ? nameOf(e) : undefined;
  return name !== undefined && (name === 'sample' || PARALLEL.has(name) || /^Auto[A-Z]/.test(name) || isSamplerName(name) || isViSetting(name));
}

/** A `q = vi(…)` line with the draws a later `rand(q, N)` takes of its fit. */
export function withViDraws(line: SampleLine, target: A.Pattern, statements: readonly A.Expr[]): SampleLine {
  if (!isViCall(line.call)) return line;
  const draws = randDrawsAfter(patternNames(target), line.statement.to, statements);
  return draws === undefined ? line : { ...line, draws: draws.n };
}

/** The top-level statements with the `rand(q, N)` a `q = vi(…)` line reads its draws from: read there, not run. */
export function viDrawStatements(globals: readonly A.Assign[], statements: readonly A.Expr[]): Set<A.Expr> {
  return new Set(globals.flatMap((g) => (isViCall(g.value) ? [randDrawsAfter(patternNames(g.target), g.span.to, statements)?.statement] : [])).filter((e) => e !== undefined));
}

/** `NUTS(δ = 0.65), 1000 draws × 4 chains after 500 warm-up, thinned by 2, AD reversediff:compile`, with what the line gives. */
function runText(run: Omit<ScriptRun, 'text' | 'line'>): string {
  const chains = run.chains === undefined ? '' : ` × ${run.chains} chains`;
  const steps = run.sampler.sampler === 'advi' ? 'optimisation steps' : 'warm-up';
  const warmup = run.warmup === undefined ? '' : run.warmup === 0 ? ` without ${steps}` : ` after ${run.warmup} ${steps}`;
  const size = run.draws === undefined ? (run.chains === undefined ? [] : [`${run.chains} chains`]) : [`${run.draws} draws${chains}${warmup}`];
  const thin = run.thin === undefined ? [] : [`thinned by ${run.thin}`];
  const ad = run.ad === undefined ? [] : [`AD ${run.ad}`];
  const init = run.init === undefined ? [] : [`initial values for ${Object.keys(run.init).join(', ')}`];
  // A `vi` line without a `rand(q, N)` still says how long it optimises.
  const fit = run.sampler.sampler === 'advi' && run.draws === undefined && run.warmup !== undefined ? [`${run.warmup} ${steps}`] : [];
  return [samplerText(run.sampler), ...fit, ...size, ...thin, ...ad, ...init].join(', ');
}

interface Read {
  model: string;
  run: Omit<ScriptRun, 'text' | 'line'>;
  notes: string[];
  refused: RunSettingProblem[];
}

/**
 * The model the line samples: its first argument, or its second after a random generator
 * (`sample(rng, model, …)`), evaluated, or as written when its data is not known before the model runs
 * (`model = linear_regression(train, train_label)` with `train` read from a file): the user gives the
 * data, and the line still says how to sample.
 */
function sampledModel(call: A.Call, scope: ScriptScope): { name: string; at: number } {
  let problem = '';
  for (const at of [0, 1]) {
    const arg = call.args[at];
    if (arg === undefined) break;
    const result = scope.evaluate(arg);
    if ('value' in result && result.value instanceof ModelInstance) return { name: result.value.name, at };
    const written = modelObjectOf(arg, scope.models, (e) => resolved(e, scope));
    if (written !== undefined) return { name: written, at };
    if (at === 0) problem = 'problem' in result ? result.problem : 'it is not a model object';
  }
  const first = call.args[0];
  throw new RunSettingProblem(`Tilde cannot tell which model this line samples (${problem})`, first?.span ?? call.span);
}

/** A count the line gives, or a note on why it is left to Tilde. */
function countIn(e: A.Expr, what: string, scope: ScriptScope, min: number, notes: string[]): number | undefined {
  try {
    return integerIn(e, what, scope, min);
  } catch (err) {
    if (!(err instanceof RunSettingProblem)) throw err;
    notes.push(err.message);
    return undefined;
  }
}

function readLine(line: SampleLine, scope: ScriptScope): Read {
  const call = line.call;
  const model = sampledModel(call, scope);
  if (isViCall(call)) {
    const { sampler, warmup, ad, notes, refused } = readVi(call, model.at, scope);
    const draws = line.draws === undefined ? undefined : countIn(line.draws, 'the number of draws of `rand(q, N)`', scope, 1, notes);
    return { model: model.name, run: { sampler, warmup, ...(draws !== undefined ? { draws } : {}), ...(ad !== undefined ? { ad } : {}) }, notes, refused };
  }
  const [algorithm, ...rest] = call.args.slice(model.at + 1);
  const parallel = rest.length === 3 ? resolved(rest[0]!, scope) : undefined;
  const isParallel = parallel?.kind === 'call' && PARALLEL.has(nameOf(parallel) ?? '');
  if (algorithm === undefined || !(rest.length === 1 || isParallel)) {
    const old = algorithm !== undefined && rest.length === 0 ? oldSampleSyntax(call, model.at, algorithm, scope) : undefined;
    if (old !== undefined) throw new RunSettingProblem(old, algorithm!.span);
    throw new RunSettingProblem('Tilde reads `sample(model, sampler, N)` and `sample(model, sampler, MCMCThreads(), N, chains)`', call.span);
  }
  const read = readSampler(algorithm, scope);
  const notes = read.notes;
  const draws = countIn(rest[isParallel ? 1 : 0]!, 'the number of draws', scope, 1, notes);
  const chains = isParallel ? countIn(rest[2]!, 'the number of chains', scope, 1, notes) : undefined;
  const kw = new Map(call.kwargs.map((k) => [k.name, k.value]));
  const kwCount = (name: string, min: number): number | undefined => {
    const e = kw.get(name);
    return e === undefined ? undefined : countIn(e, `\`${name}\``, scope, min, notes);
  };
  const thin = kwCount('thinning', 1);
  let warmup: number | undefined;
  if (read.nAdapts !== undefined) {
    // Turing 0.41 dropped NUTS's positional n_adapts for `num_warmup`, read as the older spellings are.
    const nAdapts = kwCount('nadapts', 0) ?? kwCount('num_warmup', 0) ?? read.nAdapts;
    warmup = nAdapts >= 0 ? nAdapts : draws === undefined ? undefined : Math.min(1000, Math.floor(draws / 2));
    const ignored = ['discard_initial', 'discard_adapt'].filter((k) => kw.has(k));
    if (ignored.length > 0) notes.push(`${ignored.map((k) => `\`${k}\``).join(', ')} not read: Tilde adapts during the warm-up and discards it`);
  } else {
    warmup = kwCount('num_warmup', 0) ?? kwCount('discard_initial', 0) ?? 0;
  }
  const unread = call.kwargs.map((k) => k.name).filter((k) => !UNREAD_QUIETLY.has(k) && !READ.has(k) && !INITIAL.has(k));
  if (unread.length > 0) notes.push(`Tilde does not read ${unread.map((k) => `\`${k}\``).join(', ')}`);
  const initial = call.kwargs.find((k) => INITIAL.has(k.name));
  const start = initial === undefined ? {} : readInitialParams(initial.value, initial.name, scope);
  if (start.note !== undefined) notes.push(start.note);
  const run = {
    sampler: read.sampler,
    ...(draws !== undefined ? { draws } : {}),
    ...(warmup !== undefined ? { warmup } : {}),
    ...(chains !== undefined ? { chains } : {}),
    ...(thin !== undefined ? { thin } : {}),
    ...(read.ad !== undefined ? { ad: read.ad } : {}),
    ...(start.init !== undefined ? { init: start.init } : {}),
  };
  return { model: model.name, run, notes, refused: read.refused };
}

/**
 * The run settings of the script's `sample(…)` lines, by the name of the model each samples: the first
 * line Tilde can read for a model wins, except that a `Prior()` line (a prior predictive check, which
 * scripts run before fitting) gives way to a later line that samples the posterior. Every line gets a
 * diagnostic: what Tilde takes from it (info), or why it takes nothing (a warning naming the sampler
 * Tilde lacks and what to use instead).
 */
export function scriptRuns(source: string, lines: readonly SampleLine[], scopeAt: (line: SampleLine) => ScriptScope, diagnostics: Diagnostic[]): Map<string, ScriptRun> {
  const reads: { line: SampleLine; read: Read; at: number }[] = [];
  for (const line of lines) {
    try {
      reads.push({ line, read: readLine(line, scopeAt(line)), at: lineColumn(source, line.call.span.from).line });
    } catch (err) {
      if (!(err instanceof RunSettingProblem)) throw err;
      diagnostics.push(diagnostic(source, err.span, `${err.message}; Tilde does not use this \`${isViCall(line.call) ? 'vi' : 'sample'}\` line`, 'warning'));
    }
  }
  const isPrior = (read: Read) => read.run.sampler.sampler === 'prior';
  const chosen = new Map<string, (typeof reads)[number]>();
  for (const r of reads) {
    const before = chosen.get(r.read.model);
    if (before === undefined || (isPrior(before.read) && !isPrior(r.read))) chosen.set(r.read.model, r);
  }
  const runs = new Map<string, ScriptRun>();
  for (const r of reads) {
    const { read, line } = r;
    const text = runText(read.run);
    const used = chosen.get(read.model)!;
    if (used !== r) {
      const usedIsFirst = reads.find((o) => o.read.model === read.model) === used;
      const message =
        r.at < used.at
          ? `this line draws from the prior of \`${read.model}\` (${text}); Tilde samples its posterior as line ${used.at} says`
          : `this line samples \`${read.model}\` again (${text}); Tilde uses ${usedIsFirst ? 'the first' : 'the one'}, on line ${used.at}`;
      diagnostics.push(diagnostic(source, line.statement, message, 'info'));
      continue;
    }
    const notes = read.notes.map((n) => `; ${n}`).join('');
    for (const p of read.refused) diagnostics.push(diagnostic(source, p.span, p.message, 'warning'));
    runs.set(read.model, { ...read.run, text, line: r.at });
    diagnostics.push(diagnostic(source, line.statement, `this line samples \`${read.model}\` with ${text}; Tilde uses it where you do not choose${notes}`, 'info'));
  }
  return runs;
}
