import { DataError, JArray, type DataFrame, type Model, type Value } from '../../model/index.js';
import { textIn } from './columns.js';

/**
 * What a table the script reads gives a model by argument name: the columns of the arguments the script's call of the
 * model does not pass. The others are the script's to shape (`m4_3(df.weight .- x̄, df.height)`): the raw column of
 * the same name must not stand in for them, and the table's other columns are no arguments the user misnamed.
 */
export function tableArguments(table: DataFrame, model: Model): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const p of model.params) {
    const column = table.columns.get(p.name);
    if (p.fromScript || column === undefined) continue;
    const text = textIn(column);
    if (text !== undefined) throw new DataError(p.name, `the table's column \`${p.name}\` holds text (${JSON.stringify(text)}), and the model's argument \`${p.name}\` needs numbers`);
    const copy = new JArray(column.shape.slice(), column.data.slice(), column.eltype);
    copy.frozen = true;
    out.set(p.name, copy);
  }
  return out;
}
