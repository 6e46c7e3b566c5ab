import { value, type Real } from '../../ad/index.js';
import { JArray, type Value } from '../../model/index.js';

/** Test helpers: build values tersely and read them back as plain numbers. */

export const vec = (...xs: Value[]): JArray => JArray.vector(xs, 'float');

/** A matrix from its rows, as it is written in Julia. */
export function mat(...rows: Value[][]): JArray {
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  const data: Value[] = new Array(r * c);
  rows.forEach((row, i) => row.forEach((x, j) => (data[i + j * r] = x)));
  return JArray.matrix(r, c, data, 'float');
}

/** Plain numbers of an array (or a number), for `toEqual`. */
export function nums(v: Value): number[] | number {
  if (v instanceof JArray) return v.data.map((x) => value(x as Real));
  return value(v as Real);
}
