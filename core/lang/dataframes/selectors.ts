import { JTuple, type Value } from '../../model/index.js';

/** InvertedIndices' `Not(:y)`, `Not(:a, :b)`, `Not([:a, :b])`: every column but these, as DataFrames selects. */
export class NotIndex extends JTuple {
  constructor(readonly excluded: Value[]) {
    super(excluded);
  }
}

/** DataAPI's `Between(:a, :d)`: the columns from `a` to `d`, both included, in the table's order. */
export class BetweenIndex extends JTuple {
  constructor(
    readonly from: Value,
    readonly to: Value,
  ) {
    super([from, to]);
  }
}

/** DataAPI's `Cols(:a, Not(:b), …)`: the union of its selections, in order; `All()` is `Cols(:)`. */
export class ColsIndex extends JTuple {
  constructor(readonly selections: Value[]) {
    super(selections);
  }
}
