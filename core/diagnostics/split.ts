import type { DrawsMatrix } from '../chains/index.js';

/**
 * Each chain cut into its first and second half, so that a trend within a chain shows up as disagreement
 * between chains. An odd middle draw is dropped (rows 1…⌊n/2⌋ and ⌈n/2 + 1⌉…n, as posterior does); a
 * single draw is left as it is.
 */
export function splitChains(x: DrawsMatrix): DrawsMatrix {
  const n = x.draws;
  if (n <= 1) return x;
  const half = Math.floor(n / 2);
  const secondStart = Math.ceil(n / 2 + 1) - 1;
  const data = new Float64Array(2 * half * x.chains);
  for (let c = 0; c < x.chains; c++) {
    const chain = x.data.subarray(c * n, (c + 1) * n);
    data.set(chain.subarray(0, half), c * half);
    data.set(chain.subarray(secondStart, n), (x.chains + c) * half);
  }
  return { draws: half, chains: 2 * x.chains, data };
}

/**
 * `splitChains` as posterior 1.4.0 splits a plain R matrix rather than a draws object. The two differ for
 * chains of two or three draws only: R drops the matrix shape of one-row halves, so the halves become the
 * first draws of all chains and their last draws, two chains of m draws (`splitChains` keeps 2m chains
 * of one draw).
 */
export function splitPlainMatrix(x: DrawsMatrix): DrawsMatrix {
  const n = x.draws;
  if (n !== 2 && n !== 3) return splitChains(x);
  const data = new Float64Array(2 * x.chains);
  for (let c = 0; c < x.chains; c++) {
    data[c] = x.data[c * n]!;
    data[x.chains + c] = x.data[c * n + n - 1]!;
  }
  return { draws: x.chains, chains: 2, data };
}
