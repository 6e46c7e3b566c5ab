/** A wrong-length vector is a caller's bug; failing loudly beats reading past the end as NaN. */
export function checkLength(what: string, expected: number, got: number): void {
  if (got !== expected) throw new RangeError(`${what} bijector: expected ${expected} values, got ${got}`);
}
