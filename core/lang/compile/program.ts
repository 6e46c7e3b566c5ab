import type * as A from '../ast.js';
import { Context, ModelError, JArray, JFunction, ModelInstance, MISSING, NOTHING, diagnostic, type DataFrame, type Diagnostic, type GivenVariables, type Model, type ModelParam, type Value } from '../../model/index.js';
import { builtins, constants, operatorFunctions } from '../builtins/index.js';
import { distributionFunctions, supportOfTransform } from '../distributions/index.js';
import { modelFunctions } from './model-functions.js';
import { Globals } from './globals.js';
import { importedFromUnloaded } from '../parser/usings.js';
import { argumentCopies, assignedLocals, collectLocals, expressionLocals } from './locals.js';
import { Scope } from './scope.js';
import { isModelObject, scriptArguments, type ScriptLine } from './script-data.js';
import { isRunSetting, sampleLinesIn, scriptRuns, viDrawStatements, withViDraws, type SampleLine, type ScriptRun } from './script-run.js';
import { samplesNamedCollection } from './script-sample.js';
import { resolved } from './script-sampler.js';
import { namesRandomVariable, readsName, tildeFields, tildeRoots } from './walk.js';
import { conditionableNames } from './conditionable.js';
import { returnsDrawnValue } from './returns-drawn.js';
import { functionsOfModels, unreadDefinitions, unreadFunction } from './used-functions.js';
import { annotation, chooseDefinition } from './dispatch.js';
import { chooseMethod, isMethodOf, plainStructConstructor, structConstructor, takesArguments, unsupportedSupertype, withoutForeignMethods } from './struct-types.js';
import { NO_METHOD } from '../runtime/index.js';
import { checkArgumentTypes } from './argument-types.js';
import { substitutedSolverNotes } from './ode-notes.js';
import { asRows, declaredVectorsOfVectors, rowIndexedNames, singleIndexedNames } from './row-indexed.js';
import { checkVectorsReadAsMatrix, matrixReads } from './vectors-as-matrix.js';
import { scriptRandom, scriptSeed } from './script-random.js';
import { StatementCompiler } from './statements.js';
import { frameFunctions, frameReaders, namingTextColumns, readingTheTable, tableReader, textArguments, TABLE_SOURCE, type DataTable } from '../dataframes/index.js';
import { plainRuntime } from './plain-runtime.js';
import { runTopLevel, topLevelEvaluator, topLevelNames } from './top-level.js';
import type { Ev, Runtime } from './types.js';
import { keywordFields } from './keyword-structs.js';
import { bindArguments, compiledDefinition, execute, maxArity, minArity, noMethod, positionalOf, type CompiledDef } from './arguments.js';

export interface CompiledProgram {
  /** The `@model` functions, in file order. */
  models: Model[];
  diagnostics: Diagnostic[];
  /** What the script's `sample(…)` lines ask of each model, by model name (see script-run.ts). */
  scriptRuns: ReadonlyMap<string, ScriptRun>;
  /** The data's table, when a top-level line read it (`df = CSV.read(…, DataFrame)`): the script then makes the arguments from it. */
  table?: DataFrame;
}

const NO_KWARGS: Map<string, Value> = new Map();

const withoutMissing = new WeakMap<ReadonlySet<string>, Map<number, ReadonlySet<string>>>();

/**
 * The arguments `~` observes: all but those whose value is `missing`, given so or by default (DynamicPPL's
 * `missings`), which stay random variables even after the model replaces them (`gdemo(missing)` with
 * `x = Vector{T}(undef, 2)` then `x[i] ~ Normal(m, s)`, as Turing's documentation writes it).
 */
