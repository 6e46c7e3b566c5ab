import type { SamplerSettings } from '../infer/index.js';

/** A run as the user asks for it: `sample(model, data, sampler, { draws, warmup, chains, seed, ad })`. */
export interface SampleOptions {
  draws: number;
  warmup: number;
  chains: number;
  seed: number;
  /** An AD backend name as `resolveBackend` reads it; `auto` by default. */
  ad?: string;
  thin?: number;
  /** Which chains of the run to sample (default all): a worker process runs one. */
  chainIndices?: readonly number[];
  /** Constrained initial values by element name; Stan's random initialisation when absent. */
  init?: Readonly<Record<string, number>>;
  /** Called after every batch of draws with the chain and how far it has got. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  chain: number;
  phase: 'warmup' | 'sampling';
  iteration: number;
  total: number;
  divergences: number;
}

export type Sampler = SamplerSettings;
