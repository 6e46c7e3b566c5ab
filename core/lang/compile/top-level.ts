import type * as A from '../ast.js';
import { diagnostic, type Diagnostic, type Value } from '../../model/index.js';
import type { Globals } from './globals.js';
import { expressionLocals, patternNames, statementNames, valueAssignedNames } from './locals.js';
import { destructure } from './destructure.js';
import { plainRuntime } from './plain-runtime.js';
import { Scope } from './scope.js';
import type { TopLevelValue } from './script-data.js';
import type { ScriptRandom } from './script-random.js';
import { StatementCompiler } from './statements.js';
import { namesMentioned } from './walk.js';
import { isSampleCall, nameOf } from '../calls.js';
import { scriptToolNote } from '../script-tools.js';
import { samplesNamedCollection } from './script-sample.js';

/** Evaluates an expression as a top-level line runs, before any model: no data, no context, the script's generator drawing. */
export function topLevelEvaluator(source: string, globals: Globals, random: ScriptRandom): (e: A.Expr) => TopLevelValue {
  const scope = new Scope();
  return (e) => {
    const scratch: Diagnostic[] = [];
    const ev = new StatementCompiler({ source, diagnostics: scratch, locals: expressionLocals(e), inModel: false }, globals).expr.compile(e);
    const problem = scratch[0]?.message;
    if (problem !== undefined) return { problem };
    try {
      const value = random.drawing(() => ev(scope, plainRuntime()));
      const assigned = new Map<string, Value>();
      for (const name of valueAssignedNames(e)) {
        const v = scope.peek(name);
        if (v !== undefined) assigned.set(name, v);
      }
      return assigned.size === 0 ? { value } : { value, assigned };
    } catch (err) {
      return { problem: err instanceof Error ? err.message : String(err) };
    }
  };
}

/**
 * Runs a statement that changes the file's constants (`for t in 2:T; y[t] = …; end`, `push!(y, v)`, `n += 1`) as
 * a script pasted into Julia's REPL would: the constants it names are read and written as globals, the names it
 * assigns otherwise stay its own. The problem, if it cannot run here.
 */
function runMutation(source: string, st: A.Stmt, globals: Globals, random: ScriptRandom): string | undefined {
  const unknown = failedArrayWritten(st, globals);
  if (unknown !== undefined) return unknown;
  const known = [...globals.late].filter(([, slot]) => slot.value !== undefined);
  const locals = statementNames(st);
  for (const [name] of known) locals.add(name);
  const scratch: Diagnostic[] = [];
  const exec = new StatementCompiler({ source, diagnostics: scratch, locals, inModel: false }, globals).stmt(st);
  const problem = scratch.find((d) => d.severity === 'error')?.message;
  if (problem !== undefined) return problem;
  const scope = new Scope();
  for (const [name, slot] of known) scope.declare(name, slot.value);
  try {
    random.drawing(() => exec(scope, plainRuntime()));
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    // Written back even after a failure: what ran has changed the arrays in place, as it would in Julia.
    for (const [name, slot] of known) slot.value = scope.peek(name);
  }
  return undefined;
}

/**
 * Why a write into a constant whose own line failed (`d[!, :society] = 1:10` or `d.n = …` after `d = CSV.read(…)` without a table) cannot run:
 * that line's reason, where the write alone would read as a use before any assignment.
 */
function failedArrayWritten(st: A.Stmt, globals: Globals): string | undefined {
  if (st.kind !== 'assign' || (st.target.kind !== 'index' && st.target.kind !== 'field') || st.target.target.kind !== 'ident') return undefined;
  const name = st.target.target.name;
  const slot = globals.late.get(name);
  return slot !== undefined && slot.value === undefined && slot.problem !== undefined ? `\`${name}\` is defined at the top of the file, but ${slot.problem}` : undefined;
}

const describeStatement = (source: string, st: A.Stmt): string => {
  if (st.kind === 'for' || st.kind === 'while') return `\`${st.kind}\` loop`;
  const text = source.slice(st.span.from, st.span.to);
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
};

/**
 * The file's top-level lines, once, in order, before any model: `name = expr` lines make constants such as
 * `σ_prior = 2.5` or `x, y = make_data(n)`, and loops and in-place writes change them (`y = zeros(T)` then
 * `for t in 2:T; y[t] = ϕ * y[t-1] + randn(); end`), as in a Julia script. A line that cannot run here
 * (`df = CSV.read(…)`) is ignored with a warning that says why, unless another part of the compiler says
 * what it takes from the line: a model object (`model = m(t) | (; y = yf)`) gives the data (see
 * script-data.ts), and `chain = sample(model, NUTS(), 1000)` or `sampler = NUTS(0.65)` the run settings
 * (see script-run.ts). A line that drew with `random`'s rand or randn gets a note saying whose numbers they are.
 */
