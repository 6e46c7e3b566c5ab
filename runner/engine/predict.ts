import { baseName } from '../../core/chains/index.js';
import { elementNames, JArray, ModelError, type Value } from '../../core/model/index.js';
import { predict } from '../../core/run/index.js';
import { evenlySpaced } from '../analysis/index.js';
import { chainsOf } from '../draws-table.js';
import type { EngineResult, ReplicatedData, Replications } from '../api.js';
import type { PredictRequest } from '../protocol.js';
import { onModel } from './on-model.js';
import { dataOf, setMissing } from './replicated-data.js';

/**
 * The posterior predictive of the observed arguments named (Turing's `predict` with them `missing`): each
 * is drawn anew at every draw given, beside its observed values. A conditioned variable (data that names
 * a random variable) is replicated by dropping its condition. Failures are diagnostics on the model.
 */
export function predictModel(request: PredictRequest): EngineResult<Replications> {
  return onModel(request, (model, args) => {
    // The observed data as the run had it: the data given, else the file's own call of the model (a script's table).
    const data = dataOf(model, args);
    const given = new Map(args);
    for (const name of request.replicate) {
      const param = model.params.find((p) => p.name === name);
      if (param && !param.observed) throw new ModelError(`\`${name}\` stands left of no \`~\` in \`${model.name}\`: only data the model observes can be replicated`, param.span);
      if (!setMissing(model, given, data, name) && !given.delete(name)) throw new ModelError(`\`${name}\` is neither an argument of \`${model.name}\` nor data that conditions it`, undefined);
    }
    const { names } = request.draws;
    const replicatedValues = request.replicate.reduce((n, name) => n + valueCount(data(name)), 0);
    const drawn = evenlySpaced(request.draws.rows.length, Math.max(MIN_DRAWS, Math.floor(MAX_VALUES / Math.max(1, replicatedValues))));
    const rows = drawn.map((i) => request.draws.rows[i]!);
    const predicted = predict(model, given, chainsOf({ names, chains: [Float64Array.from(rows.flat())] }), request.seed ?? 1);
    const variables = request.replicate.map((name): ReplicatedData => {
      const elements = predicted.parameters.filter((e) => e === name || baseName(e) === name);
      if (elements.length === 0) throw new ModelError(`the model drew nothing for \`${name}\``, undefined);
      const observed = observedValues(data(name), name);
      const columns = elements.map((e) => predicted.draws(e, 0));
      return {
        name,
        elements,
        observed: elements.map((e) => observed.get(e) ?? null),
        draws: rows.map((_, i) => columns.map((column) => column[i]!)),
      };
    });
    return { variables, drawn };
  });
}

/**
 * Replicated values sent back at most (draws × elements): 400 draws of 5,000 observations would be 2 million
 * numbers through the engine's pipe and the window, where a few hundred draws already show the fit.
 */
const MAX_VALUES = 500_000;
/** Draws replicated at least, however large the data: enough for the overlay and rough p-values. */
const MIN_DRAWS = 50;

/** How many numbers a value holds (an array's elements, those of ragged data's vectors, else one). */
function valueCount(v: Value | undefined): number {
  return v instanceof JArray ? v.data.reduce<number>((n, x) => n + valueCount(x), 0) : 1;
}

/**
 * The data's numbers by element name (arrays are stored column-major, as their element names run), ragged data's
 * by the names its draws take: `y[2][3]`.
 */
function observedValues(value: Value | undefined, name: string, into = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') into.set(name, value);
  if (value instanceof JArray) elementNames(name, value.shape).forEach((e, k) => observedValues(value.data[k], e, into));
  return into;
}
