import { Rng } from '../rng/index.js';
import type { Real } from '../ad/index.js';
import { autoChoice, backendFor, BoundModel, DataError, flattenGenerated, heldOf, recordedReturn, dataFromCsv, dataFromJson, diagnostic, type Diagnostic, type Model, type Value, type VarName } from '../model/index.js';
import { compile, type CompiledSource } from './load.js';
import { closest, namesRandomVariable, toDiagnostic, type ScriptRun } from './compile/index.js';
import { tableArguments, tableOf } from './dataframes/index.js';

export interface ParameterInfo {
  name: string;
  shape: number[];
  support: string;
  family: string;
  discrete: boolean;
}

export interface CheckResult {
  model: string;
  parameters: ParameterInfo[];
  /** Constrained values the densities were evaluated at, by element name. */
  at: Record<string, number>;
  /** Set when no prior draw could be evaluated and `at` (without given values) is a point of Stan's initial region. */
  atInitRegion?: true;
  logprior: number;
  loglikelihood: number;
  logjoint: number;
  logdensity: number;
  unconstrained: number[];
  coordinateNames: string[];
  /** `:=` quantities, then the model's return value (as `return`), by element name. */
  generated: Record<string, number>;
  /** ∇ log density at `unconstrained`, in the order of `coordinateNames`, when an AD backend was asked for. */
  gradient?: { backend: string; values: number[] };
  /** What `--ad auto` differentiates this model with, and why (unless the request left it out). */
  auto?: { backend: string; reason: string };
  /** How the script's `sample(…)` line runs this model, when it has one Tilde can read. */
  scriptRun?: ScriptRun;
}

export interface CheckRequest {
  source: string;
  /** JSON or CSV text; omitted for a model without data arguments. */
  data?: { text: string; format: 'json' | 'csv' };
  /** Constrained parameter values by name (`{"s²": 2, "m": 1}`, `{"β": [1, 2]}`, `{"x[1]": 0.5}`); a prior draw when omitted. */
  params?: Record<string, unknown>;
  /** Which `@model` of the file; the last one by default (tutorials define submodels first). */
  modelName?: string;
  seed?: number;
  /** An AD backend (`forwarddiff`, `reversediff`, `reversediff:compile`, `tracker`, `auto` …): adds the gradient. */
  ad?: string;
  /**
   * Whether to say what `--ad auto` picks (true by default): checking that the compiled tape stands for the
   * model takes a few gradients, up to a second on a large one, which the editor's check asks for apart.
   */
  auto?: boolean;
}

export type Outcome<T> = { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The model a file means when none is named: the one its script's last `sample(…)` line samples (a file of several
 * models, a test suite's or a study's, samples the one it is about), else its last model.
 */
function defaultModel(models: readonly Model[], scriptRuns: ReadonlyMap<string, ScriptRun>): Model {
  let sampled: Model | undefined;
  let line = -1;
  for (const m of models) {
    const run = scriptRuns.get(m.name);
    if (run !== undefined && run.line > line) [sampled, line] = [m, run.line];
  }
  return sampled ?? models[models.length - 1]!;
}

/**
 * Compiles the source, picks the model and binds the data: every failure becomes a diagnostic. The
 * script's run settings for the model come along, for the run to use where the user chooses nothing.
 */
