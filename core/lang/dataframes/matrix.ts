import { DataFrame, JArray, MISSING, type ElementType } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { textIn } from './columns.js';

/**
 * `Matrix(df)`: the columns side by side, of the type that holds them all, as Julia promotes (Int and Float64 columns
 * make a Float64 matrix). A text column cannot be a number: the error names it, where the model would meet it later.
 */
export function frameMatrix(df: DataFrame): JArray {
  let eltype: ElementType = 'int';
  const data: JArray['data'] = [];
  for (const [name, column] of df.columns) {
    const text = textIn(column);
    if (text !== undefined) fail(`the column \`${name}\` holds text (${JSON.stringify(text)}), which a matrix of numbers cannot: leave it out (\`select(df, Not(:${name}))\`) or code it as numbers`);
    if (column.eltype === 'float' || column.data.some((x) => typeof x === 'number' && !Number.isInteger(x))) eltype = eltype === 'any' ? 'any' : 'float';
    if (column.data.includes(MISSING)) eltype = 'any';
    data.push(...column.data);
  }
  return JArray.matrix(df.nrow, df.ncol, data, eltype);
}
