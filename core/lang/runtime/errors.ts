import { ModelError } from '../../model/index.js';

/** Run-time library errors carry no span: the evaluator attaches the span of the call or operator. */
export function fail(message: string): never {
  throw new ModelError(message, undefined);
}

/** An index past an array's bounds. The evaluator names the array (`σ`), which the runtime does not know. */
export class BoundsError extends ModelError {
  constructor(
    readonly index: string,
    readonly target: string,
  ) {
    super(`index ${index} is out of bounds for ${target}`, undefined);
    this.name = 'BoundsError';
  }

  /** The message with the indexed variable's name: `index 9 is out of bounds for \`σ\`, a vector of length 8`. */
  of(name: string): string {
    return `index ${this.index} is out of bounds for \`${name}\`, ${this.target}`;
  }
}

/** Julia's KeyError: a Dict has no such key. The evaluator names the Dict (`lookup`), which the runtime does not know. */
export class KeyError extends ModelError {
  constructor(
    readonly key: string,
    readonly target: string,
  ) {
    super(`KeyError: key ${key} not found in ${target}`, undefined);
    this.name = 'KeyError';
  }

  of(name: string): string {
    return `KeyError: key ${this.key} not found in \`${name}\`, ${this.target}`;
  }
}
