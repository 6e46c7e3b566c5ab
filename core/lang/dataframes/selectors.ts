import { JFunction, JTuple, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';

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

/**
 * A regular expression, `r"^x"`: in a selector the columns whose names it matches (`select(df, r"^x")`), and in
 * `occursin` the strings. Julia's are PCRE's; JavaScript's agree on the patterns column names use. It is a value
 * that broadcasts whole (`occursin.(r"^A", names)`), as a function does, though it cannot be called.
 */
export class RegexValue extends JFunction {
  readonly re: RegExp;

  constructor(readonly pattern: string) {
    super(`r"${pattern}"`, () => fail(`r"${pattern}" is a regular expression, not a function: test a string with \`occursin(r"${pattern}", s)\``));
    this.re = new RegExp(pattern);
  }
}

/** DataAPI's `Cols(:a, Not(:b), …)`: the union of its selections, in order; `All()` is `Cols(:)`. */
export class ColsIndex extends JTuple {
  constructor(readonly selections: Value[]) {
    super(selections);
  }
}
