import type { DrawsMatrix } from '../chains/index.js';
import { medianSorted, sortedCopy, sortedDeviations } from './quantile.js';
import { splitChains } from './split.js';
import { foldDraws, zScale } from './transform.js';

/**
 * One variable's draws with what several diagnostics derive from them, each piece computed once when first
 * asked for. A summary row needs the sorted draws and both rank normalisations several times over; a live
 * run's summary of 100 parameters recomputed them about nine times a row, every second.
 */
export class SharedDraws {
  private sortedDraws?: Float64Array;
  private splitDraws?: DrawsMatrix;
  private foldedDraws?: DrawsMatrix;
  private foldedSortedDraws?: Float64Array;
  private bulk?: DrawsMatrix;
  private tail?: DrawsMatrix;

  constructor(readonly x: DrawsMatrix) {}

  /** Every draw in ascending order (NaN last). */
  get sorted(): Float64Array {
    return (this.sortedDraws ??= sortedCopy(this.x.data));
  }

  get median(): number {
    return medianSorted(this.sorted);
  }

  /** The split chains (`splitChains`). */
  get split(): DrawsMatrix {
    return (this.splitDraws ??= splitChains(this.x));
  }

  /** The draws folded about their median (`foldDraws`). */
  get folded(): DrawsMatrix {
    return (this.foldedDraws ??= foldDraws(this.x, this.median));
  }

  /** The folded draws in ascending order, merged from the two sides of the median rather than sorted again. */
  get foldedSorted(): Float64Array {
    return (this.foldedSortedDraws ??= sortedDeviations(this.sorted, this.median));
  }

  /** The rank-normalised split chains: bulk R̂ and bulk-ESS. */
  get bulkZ(): DrawsMatrix {
    return (this.bulk ??= zScale(this.split, this.keepsEveryDraw() ? this.sorted : undefined));
  }

  /** The rank-normalised split chains of the folded draws: tail R̂. */
  get tailZ(): DrawsMatrix {
    return (this.tail ??= zScale(splitChains(this.folded), this.keepsEveryDraw() ? this.foldedSorted : undefined));
  }

  /** Whether splitting keeps every draw (an even chain length), so the split chains sort as the draws do. */
  private keepsEveryDraw(): boolean {
    return this.split.data.length === this.x.data.length;
  }
}

/** The shared pieces of `x`, made once by a caller that asks several questions of the same draws. */
export function sharedDraws(x: DrawsMatrix | SharedDraws): SharedDraws {
  return x instanceof SharedDraws ? x : new SharedDraws(x);
}
