/** A CSV that cannot be read as draws, located at a 1-based line and (where there is one) column. */
export class CsvError extends Error {
  override readonly name = 'CsvError';

  constructor(
    readonly line: number,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(`line ${line}${column === undefined ? '' : `, column ${column}`}: ${reason}`);
  }
}
