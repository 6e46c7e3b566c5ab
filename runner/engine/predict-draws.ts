import { listed, ModelError } from '../../core/model/index.js';
import { predict } from '../../core/run/index.js';
import type { EngineResult } from '../api.js';
import { chainsOf, tableOf } from '../draws-table.js';
import type { DrawsTable, PredictDrawsRequest } from '../protocol.js';
import { onModel } from './on-model.js';
import { dataOf, setMissing } from './replicated-data.js';

/**
 * `tilde predict`'s work, in the engine process so that a model that loops forever at some posterior draw
 * is stopped: the arguments named in `missing` become wholly missing, and every missing value is drawn at
 * each draw of the posterior. A name that is no argument is a diagnostic listing the arguments.
 */
export function predictDraws(request: PredictDrawsRequest): EngineResult<DrawsTable> {
  return onModel(request, (model, args) => {
    const given = new Map(args);
    const data = dataOf(model, args);
    for (const name of request.missing) {
      if (!setMissing(model, given, data, name)) throw new ModelError(`\`${name}\`, to be predicted, is not an argument of \`${model.name}\`; its arguments are ${listed(model.params.map((p) => `\`${p.name}\``))}`, undefined);
    }
    return tableOf(predict(model, given, chainsOf(request.posterior), request.seed ?? 1));
  });
}