export function prepare(req: Pick<CheckRequest, 'source' | 'data' | 'modelName'>, compiled: CompiledSource = compile(req.source, tableOf(req.data))): Outcome<{ model: Model; args: Map<string, Value>; scriptRun?: ScriptRun }> {
  const { models, diagnostics, scriptRuns } = compiled;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  if (errors.length) return { ok: false, diagnostics };
  const start = { from: 0, to: 0 };
  if (models.length === 0) return { ok: false, diagnostics: [...warnings, diagnostic(req.source, start, 'the file defines no `@model function`')] };
  const model = req.modelName === undefined ? defaultModel(models, scriptRuns) : models.find((m) => m.name === req.modelName);
  if (!model) return { ok: false, diagnostics: [diagnostic(req.source, start, `the file has no model named \`${req.modelName}\`; it has ${models.map((m) => `\`${m.name}\``).join(', ')}`)] };
  // A data key that is no argument, or data that cannot be read at all, is shown on the model's argument list,
  // where the file's first line says nothing.
  const signature = model.params[0]?.span ?? start;
  let args = new Map<string, Value>();
  if (req.data) {
    try {
      // A table the script reads (`df = CSV.read(…)`) is the script's to make the arguments from.
      if (compiled.table) args = tableArguments(compiled.table, model);
      else args = req.data.format === 'json' ? dataFromJson(req.data.text) : dataFromCsv(req.data.text);
    } catch (e) {
      const param = e instanceof DataError ? model.params.find((p) => p.name === e.argument) : undefined;
      return { ok: false, diagnostics: [toDiagnostic(req.source, e, param?.span ?? signature)] };
    }
  }
  for (const key of args.keys()) {
    if (model.params.some((p) => p.name === key)) continue;
    if (model.conditionable && namesRandomVariable(model.conditionable, key)) {
      const note = `the data's \`${key}\` is not an argument of \`${model.name}\`: it conditions the random variable \`${key}\`, which is then observed (Turing's \`${model.name}(…) | (; ${key} = …)\`)`;
      warnings.push(diagnostic(req.source, signature, note, 'info'));
      continue;
    }
    const passedAs = model.params.find((p) => p.passedInScript !== undefined && columnNamed(p.passedInScript) === key && !args.has(p.name));
    // `X` for `x`, or CSV columns `x.1, x.2` for the matrix `X`: the argument it was meant for has no data.
    const unbound = model.params.filter((p) => !args.has(p.name)).map((p) => p.name);
    const meant = passedAs ? undefined : (unbound.find((name) => name.toLowerCase() === key.toLowerCase()) ?? closest(key, unbound));
    const rename = passedAs
      ? `: the file's call of the model passes \`${passedAs.passedInScript}\` as \`${passedAs.name}\`, so name it \`${passedAs.name}\` in the data`
      : meant
        ? `: did you mean \`${meant}\`?${meant.toLowerCase() === key.toLowerCase() ? ' (names are case-sensitive)' : ''}`
        : '';
    warnings.push(diagnostic(req.source, passedAs?.span ?? signature, `the data has \`${key}\`, which is not an argument of \`${model.name}\`; it is ignored${rename}`, 'warning'));
    args.delete(key);
  }
  // The data stands for the name the file passes, but the file rewrote that name first (`X = standardize(…, X; …)`).
  for (const p of model.params) {
    if (p.transformedInScript === undefined || !args.has(p.name)) continue;
    const note = `the data gives \`${p.name}\`, which this line computes before the file's call of \`${model.name}\` passes it; Tilde does not run the line on the data, so give \`${p.name}\` as this line makes it`;
    warnings.push(diagnostic(req.source, p.transformedInScript, note, 'warning'));
  }
  const scriptRun = scriptRuns.get(model.name);
  return { ok: true, value: { model, args, ...(scriptRun ? { scriptRun } : {}) }, warnings };
}

/**
 * The name the data would give a script's argument: the column it reads from a data frame, `df.rugged`,
 * `df[!, :rugged]`, `df[:, "rugged"]`: `rugged`; or the script's own variable, `first_goal_model(h_id, …)`: `h_id`.
 */
function columnNamed(text: string): string | undefined {
  if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(text)) return text;
  const match = /\.([\p{L}_][\p{L}\p{N}_]*)$/u.exec(text) ?? /\[\s*(?:[!:]\s*,\s*)?(?::|")([\p{L}_][\p{L}\p{N}_]*)"?\s*\]$/u.exec(text);
  return match?.[1];
}

/** Reads one parameter's value from user-given constrained values, by variable or element name. */
function lookupIn(params: Record<string, unknown>): (vn: VarName) => Real[] | undefined {
  return (vn) => {
    const direct = params[vn.name];
    if (direct !== undefined) return flatten(direct);
    const elements = vn.elements ?? [vn.name];
    const out: number[] = [];
    for (const e of elements) {
      const v = params[e] ?? elementOf(params, e);
      if (typeof v !== 'number') return undefined;
      out.push(v);
    }
    return out;
  };
}

/** Column-major flattening of nested JSON arrays given row by row (`[[1, 2], [3, 4]]` is a 2×2 matrix). */
function flatten(v: unknown): number[] | undefined {
  if (typeof v === 'number') return [v];
  if (!Array.isArray(v)) return undefined;
  if (v.every((x) => typeof x === 'number')) return v as number[];
  if (v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))) {
    const rows = v as number[][];
    const out: number[] = [];
    for (let j = 0; j < (rows[0]?.length ?? 0); j++) for (const r of rows) out.push(r[j]!);
    return out;
  }
  return undefined;
}

