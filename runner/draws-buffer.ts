import { concatenated, type DrawBatch } from '../core/chains/index.js';
import type { DrawsMessage } from './protocol.js';

/** Draw batches waiting to be sent, joined into one message per block when they go. */
export class DrawsBuffer {
  private pending: DrawBatch[] = [];
  private rows = 0;

  constructor(
    private readonly chain: number,
    private readonly widths: { parameters: number; generated: number; stats: number },
  ) {}

  add(batch: DrawBatch): void {
    this.pending.push(batch);
    // Every sampler records at least `lp`, so the statistics always tell the number of draws.
    this.rows += (batch.stats?.length ?? 0) / this.widths.stats;
  }

  /** Everything waiting, or undefined when nothing is. */
  take(): DrawsMessage | undefined {
    if (this.rows === 0) return undefined;
    const join = (key: keyof DrawBatch) => concatenated(this.pending.map((b) => b[key] ?? []));
    const message: DrawsMessage = { type: 'draws', chain: this.chain, count: this.rows, parameters: join('parameters'), generated: join('generated'), stats: join('stats') };
    this.pending = [];
    this.rows = 0;
    return message;
  }
}