function observable(names: ReadonlySet<string>, scope: Scope): ReadonlySet<string> {
  // Which arguments are missing, as bits: the set without them is made once per pattern, not at every run.
  let missing = 0;
  let bit = 1;
  for (const name of names) {
    if (scope.peek(name) === MISSING) missing += bit;
    bit *= 2;
  }
  if (missing === 0) return names;
  let byPattern = withoutMissing.get(names);
  if (!byPattern) withoutMissing.set(names, (byPattern = new Map()));
  let out = byPattern.get(missing);
  if (!out) byPattern.set(missing, (out = new Set([...names].filter((_, k) => Math.floor(missing / 2 ** k) % 2 === 0))));
  return out;
}

/**
 * The conditioned and fixed variables of a run, for its runtime; bound in its scope from the start too,
 * so that `y[i] ~ D` finds a container even if the model makes none.
 */
function givenIn(scope: Scope, given: Partial<GivenVariables> | undefined): Pick<Runtime, 'conditioned' | 'fixed'> {
  const out: Pick<Runtime, 'conditioned' | 'fixed'> = {};
  for (const kind of ['conditioned', 'fixed'] as const) {
    const values = given?.[kind];
    if (values === undefined || values.size === 0) continue;
    out[kind] = values;
    for (const [key, v] of values) scope.declare(key, v);
  }
  return out;
}

/**
 * What compiling a function no model calls reported: its warnings, and its errors as one warning — a pasted
 * script's helper for its own lines (cross-validation, plotting) must not stop the model; a line that calls
 * it meets the error then, and is ignored with it.
 */
function outsideModels(source: string, def: A.FunctionDef, reported: readonly Diagnostic[]): Diagnostic[] {
  const others = reported.filter((d) => d.severity !== 'error');
  const error = reported.find((d) => d.severity === 'error');
  if (error === undefined) return others;
  const message = `\`${def.name}\` is not used by a model, and Tilde cannot run all of it (line ${error.line}: ${error.message}): a top-level line that calls it is ignored`;
  return [...others, diagnostic(source, def.nameSpan, message, 'warning')];
}

/**
 * Compiles every definition of a parsed file; models become `Model`s, functions become callables. `table` is the
 * data's table (CSV data), which the script's `CSV.read(…)` lines read.
 */
