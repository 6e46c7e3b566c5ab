import { JTuple, type Value } from '../../model/index.js';

/**
 * Julia's `a => b`. Julia indexes and iterates a Pair as its two elements (`p[1]`, `first(p)`, `for x in p`),
 * so it is a two-element tuple to all tuple code; `.first`, `.second`, `==` and the functions that take
 * pairs (`diagm(k => v)`) tell it apart.
 */
export class Pair extends JTuple {
  constructor(
    readonly first: Value,
    readonly second: Value,
  ) {
    super([first, second]);
  }
}
