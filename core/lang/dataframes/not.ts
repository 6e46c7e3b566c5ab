import { JTuple, type Value } from '../../model/index.js';

/** InvertedIndices' `Not(:y)`, `Not(:a, :b)`, `Not([:a, :b])`: every column but these, as DataFrames selects. */
export class NotIndex extends JTuple {
  constructor(readonly excluded: Value[]) {
    super(excluded);
  }
}