/** `β[2]` from `{"β": [..]}`, `Σ[1, 2]` from `{"Σ": [[..], [..]]}`. */
function elementOf(params: Record<string, unknown>, element: string): unknown {
  const m = /^(.*)\[([\d, ]+)\]$/.exec(element);
  if (!m) return undefined;
  let v: unknown = params[m[1]!];
  for (const i of m[2]!.split(',').map((s) => Number(s.trim()))) {
    if (!Array.isArray(v)) return undefined;
    v = v[i - 1];
  }
  return v;
}

/**
 * `tilde check`: the parameters of a model and its log densities at a prior draw or at given values.
 */
export function checkModel(req: CheckRequest, compiled?: CompiledSource): Outcome<CheckResult> {
  const prepared = prepare(req, compiled);
  if (!prepared.ok) return prepared;
  const { model, args, scriptRun } = prepared.value;
  const warnings = prepared.warnings;
  const fallback = model.params[0]?.span ?? { from: 0, to: 0 };
  try {
    const { bound, prior, failures } = BoundModel.discover(model, args, Rng.seeded(req.seed ?? 1));
    if (failures.length > 0) {
      const first = failures[0]!;
      const draws = failures.length === 1 ? 'the first draw' : `the first ${failures.length} draws`;
      const next = prior.initRegion ? 'a point drawn as Stan draws initial values, uniform(−2, 2) in the unconstrained space' : 'the next draw';
      warnings.push(diagnostic(req.source, first.span ?? fallback, `${draws} from the prior could not be evaluated (${first.message}); the check uses ${next}. Samplers start elsewhere and treat such values as divergent, but a prior this wide can draw them`, 'info'));
    }
    const priorValues = new Map(prior.variables.map((v) => [v.name, Array.from(v.value)]));
    const lookup = req.params ? lookupIn(req.params) : (vn: VarName) => priorValues.get(vn.name);
    const evaluated = bound.evaluateAt(lookup);
    const infinite = Number.isFinite(evaluated.parts.logdensity) ? undefined : bound.nonFiniteTermAt(evaluated.unconstrained);
    if (infinite) {
      const where = req.params ? 'at the values given' : 'at the draw from the prior checked';
      warnings.push(diagnostic(req.source, infinite.span ?? fallback, `the log density is not finite ${where}: ${infinite.what} has log density ${infinite.logdensity === -Infinity ? '−∞' : String(infinite.logdensity)} here; a sampler starts only where it is finite`, 'warning'));
    }
    if (req.params) {
      const known = new Set(bound.variables.flatMap((v) => [v.name, ...v.elements, v.name.replace(/\[.*$/, '')]));
      for (const key of Object.keys(req.params)) {
        if (!known.has(key)) warnings.push(diagnostic(req.source, fallback, `\`${key}\` is not a parameter of \`${model.name}\`; it is ignored`, 'warning'));
      }
    }
    let gradient: CheckResult['gradient'];
    if (req.ad !== undefined) {
      const backend = backendFor(bound, req.ad);
      const g = backend.gradient ?? bound.gradient(backend.name, backend.options);
      gradient = { backend: g.description, values: Array.from(g(evaluated.unconstrained).grad) };
    }
    const auto = req.auto === false ? undefined : autoChoice(bound);
    const generated: Record<string, number> = {};
    for (const [name, v] of evaluated.context.deterministics) for (const [k, x] of flattenGenerated(name, v)) generated[k] = x;
    for (const [k, x] of flattenGenerated('return', recordedReturn(model, evaluated.returned))) generated[k] = x;
    const at: Record<string, number> = {};
    for (const v of evaluated.context.variables) {
      const values = heldOf(v.held, v.value);
      heldOf(v.held, v.elements).forEach((e, k) => (at[e] = values[k]!));
    }
    return {
      ok: true,
      warnings,
      value: {
        model: model.name,
        // As evaluated: a support whose bounds are parameters is shown at the given values, not at the prior draw.
        parameters: evaluated.context.variables.map((v) => ({ name: v.name, shape: v.shape, support: v.supportText, family: v.family, discrete: v.discrete })),
        at,
        ...(prior.initRegion && !req.params ? { atInitRegion: true as const } : {}),
        ...evaluated.parts,
        unconstrained: Array.from(evaluated.unconstrained),
        coordinateNames: [...bound.coordinateNames],
        generated,
        ...(gradient ? { gradient } : {}),
        ...(auto ? { auto: { backend: auto.label, reason: auto.reason } } : {}),
        ...(scriptRun ? { scriptRun } : {}),
      },
    };
  } catch (e) {
    return { ok: false, diagnostics: [...warnings, toDiagnostic(req.source, e, fallback)] };
  }
}
