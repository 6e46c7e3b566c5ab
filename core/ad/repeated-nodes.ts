import type { Recompute } from './real.js';

/** A recording's nodes as `Tape` keeps them: rule k's operands are `operands[operandOffsets[k] .. operandOffsets[k + 1])`. */
export interface RecordedNodes {
  readonly parameters: number;
  readonly size: number;
  readonly rules: readonly (Recompute | undefined)[];
  readonly operandOffsets: Int32Array;
  /** A node index, or −1 − c for the constant `constants[c]`. */
  readonly operands: Int32Array;
  readonly constants: Float64Array;
  /** −1 for a node outside any block. */
  readonly blockIds: Int32Array;
}

/**
 * For each node, the first earlier node with the same rule and the same operands, or −1. A replay rule is a
 * function of its operands alone (else replay could not work), so such a node's value and partials are the
 * earlier one's: a model that recomputes a transform inside its loop (`log.(θ[:, k])` at every step of a
 * forward algorithm, `exp(logσ)` per observation, `a^n` at a count that did not change) records it anew each
 * time, and replay need only copy it. The sweep still visits every node, so gradients stay bit for bit.
 */
export function repeatedNodes(tape: RecordedNodes): Int32Array {
  const { parameters, size, rules, operandOffsets, operands, constants, blockIds } = tape;
  const first = new Int32Array(size).fill(-1);
  const seen = new Map<Recompute, Map<string, number>>();
  for (let k = parameters; k < size; k++) {
    const rule = rules[k];
    if (rule === undefined || blockIds[k]! >= 0) continue;
    let key = '';
    for (let j = operandOffsets[k]!; j < operandOffsets[k + 1]!; j++) {
      const o = operands[j]!;
      // A constant by its value: the shortest decimal names one double, and −0 (1 / −0 ≠ 1 / 0) is kept apart.
      key += o >= 0 ? `${o} ` : `c${Object.is(constants[-1 - o], -0) ? '-0' : constants[-1 - o]} `;
    }
    let byOperands = seen.get(rule);
    if (byOperands === undefined) seen.set(rule, (byOperands = new Map()));
    const earlier = byOperands.get(key);
    if (earlier === undefined) byOperands.set(key, k);
    else first[k] = earlier;
  }
  return first;
}
