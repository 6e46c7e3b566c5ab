import type * as A from '../ast.js';
import type { AdviSettings } from '../../run/index.js';
import type { GaussianFamily } from '../../infer/vi/index.js';
import { nameOf } from '../calls.js';
import { forEachChild } from './walk.js';
import { RunSettingProblem, adIn, integerIn, keywords, resolved, type ScriptScope } from './script-sampler.js';

/** A top-level `vi(…)` call: Turing's variational inference, which Tilde runs as its ADVI sampler. */
export function isViCall(e: A.Expr): boolean {
  return e.kind === 'call' && !e.broadcast && nameOf(e) === 'vi';
}

/** Turing's variational families Tilde fits, by their constructor (`meanfield(model)` is Turing ≤ 0.35's). */
const FAMILIES: ReadonlyMap<string, GaussianFamily> = new Map([
  ['q_meanfield_gaussian', 'meanfield'],
  ['q_fullrank_gaussian', 'fullrank'],
  ['meanfield', 'meanfield'],
]);

/** AdvancedVI's reparameterisation-gradient algorithms; Tilde runs the proximal one, Turing's default since 0.40. */
const ALGORITHMS = ['KLMinRepGradProxDescent', 'KLMinRepGradDescent', 'ADVI'];

/** Names a script's VI setup is written with, read where a `vi(…)` line uses them. */
export function isViSetting(name: string): boolean {
  return name === 'vi' || FAMILIES.has(name) || ALGORITHMS.includes(name);
}

const FORMS = 'Tilde reads `vi(model, ADVI(n_samples, max_iters))` and `vi(model, q_meanfield_gaussian(model), max_iter)` (or `q_fullrank_gaussian`)';

/** What a `vi(…)` line gives the run: ADVI's settings, its optimisation steps (the chains' warm-up) and an `adtype`. */
export interface ViReading {
  sampler: AdviSettings;
  warmup: number;
  ad?: string;
  notes: string[];
  refused: RunSettingProblem[];
}

const textOf = (e: A.Expr, scope: ScriptScope): string => scope.source.slice(e.span.from, e.span.to);

/** `q_fullrank_gaussian(model)`, followed through `q_init = …` lines, as its family; its own starting point is Tilde's. */
function familyIn(e: A.Expr, scope: ScriptScope, notes: string[]): GaussianFamily {
  const at = resolved(e, scope);
  const family = at.kind === 'call' ? FAMILIES.get(nameOf(at) ?? '') : undefined;
  if (at.kind !== 'call' || family === undefined) throw new RunSettingProblem(`Tilde's ADVI fits \`q_meanfield_gaussian(model)\` or \`q_fullrank_gaussian(model)\`, not \`${textOf(e, scope)}\``, e.span);
  if (at.kwargs.length > 0) notes.push(`\`${at.kwargs.map((k) => k.name).join('`, `')}\` of \`${nameOf(at)}\` not read: each chain's Gaussian starts at its initial point with scale I, halved until its draws have a finite log density`);
  return family;
}

/** `algorithm = KLMinRepGradProxDescent(AutoForwardDiff(); n_samples = 10)`: draws per step and the AD backend. */
function algorithmIn(e: A.Expr, scope: ScriptScope, notes: string[], refused: RunSettingProblem[]): { samplesPerStep?: number; ad?: string } {
  const at = resolved(e, scope);
  const name = at.kind === 'call' ? nameOf(at) : undefined;
  if (at.kind !== 'call' || name === undefined || !ALGORITHMS.includes(name)) {
    throw new RunSettingProblem(`Tilde's ADVI is Turing's default \`vi\` algorithm, KLMinRepGradProxDescent (DoWG steps, polynomial averaging); it does not have \`${textOf(e, scope)}\``, e.span);
  }
  if (name !== 'KLMinRepGradProxDescent') notes.push(`Tilde runs \`${name}\` as KLMinRepGradProxDescent, Turing's default, whose proximal step keeps the scale positive`);
  const kw = keywords(at, name, ['n_samples', 'optimizer', 'averager', 'entropy', 'entropy_zerograd', 'operator', 'subsampling']);
  const others = [...kw.keys()].filter((k) => k !== 'n_samples');
  if (others.length > 0) notes.push(`\`${others.join('`, `')}\` not read: Tilde's ADVI uses DoWG steps and polynomial averaging, Turing's defaults`);
  const n = kw.get('n_samples');
  const ad = at.args[0] === undefined ? undefined : adIn(at.args[0], scope, refused);
  return { ...(n !== undefined ? { samplesPerStep: integerIn(n, 'the number of draws per step `n_samples`', scope, 1) } : {}), ...(ad !== undefined ? { ad } : {}) };
}

