/** Below this length a stretch of consecutive nodes is cheaper copied one index at a time. */
const MIN_RUN = 8;

/**
 * Which tape node each position of an entry's own buffer (a rule's operands and partials, a block's inputs
 * and their adjoints) reads from and adds to. Where consecutive positions map to consecutive nodes, as
 * when a likelihood takes a whole vector the entry before it wrote, the stretch is copied as one piece
 * with no index per element; the rest go one index at a time. The pairs may come in any order; within
 * `addScaled` the stretches are added before the rest.
 */
export class IndexMap {
  private constructor(
    /** [position, node, length] of each stretch. */
    private readonly runs: Int32Array,
    private readonly positions: Int32Array,
    private readonly nodes: Int32Array,
  ) {}

  /** The pairs (positions[i], nodes[i]) for every i with nodes[i] ≥ 0 (a negative node is a constant). */
  static of(positions: ArrayLike<number>, nodes: ArrayLike<number>): IndexMap {
    const runs: number[] = [];
    const singlePositions: number[] = [];
    const singleNodes: number[] = [];
    const n = positions.length;
    let i = 0;
    while (i < n) {
      if (nodes[i]! < 0) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < n && nodes[end]! === nodes[end - 1]! + 1 && positions[end]! === positions[end - 1]! + 1) end++;
      if (end - i >= MIN_RUN) {
        runs.push(positions[i]!, nodes[i]!, end - i);
      } else {
        for (let j = i; j < end; j++) {
          singlePositions.push(positions[j]!);
          singleNodes.push(nodes[j]!);
        }
      }
      i = end;
    }
    return new IndexMap(Int32Array.from(runs), Int32Array.from(singlePositions), Int32Array.from(singleNodes));
  }

  /** Whether any stretch is moved in one piece; without one, the map is the pairs one at a time. */
  get hasRuns(): boolean {
    return this.runs.length > 0;
  }

  /** own[position] = tape[node] for every pair. */
  gather(tape: Float64Array, own: Float64Array): void {
    const { runs, positions, nodes } = this;
    for (let r = 0; r < runs.length; r += 3) {
      const node = runs[r + 1]!;
      own.set(tape.subarray(node, node + runs[r + 2]!), runs[r]!);
    }
    for (let i = 0; i < nodes.length; i++) own[positions[i]!] = tape[nodes[i]!]!;
  }

  /** tape[node] += scale · own[position] for every pair. */
  addScaled(own: Float64Array, scale: number, tape: Float64Array): void {
    const { runs, positions, nodes } = this;
    for (let r = 0; r < runs.length; r += 3) {
      const position = runs[r]!;
      const node = runs[r + 1]!;
      const length = runs[r + 2]!;
      for (let i = 0; i < length; i++) tape[node + i]! += scale * own[position + i]!;
    }
    for (let i = 0; i < nodes.length; i++) tape[nodes[i]!]! += scale * own[positions[i]!]!;
  }
}