export function runTopLevel(
  source: string,
  program: A.Program,
  globals: Globals,
  evaluate: (e: A.Expr) => TopLevelValue,
  readElsewhere: (value: A.Expr) => boolean,
  diagnostics: Diagnostic[],
  random: ScriptRandom,
): void {
  const lines = [...program.globals.map((assign) => ({ st: assign, assign })), ...program.mutations.map((st) => ({ st, assign: undefined }))].sort((a, b) => a.st.span.from - b.st.span.from);
  const generator = `Tilde's random generator (seed ${random.seed}), not Julia's: the same distribution, other numbers than in Julia`;
  for (const { st, assign } of lines) {
    const before = random.draws;
    if (assign === undefined) {
      const problem = runMutation(source, st, globals, random);
      if (problem !== undefined) diagnostics.push(diagnostic(source, st.span, `top-level ${describeStatement(source, st)} is ignored: ${problem}`, 'warning'));
      else if (random.draws > before) diagnostics.push(diagnostic(source, st.span, `this ${describeStatement(source, st)} draws with ${generator}`, 'info'));
      continue;
    }
    const slots = topLevelNames(assign).map((name) => globals.late.get(name)!);
    const what = source.slice(assign.target.span.from, assign.target.span.to);
    // Turing's `sample(model, …)` is not run, as its arguments would be (`NUTS()` cannot run in a line), which would then be the reason.
    const result = isTuringSample(assign.value, globals) ? { problem: scriptToolNote('sample')! } : evaluate(assign.value);
    const problem = 'value' in result ? bindGlobal(assign.target, result.value, globals) : result.problem;
    if (problem === undefined) {
      if ('value' in result) for (const [name, v] of result.assigned ?? []) globals.late.get(name)!.value = v;
      for (const slot of slots) {
        delete slot.problem;
        delete slot.reason;
      }
      if (random.draws > before) diagnostics.push(diagnostic(source, st.span, `\`${what}\` ${slots.length > 1 ? 'are' : 'is'} drawn with ${generator}`, 'info'));
      continue;
    }
    const names = topLevelNames(assign);
    const upstream = failedConstantRead(assign.value, globals);
    for (const slot of slots) {
      slot.reason = upstream?.reason ?? problem;
      slot.problem =
        upstream && !names.includes(upstream.name)
          ? `it is computed from \`${upstream.name}\`, whose line could not run before the model: ${slot.reason}`
          : `its line could not run before the model: ${slot.reason}`;
    }
    if (readElsewhere(assign.value)) continue;
    diagnostics.push(diagnostic(source, st.span, `top-level \`${what} = …\` is ignored: ${problem}`, 'warning'));
  }
}

/** `chain = sample(model, NUTS(), 1000)`: a line whose chains exist only after Tilde's run. StatsBase's `sample([0, 1], 11)` draws data. */
function isTuringSample(e: A.Expr, globals: Globals): boolean {
  return isSampleCall(e) && nameOf(e) === 'sample' && !samplesNamedCollection(e, (name) => globals.late.get(name)?.value);
}

/** The file's constants a top-level `name = …` line assigns: its left side's names, and those its value assigns inside. */
export function topLevelNames(assign: A.Assign): string[] {
  return [...new Set([...patternNames(assign.target), ...valueAssignedNames(assign.value)])];
}

/**
 * The first constant of the file `e` reads whose own line failed (`x̄ = mean(df.weight)` after `df = CSV.read(…)`):
 * a chain of such lines then names the line that failed first rather than nesting each failure in the next.
 * A line that rewrites its own constant (`df = df[df.age .>= 18, :]`) keeps that constant's reason.
 */
function failedConstantRead(e: A.Expr, globals: Globals): { name: string; reason: string } | undefined {
  for (const name of namesMentioned([], [e])) {
    const reason = globals.late.get(name)?.reason;
    if (reason !== undefined && globals.late.get(name)?.value === undefined) return { name, reason };
  }
  return undefined;
}

/** Gives the names of a top-level line's left side (`x`, `x, y`, `(; a, b)`) their part of its value; the problem if it cannot. */
function bindGlobal(target: A.Pattern, value: Value, globals: Globals): string | undefined {
  const bind = destructure(target, (_s, name, v) => (globals.late.get(name)!.value = v));
  if (typeof bind === 'string') return bind;
  try {
    bind(new Scope(), value);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
