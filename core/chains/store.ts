/**
 * One chain's draws, a growable Float64Array per column, so a variable's draws are contiguous (what every
 * diagnostic reads) while batches arrive draw by draw.
 */
export class ChainStore {
  private columns: Float64Array[];
  private capacity: number;
  length = 0;

  constructor(width: number, capacity = 64) {
    this.capacity = Math.max(1, capacity);
    this.columns = Array.from({ length: width }, () => new Float64Array(this.capacity));
  }

  get width(): number {
    return this.columns.length;
  }

  /** Room for `draws` more draws, growing geometrically so that streaming stays linear overall. */
  reserve(draws: number): void {
    const needed = this.length + draws;
    if (needed <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < needed) capacity *= 2;
    this.columns = this.columns.map((col) => {
      const grown = new Float64Array(capacity);
      grown.set(col.subarray(0, this.length));
      return grown;
    });
    this.capacity = capacity;
  }

  /** Copies `draws` rows of a row-major block of `width` values into columns `first` … `first + width − 1`. */
  writeRows(block: ArrayLike<number>, width: number, first: number, draws: number): void {
    for (let j = 0; j < width; j++) {
      const col = this.columns[first + j]!;
      for (let d = 0; d < draws; d++) col[this.length + d] = block[d * width + j]!;
    }
  }

  /** Appends one draw: a value for every column. */
  appendRow(values: ArrayLike<number>): void {
    this.reserve(1);
    this.writeRows(values, this.columns.length, 0, 1);
    this.length++;
  }

  /** Column j's draws so far: a view, valid until the next append. */
  column(j: number): Float64Array {
    return this.columns[j]!.subarray(0, this.length);
  }
}
