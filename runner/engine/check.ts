import { checkModel, compile, tableArguments, tableOf, type CompiledSource } from '../../core/lang/index.js';
import { dataFromCsv, dataFromJson, DataError, DataFrame, JArray, JDict, type Model, type Value } from '../../core/model/index.js';
import type { ArgumentBinding, CheckReport, EngineRequest } from '../api.js';

/**
 * The editor's and data panel's view of a model: `checkModel` (compile, bind, a run at a prior draw)
 * for the diagnostics and parameters, plus the file's models, how each argument is bound and how the
 * script's `sample(…)` line runs it. Never throws: every failure is a diagnostic.
 */
export function check(request: EngineRequest): CheckReport {
  // Compiled once for both: compiling runs the script's top-level lines, which may draw data or read the data's table.
  const compiled = compile(request.source, tableOf(request.data));
  const { models, scriptRuns } = compiled;
  // What auto picks is asked apart (`autoBackend`): its tape check would hold the diagnostics back.
  const outcome = checkModel({ source: request.source, seed: request.seed ?? 1, auto: false, ...(request.data ? { data: request.data } : {}), ...(request.modelName !== undefined ? { modelName: request.modelName } : {}) }, compiled);
  const model = request.modelName === undefined ? models[models.length - 1] : models.find((m) => m.name === request.modelName);
  const report: CheckReport = {
    ok: outcome.ok,
    diagnostics: outcome.ok ? outcome.warnings : outcome.diagnostics,
    models: models.map((m) => m.name),
    arguments: [],
    parameters: outcome.ok ? outcome.value.parameters : [],
  };
  if (model) {
    const bound = bindings(model, request.data, compiled);
    report.arguments = bound.arguments;
    if (bound.dataError !== undefined) report.dataError = bound.dataError;
  }
  // Offered even when the check fails: a script whose data is still missing says how it samples.
  const scriptRun = model ? scriptRuns.get(model.name) : undefined;
  if (scriptRun) report.scriptRun = scriptRun;
  return report;
}

/**
 * Each argument against the data: found (with its dimensions), given by the file's call of the model, left
 * to its default, or missing; then the data's entries that name a random variable of the model instead,
 * which condition it (Turing's `model | (; x = …)`).
 */
function bindings(model: Model, data: EngineRequest['data'], compiled: CompiledSource): { arguments: ArgumentBinding[]; dataError?: string } {
  let values = new Map<string, Value>();
  let dataError: DataError | undefined;
  try {
    // A table the script reads gives only the arguments its call of the model leaves out; the rest come from the script.
    if (compiled.table) values = tableArguments(compiled.table, model);
    else if (data) values = data.format === 'json' ? dataFromJson(data.text) : dataFromCsv(data.text);
  } catch (e) {
    // The diagnostics already report any failure; only a DataError belongs to one argument.
    if (e instanceof DataError) dataError = e;
  }
  // A data frame the script passes whole (`m(df)`) is shown as rows × columns; a Dict, which has no shape, by its summary.
  const shapeOf = (v: Value): Pick<ArgumentBinding, 'shape' | 'summary'> => (v instanceof JDict ? { summary: v.summary } : { shape: v instanceof JArray ? [...v.shape] : v instanceof DataFrame ? [v.nrow, v.ncol] : [] });
  const argumentBindings = model.params.map((p): ArgumentBinding => {
    const error = dataError?.argument === p.name ? { error: dataError.message } : {};
    const observed = { ...(p.observed ? { observed: true } : {}), ...(p.observedFields ? { observedFields: p.observedFields } : {}) };
    const value = values.get(p.name);
    if (value !== undefined) return { name: p.name, status: 'given', ...shapeOf(value), ...error, ...observed };
    // What the script makes (`X = Matrix(select(df, Not(:y)))`) is shown with its dimensions, as the data's values are.
    const made = p.fromScript ? model.scriptArguments?.get(p.name) : undefined;
    if (made !== undefined) return { name: p.name, status: 'script', ...shapeOf(made), ...error, ...observed };
    return { name: p.name, status: p.hasDefault ? 'default' : 'missing', ...error, ...observed };
  });
  const conditioning = [...values].filter(([name]) => model.conditionable?.has(name) && !model.params.some((p) => p.name === name));
  const all = [...argumentBindings, ...conditioning.map(([name, v]): ArgumentBinding => ({ name, status: 'conditions', ...shapeOf(v) }))];
  // A file that cannot be read at all (its error names no argument) leaves every argument "missing", which it is not.
  return dataError && dataError.argument === '' ? { arguments: all, dataError: dataError.message } : { arguments: all };
}