export function compileProgram(source: string, parsed: A.Program, table?: DataTable): CompiledProgram {
  const diagnostics: Diagnostic[] = [];
  const program = withoutForeignMethods(source, readingTheTable(source, parsed), diagnostics);
  const user = new Map<string, Value>();
  const globals = new Globals(user, [modelFunctions, distributionFunctions, frameReaders, builtins, operatorFunctions, constants], undefined, (name) => importedFromUnloaded(program.usings, name));
  const compiled = new Map<string, CompiledDef[]>();

  // A function may share a model's name with other arguments, as Turing's coin-flip tutorial's
  // `coinflip(y) = coinflip(; N = length(y)) | (; y)` does, or with annotated ones (see dispatch.ts).
  for (const def of program.definitions) {
    const same = program.definitions.filter((d) => d.name === def.name && d !== def && d.kind !== def.kind);
    const annotated = def.params.some((p) => annotation(p) !== undefined);
    if (def.kind === 'function' && !annotated && same.some((m) => minArity(m) <= maxArity(def) && minArity(def) <= maxArity(m))) {
      diagnostics.push(diagnostic(source, def.nameSpan, `\`${def.name}\` is defined both as a model and as a function taking as many arguments: give the function another name`));
    }
    compiled.set(def.name, compiled.get(def.name) ?? []);
  }

  // Worked out once per definition: a submodel runs once per gradient evaluation of the model that calls it.
  const argNames = new Map<A.FunctionDef, ReadonlySet<string>>();
  const argNamesOf = (def: A.FunctionDef): ReadonlySet<string> => {
    let names = argNames.get(def);
    if (!names) argNames.set(def, (names = new Set([...def.params, ...def.kwparams].map((p) => p.name))));
    return names;
  };
  const invoke = (c: CompiledDef, args: Value[], kwargs: Map<string, Value>): Value => {
    const name = c.def.name;
    const positional = positionalOf(c, args);
    if (c.def.kind === 'model') {
      const given = (): Map<string, Value> => {
        const named = new Map<string, Value>(kwargs);
        c.def.params.forEach((p, i) => {
          // `demo_undef(ns...)` called as `demo_undef(2, 2)` (DynamicPPL's check_model test): the rest, as a tuple.
          if (p.name && p.splat) named.set(p.name, positional(i)!);
          else if (p.name && args[i] !== undefined) named.set(p.name, args[i]!);
        });
        return named;
      };
      const run = (ctx: Context, prefix: string, given?: GivenVariables): Value => {
        const scope = new Scope();
        const rt: Runtime = { ctx, prefix, argNames: argNamesOf(c.def), endStack: [], last: NOTHING, ...givenIn(scope, given) };
        return random.inModel(ctx, () => {
          bindArguments(c, scope, rt, positional, kwargs);
          rt.argNames = observable(rt.argNames, scope);
          return execute(c, scope, rt);
        });
      };
      return new ModelInstance(name, run, given);
    }
    const scope = new Scope();
    const rt = plainRuntime();
    bindArguments(c, scope, rt, positional, kwargs);
    return execute(c, scope, rt);
  };

  // The file's distribution types: their constructors, and their methods, which a call of the function tries first.
  const structs: ReadonlySet<string> = new Set(program.structs.map((s) => s.name));
  const methods: ReadonlySet<A.FunctionDef> = new Set(program.definitions.filter((d) => isMethodOf(d, structs)));
  const extended = new Set([...methods].map((d) => d.name));
  const constructors = new Map<string, JFunction>();
  const takes = (x: CompiledDef, n: number): boolean => n >= x.minArity && n <= x.maxArity;
  const method = (name: string, args: Value[]): Value | typeof NO_METHOD => {
    const c = chooseMethod((compiled.get(name) ?? []).filter((x) => takes(x, args.length) && methods.has(x.def) && takesArguments(x.def, args, structs)), args, structs);
    return c ? invoke(c, args, NO_KWARGS) : NO_METHOD;
  };
  for (const s of program.structs) {
    const unsupported = unsupportedSupertype(s);
    if (unsupported !== undefined) {
      diagnostics.push(diagnostic(source, s.nameSpan, unsupported));
      continue;
    }
    const byKeyword = s.keywords ? keywordFields(s, (e, fields) => compiledDefault(source, e, fields, functionGlobals)) : undefined;
    constructors.set(s.name, s.supertype === '' ? plainStructConstructor(s, byKeyword) : structConstructor(s, program.definitions, { method, drawing: (rng, draw) => random.drawingFrom(rng, draw), transformSupport: supportOfTransform }));
    if (!compiled.has(s.name)) user.set(s.name, constructors.get(s.name)!);
  }

  for (const [name, list] of compiled) {
    const ofStructs = extended.has(name);
    user.set(
      name,
      new JFunction(name, (args, kwargs) => {
        const fits = (x: CompiledDef): boolean => takes(x, args.length) && (!ofStructs || !methods.has(x.def) || takesArguments(x.def, args, structs));
        // One definition (the usual case) needs no list of the candidates made at every call.
        const c = list.length === 1 ? (fits(list[0]!) ? list[0] : undefined) : (ofStructs ? chooseMethod(list.filter(fits), args, structs) : chooseDefinition(list.filter(fits), args));
        if (c) return invoke(c, args, kwargs);
        // Julia's generic function: past the file's methods, the struct's own constructor or the package's function.
        const other = constructors.get(name) ?? (ofStructs ? functionGlobals.fromLibrary(name) : undefined);
        if (other instanceof JFunction) return other.call(args, kwargs);
        throw noMethod(name, args.length);
      }, (n) => list.some((c) => takes(c, n)) || constructors.get(name)?.takes?.(n) === true),
    );
  }

  for (const u of program.unread) if (!user.has(u.name)) user.set(u.name, unreadFunction(u));
  for (const g of program.globals) for (const name of topLevelNames(g)) globals.late.set(name, {});

  const random = scriptRandom(scriptSeed(program));
  const reader = tableReader(table);
  // A helper function may draw (`make_data(n) = randn(n) .+ 1`) or shape the data frame: it does when a top-level line calls it, never in a model.
  const scriptOnly = new Map<string, Value>([...random.functions, ...frameFunctions, [TABLE_SOURCE, reader.read]]);
  const functionGlobals = globals.withTopLevel(scriptOnly);
  const modelGlobals = globals.withTopLevel(random.inModels);
  const ofModels = functionsOfModels(program.definitions, new Map(program.structs.map((t) => [t.name, [...methods].filter((d) => isMethodOf(d, structs, t.name))])));
  diagnostics.push(...unreadDefinitions(source, program, ofModels));
  diagnostics.push(...substitutedSolverNotes(source, program));
  for (const def of program.definitions) {
    const own: Diagnostic[] = def.kind === 'model' || ofModels.has(def) ? diagnostics : [];
    const cx = { source, diagnostics: own, locals: collectLocals(def), inModel: def.kind === 'model', ...(def.kind === 'model' ? { assignedLocals: assignedLocals(def), argumentCopies: argumentCopies(def) } : {}) };
    const sc = new StatementCompiler(cx, def.kind === 'model' ? modelGlobals : functionGlobals);
    compiled.get(def.name)!.push(compiledDefinition(def, sc));
    if (own !== diagnostics) diagnostics.push(...outsideModels(source, def, own));
  }

  const topLevel = globals.withTopLevel(scriptOnly);
  const evaluate = namingTextColumns(source, topLevelEvaluator(source, topLevel, random), (name) => globals.late.get(name)?.value);
  const modelNames = new Set(program.definitions.filter((d) => d.kind === 'model').map((d) => d.name));
  const statements = [...program.globals.map((a) => a.value), ...program.expressions];
  const viDraws = viDrawStatements(program.globals, statements);
  runTopLevel(source, program, topLevel, evaluate, (value: A.Expr) => isModelObject(value, modelNames) || isRunSetting(value) || sampleLinesIn(value, value.span).length > 0 || viDraws.has(value), diagnostics, random);
  const scriptLines: ScriptLine[] = [
    ...program.globals.map((g) => ({ expr: g.value, value: g.target.kind === 'ident' ? globals.late.get(g.target.name)?.value : undefined })),
    ...program.expressions.map((expr) => ({ expr })),
  ];

  const resolveAt = (e: A.Expr, offset: number): A.Expr => resolved(e, { source, models: modelNames, evaluate, definition: (name) => definitionBefore(program.globals, name, offset) });
  const models: Model[] = [];
  const modelDefs = new Map(program.definitions.filter((d) => d.kind === 'model').map((d) => [d.name, d]));
  for (const def of program.definitions) {
    if (def.kind !== 'model') continue;
    const c = compiled.get(def.name)!.find((x) => x.def === def)!;
    const found = scriptArguments(def, scriptLines, evaluate, resolveAt);
    const quoted = (names: Iterable<string>): string => [...names].map((n) => `\`${n}\``).join(', ');
    const failed = found && 'problem' in found ? found : undefined;
    const script = found && 'values' in found ? found : failed && failed.known.size > 0 ? { span: failed.span, values: failed.known, fixed: new Map<string, Value>() } : undefined;
    if (failed) {
      const given = failed.known.size > 0 ? `only its data for ${quoted(failed.known.keys())}, where the data you give leaves them out: the rest` : 'no data, since it';
      diagnostics.push(diagnostic(source, failed.span, `this call gives \`${def.name}\` ${given} cannot run before the model: ${failed.problem}`, 'info'));
    } else if (script) {
      const origin = reader.given ? 'from the data table the script reads' : 'where the data you give leaves them out';
      const data = script.values.size > 0 ? `gives \`${def.name}\` its data for ${quoted(script.values.keys())}, ${origin}` : undefined;
      const fixed = script.fixed.size > 0 ? `fixes ${quoted(script.fixed.keys())} of \`${def.name}\` (constants, without a density, as DynamicPPL's \`fix\` makes them)` : undefined;
      diagnostics.push(diagnostic(source, script.span, `this call ${[data, fixed].filter((x) => x !== undefined).join(', and ')}`, 'info'));
    }
    const passed = found && 'passed' in found ? found.passed : undefined;
    const frames = (): Iterable<[string, Value | undefined]> => [...globals.late].map(([name, slot]) => [name, slot.value]);
    if (script && reader.given) for (const note of textArguments(script.values, frames())) diagnostics.push(diagnostic(source, script.span, note, 'warning'));
    const observedArgs = tildeRoots(def.body);
    const observedFields = tildeFields(def.body);
    const params: ModelParam[] = [...def.params, ...def.kwparams]
      .filter((p) => p.name)
      .map((p) => {
        const arg = failed?.known.has(p.name) ? undefined : passed?.get(p.name);
        const transform = found && arg?.kind === 'ident' ? selfTransformBefore(program.globals, arg.name, found.span.from) : undefined;
        return {
          name: p.name,
          span: p.span,
          hasDefault: p.default !== undefined,
          ...(script?.values.has(p.name) ? { fromScript: true } : {}),
          ...(arg ? { passedInScript: source.slice(arg.span.from, arg.span.to) } : {}),
          ...(transform ? { transformedInScript: transform.span } : {}),
          ...(observedArgs.has(p.name) ? { observed: true } : {}),
          ...(observedFields.has(p.name) ? { observedFields: [...observedFields.get(p.name)!] } : {}),
        };
      });
    const paramNames: ReadonlySet<string> = new Set(params.map((p) => p.name));
    const byRows = [...new Set([...rowIndexedNames(def.body), ...declaredVectorsOfVectors(def.params)])].filter((name) => paramNames.has(name));
    const bySlices = [...singleIndexedNames(def.body)].filter((name) => paramNames.has(name) && !byRows.includes(name));
    const asMatrix = new Map([...matrixReads(def.body)].filter(([name]) => paramNames.has(name)));
    const conditionable = conditionableNames(def, modelDefs);
    // What the data binds, worked out once per data map: the model runs with the same map once per gradient.
    let binding: { given: ReadonlyMap<string, Value>; args: ReadonlyMap<string, Value>; conditioned: ReadonlyMap<string, Value> } | undefined;
    const bind = (given: ReadonlyMap<string, Value>): NonNullable<typeof binding> => {
      if (binding?.given === given) return binding;
      // Data only: an array the script builds (`zeros(S, J, K)`) is Julia's own, whose `y[g]` is one element.
      const sliced = bySlices.filter((name) => {
        const v = given.get(name);
        return v instanceof JArray && v.ndims >= 3;
      });
      const args = script || byRows.length > 0 || sliced.length > 0 ? new Map([...(script?.values ?? []), ...given]) : given;
      for (const name of [...byRows, ...sliced]) if (args.has(name)) (args as Map<string, Value>).set(name, asRows(args.get(name)!));
      checkArgumentTypes(def, args);
      checkVectorsReadAsMatrix(source, asMatrix, args);
      const conditioned = new Map([...args].filter(([key]) => namesRandomVariable(conditionable, key)));
      binding = { given, args, conditioned };
      return binding;
    };
    models.push({
      name: def.name,
      source,
      params,
      conditionable,
      ...(returnsDrawnValue(def.body) ? { returnsDrawnValue: true } : {}),
      ...(script ? { scriptArguments: script.values } : {}),
      definedFunction: (name) => globals.user.get(name),
      run(ctx, given) {
        const { args, conditioned } = bind(given);
        const scope = new Scope();
        const rt: Runtime = { ctx, prefix: '', argNames: paramNames, endStack: [], last: NOTHING, ...givenIn(scope, { conditioned, ...(script ? { fixed: script.fixed } : {}) }) };
        for (const p of params) {
          if (!p.hasDefault && !args.has(p.name)) throw new ModelError(`no data for the model argument \`${p.name}\`, and it has no default value${passedNote(p)}`, p.span);
        }
        for (const name of failed?.conditions ?? []) {
          if (!args.has(name)) throw new ModelError(`the file samples \`${source.slice(failed!.span.from, failed!.span.to)}\`, which observes \`${name}\`, but \`${name}\` cannot be computed before the model: give \`${name}\` in the data (left out, it would be sampled as a parameter)`, failed!.span);
        }
        const kw = new Map<string, Value>();
        for (const p of def.kwparams) {
          const v = args.get(p.name);
          if (v !== undefined) kw.set(p.name, v);
        }
        return random.inModel(ctx, () => {
          bindArguments(c, scope, rt, (_i, p) => args.get(p.name), kw);
          rt.argNames = observable(rt.argNames, scope);
          return execute(c, scope, rt);
        });
      },
    });
  }
  const sampleLines: SampleLine[] = [
    // `idx = sample(x, 10)` with `x` a vector of the file's is StatsBase's, and drew data (top-level.ts).
    ...program.globals.flatMap((g) => sampleLinesIn(g.value, g.span).filter((line) => !samplesNamedCollection(line.call, (name) => globals.late.get(name)?.value)).map((line) => withViDraws(line, g.target, statements))),
    ...program.expressions.flatMap((e) => sampleLinesIn(e, e.span)),
  ].sort((a, b) => a.statement.from - b.statement.from);
  const definition = (line: SampleLine, name: string) => definitionBefore(line.block ?? [], name, line.statement.from) ?? definitionBefore(program.globals, name, line.statement.from);
  const runs = scriptRuns(source, sampleLines, (line) => ({ source, models: modelNames, evaluate, definition: (name) => definition(line, name) }), diagnostics);
  return { models, diagnostics, scriptRuns: runs, ...(reader.given ? { table: reader.given } : {}) };
}

