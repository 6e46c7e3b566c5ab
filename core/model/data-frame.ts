import type { JArray } from './values.js';

/**
 * DataFrames' `DataFrame`, as a pasted script shapes its data before the model (`df = CSV.read(…, DataFrame)`,
 * `df[df.age .>= 18, :]`, `Matrix(select(df, Not(:y)))`): named columns in order, each a vector of the same
 * length, numbers or text. Mutable, as in Julia: `df.x = …` and `select!` change it in place.
 */
export class DataFrame {
  constructor(
    /** The columns by name, in order; `df[!, :x]` returns the vector itself, as Julia does. */
    readonly columns: Map<string, JArray>,
  ) {}

  get nrow(): number {
    return this.columns.values().next().value?.length ?? 0;
  }

  get ncol(): number {
    return this.columns.size;
  }
}
