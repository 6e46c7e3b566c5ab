import type { DrawsMessage, RunLayout } from '../../../runner/protocol';
import { GrowableFloat64Array } from './growable-array';

/** The sampler statistic that marks a divergent transition (Turing's name). */
const DIVERGENT = 'is_divergent';

type Block = 'parameters' | 'generated' | 'stats';

interface ChainDraws {
  count: number;
  blocks: Record<Block, GrowableFloat64Array>;
  /** 0-based indices of this chain's divergent draws: few, so a plain list. */
  divergent: number[];
}

/**
 * Every chain's draws as they stream in, row-major per block as the batches arrive (one typed array
 * per block and chain). Columns are copied out on demand for the one parameter being drawn.
 */
export class RunDraws {
  readonly layout: RunLayout;
  /** Model parameters, then generated quantities: what the user picks from. */
  readonly variables: readonly string[];
  private readonly chains: ChainDraws[];
  private readonly columns = new Map<string, { block: Block; index: number }>();
  private readonly divergentIndex: number;

  constructor(layout: RunLayout, nChains: number) {
    this.layout = layout;
    this.variables = [...layout.parameters, ...layout.generated];
    for (const block of ['parameters', 'generated', 'stats'] as const) layout[block].forEach((name, index) => this.columns.set(name, { block, index }));
    this.divergentIndex = layout.stats.indexOf(DIVERGENT);
    this.chains = Array.from({ length: nChains }, () => ({
      count: 0,
      blocks: { parameters: new GrowableFloat64Array(), generated: new GrowableFloat64Array(), stats: new GrowableFloat64Array() },
      divergent: [],
    }));
  }

  get nChains(): number {
    return this.chains.length;
  }

  append(chain: number, batch: DrawsMessage): void {
    const draws = this.chains[chain];
    if (!draws) throw new Error(`draws for chain ${chain + 1}, but the run has ${this.chains.length} chains`);
    if (this.divergentIndex >= 0) {
      const width = this.layout.stats.length;
      for (let row = 0; row < batch.count; row++) {
        const flag = batch.stats[row * width + this.divergentIndex]!;
        if (flag !== 0 && !Number.isNaN(flag)) draws.divergent.push(draws.count + row);
      }
    }
    draws.blocks.parameters.append(batch.parameters);
    draws.blocks.generated.append(batch.generated);
    draws.blocks.stats.append(batch.stats);
    draws.count += batch.count;
  }

  /** Draws of all chains together: grows with every batch, so it tells a view that new draws came. */
  get total(): number {
    return this.chains.reduce((n, c) => n + c.count, 0);
  }

  count(chain: number): number {
    return this.chains[chain]?.count ?? 0;
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** One column of one chain (a variable or a statistic), copied out of the row-major block. */
  column(chain: number, name: string): Float64Array {
    const where = this.columns.get(name);
    const draws = this.chains[chain];
    if (!where || !draws) return new Float64Array(0);
    const width = this.layout[where.block].length;
    const values = draws.blocks[where.block].view();
    const out = new Float64Array(draws.count);
    for (let row = 0, at = where.index; row < draws.count; row++, at += width) out[row] = values[at]!;
    return out;
  }

  divergent(chain: number): readonly number[] {
    return this.chains[chain]?.divergent ?? [];
  }
}
