import type { DrawsBlock } from '../infer/index.js';
import type { ChainSink } from './chain-draws.js';

/**
 * Hands `total` independent draws (a prior's, a variational fit's, a particle run's) to the sink in blocks of at most
 * `batch`, each made by `block` when its turn comes; the progress goes first, since draws may be streamed at once.
 */
export function drawsInBlocks(sink: ChainSink, total: number, batch: number, block: (first: number, count: number) => DrawsBlock): void {
  for (let first = 0; first < total; first += batch) {
    const count = Math.min(batch, total - first);
    const made = block(first, count);
    sink.report('sampling', first + count, 0);
    sink.draws(made);
  }
}