/** A `@kwdef` field's default, which reads the fields before it: an error in it is thrown where the constructor is called. */
function compiledDefault(source: string, e: A.Expr, fields: ReadonlySet<string>, globals: Globals): Ev {
  const scratch: Diagnostic[] = [];
  const ev = new StatementCompiler({ source, diagnostics: scratch, locals: new Set([...fields, ...expressionLocals(e)]), inModel: false }, globals).expr.compile(e);
  const error = scratch.find((d) => d.severity === 'error');
  if (error !== undefined) throw new ModelError(error.message, { from: error.from, to: error.to });
  return ev;
}

/**
 * Where the file's call of the model passes an argument Tilde cannot compute (`model_fn(df.log_gdp, df.rugged)` with
 * `df` read by CSV): the data must give it, under the model's name for it, which the user can otherwise only guess.
 */
function passedNote(p: ModelParam): string {
  return p.passedInScript === undefined ? '' : `: the file's call of the model passes it \`${p.passedInScript}\`, which cannot be computed before the model; give \`${p.name}\` in the data (the data binds to the model's argument names, not to the names in that call)`;
}

/**
 * The last top-level `name = …` line before `offset`, if it computes `name` from itself (`X = standardize(ZScoreTransform, X;
 * dims=1)`, as Storopoli's companion scripts scale their data before the model).
 */
function selfTransformBefore(assigns: readonly A.Assign[], name: string, offset: number): A.Assign | undefined {
  const last = assigns.findLast((a) => a.span.to <= offset && a.target.kind === 'ident' && a.target.name === name);
  return last && readsName(last.value, name) ? last : undefined;
}

/** The value of the last top-level `name = …` line before `offset`. */
function definitionBefore(assigns: readonly A.Assign[], name: string, offset: number): A.Expr | undefined {
  return assigns.findLast((a) => a.span.to <= offset && a.target.kind === 'ident' && a.target.name === name)?.value;
}

