import type { JType, Value } from './values.js';

/**
 * Julia's `Dict`, as a pasted script builds its index maps before the model (`Dict(c => i for (i, c) in
 * enumerate(counties))`) and a model may read: entries by a key text that stands for Julia's `isequal` (see
 * core/lang/runtime/dict.ts), each with the key as written. Iteration follows insertion order, which is
 * OrderedDict's: Julia's Dict iterates in hash order, which no script can rely on, so any order is Julia's. An
 * OrderedDict (OrderedCollections) is the same value under its own name.
 */
export class JDict {
  /** Bound data is frozen: a model that writes into it works on a copy, as with an array. */
  frozen = false;

  constructor(
    /** The key type it prints as (`String` of `Dict{String, Int64}`); what stored keys must be when `typed`. */
    public keyType: JType,
    /** The value type; stored values are converted to it when `typed` (a Float64 dict stores 1 as 1.0). */
    public valueType: JType,
    /** Whether the script wrote the types (`Dict{String, Float64}()`); else they follow what is stored. */
    readonly typed: boolean,
    readonly entries = new Map<string, { key: Value; value: Value }>(),
    readonly kind: 'Dict' | 'OrderedDict' = 'Dict',
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get typeText(): string {
    return `${this.kind}{${this.keyType.toString()}, ${this.valueType.toString()}}`;
  }

  /** As Julia's `summary` says it: `Dict{String, Int64} with 3 entries`. */
  get summary(): string {
    return `${this.typeText} with ${this.size} ${this.size === 1 ? 'entry' : 'entries'}`;
  }

  copy(): JDict {
    return new JDict(this.keyType, this.valueType, this.typed, new Map([...this.entries].map(([k, e]) => [k, { ...e }])), this.kind);
  }
}
