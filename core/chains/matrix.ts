/**
 * One variable's draws as posterior's draws × chains matrix, stored chain after chain: chain c's draws are
 * `data[c * draws, (c + 1) * draws)`. Diagnostics work on this shape only, so they need nothing else of
 * `Chains`.
 */
export interface DrawsMatrix {
  readonly draws: number;
  readonly chains: number;
  readonly data: Float64Array;
}

export function drawsMatrix(data: Float64Array, draws: number, chains: number): DrawsMatrix {
  if (!Number.isInteger(draws) || !Number.isInteger(chains) || draws < 0 || chains < 0 || data.length !== draws * chains) {
    throw new RangeError(`a draws × chains matrix of ${draws} × ${chains} needs ${draws * chains} values, got ${data.length}`);
  }
  return { draws, chains, data };
}

/** A matrix from one array per chain; the chains must be equally long. */
export function matrixFromChains(chains: readonly ArrayLike<number>[]): DrawsMatrix {
  const draws = chains[0]?.length ?? 0;
  const data = new Float64Array(draws * chains.length);
  chains.forEach((chain, c) => {
    if (chain.length !== draws) throw new RangeError(`chain ${c + 1} has ${chain.length} draws, chain 1 has ${draws}`);
    data.set(chain, c * draws);
  });
  return { draws, chains: chains.length, data };
}

/** Chain c's draws, a view into the matrix. */
export function chainOf(m: DrawsMatrix, c: number): Float64Array {
  return m.data.subarray(c * m.draws, (c + 1) * m.draws);
}
