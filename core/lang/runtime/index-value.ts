import type { JArray, JRange, JSymbol } from '../../model/index.js';
import type { CartesianIndex } from './special-arrays.js';

/** A bare `:` in an index. */
export const COLON: unique symbol = Symbol(':');

/** What may appear between the brackets of `x[…]`; integer arrays may also be Bool masks, and a named tuple takes a Symbol (`nt[:a]`). */
export type IndexValue = number | JRange | JArray | typeof COLON | CartesianIndex | JSymbol;