/**
 * Turing's `vi` line as ADVI settings: `vi(model, ADVI(n, m))` of Turing ≤ 0.35 (n draws per step, m steps, meanfield),
 * or `vi(model, q, m; algorithm, adtype)` of Turing ≥ 0.40 with q from `q_meanfield_gaussian` or `q_fullrank_gaussian`.
 */
export function readVi(call: A.Call, modelAt: number, scope: ScriptScope): ViReading {
  const [first, second, ...extra] = call.args.slice(modelAt + 1);
  if (first === undefined || extra.length > 0) throw new RunSettingProblem(FORMS, call.span);
  const notes: string[] = [];
  const refused: RunSettingProblem[] = [];
  const kw = keywords(call, 'vi', ['algorithm', 'adtype', 'show_progress', 'callback']);
  const at = resolved(first, scope);
  const oldAdvi = at.kind === 'call' && nameOf(at) === 'ADVI' && at.args.length === 2 && at.kwargs.length === 0;
  let settings: { family: GaussianFamily; samplesPerStep?: number; warmup: number; ad?: string };
  if (oldAdvi) {
    settings = {
      family: second === undefined ? 'meanfield' : familyIn(second, scope, notes),
      samplesPerStep: integerIn(at.args[0]!, "ADVI's draws per step", scope, 1),
      warmup: integerIn(at.args[1]!, "ADVI's number of steps", scope, 1),
    };
  } else {
    const family = familyIn(first, scope, notes);
    if (second === undefined) throw new RunSettingProblem(`${FORMS}: name the number of steps`, call.span);
    const algorithm = kw.get('algorithm');
    settings = { family, warmup: integerIn(second, 'the number of steps `max_iter`', scope, 1), ...(algorithm === undefined ? {} : algorithmIn(algorithm, scope, notes, refused)) };
  }
  const adtype = kw.get('adtype');
  const ad = adtype === undefined ? settings.ad : adIn(adtype, scope, refused);
  const sampler: AdviSettings = { sampler: 'advi', family: settings.family, ...(settings.samplesPerStep !== undefined ? { samplesPerStep: settings.samplesPerStep } : {}) };
  return { sampler, warmup: settings.warmup, ...(ad !== undefined ? { ad } : {}), notes, refused };
}

/**
 * The first top-level `rand(q, N)` after `from`, with q a name the `vi` line assigned: its `N` is the draws the script
 * takes of the fit, and its statement is read by the `vi` line rather than run.
 */
export function randDrawsAfter(names: readonly string[], from: number, statements: readonly A.Expr[]): { n: A.Expr; statement: A.Expr } | undefined {
  let n: A.Expr | undefined;
  const visit = (e: A.Expr): void => {
    if (n !== undefined) return;
    const [q, count, ...rest] = e.kind === 'call' && nameOf(e) === 'rand' ? e.args : [];
    if (q?.kind === 'ident' && names.includes(q.name) && count !== undefined && rest.length === 0) n = count;
    else forEachChild(e, visit);
  };
  for (const statement of statements) {
    if (statement.span.from < from) continue;
    visit(statement);
    if (n !== undefined) return { n, statement };
  }
  return undefined;
}
