/**
 * A Float64Array that grows by doubling, so appending a stream of batches copies each value O(1) times
 * on average and holds no object per draw.
 */
export class GrowableFloat64Array {
  private buffer: Float64Array;
  private used = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Float64Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.used;
  }

  get capacity(): number {
    return this.buffer.length;
  }

  append(values: Float64Array): void {
    const needed = this.used + values.length;
    if (needed > this.buffer.length) {
      let capacity = this.buffer.length;
      while (capacity < needed) capacity *= 2;
      const grown = new Float64Array(capacity);
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    this.buffer.set(values, this.used);
    this.used = needed;
  }

  /** The values so far, without a copy: valid until the next append. */
  view(): Float64Array {
    return this.buffer.subarray(0, this.used);
  }
}
