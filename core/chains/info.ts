/** What is known of how a chain was run; every field is optional because imported draws often lack it. */
export interface ChainInfo {
  seed?: number;
  /** The sampler's name, e.g. `NUTS`. */
  sampler?: string;
  /** The automatic-differentiation backend, e.g. `forward`, `reverse`. */
  adBackend?: string;
  /** Warm-up (adaptation) iterations run before the kept draws. */
  warmup?: number;
  /** Every `thin`-th iteration was kept. */
  thin?: number;
  /** NUTS's maximum tree depth, to tell saturation apart (10 when unknown, Turing's and Stan's default). */
  maxTreeDepth?: number;
  /** An HMC-family sampler's metric (its inverse mass matrix's form), written into the Stan CSV header as Stan names it. */
  metric?: 'unit' | 'diagonal' | 'dense';
  warmupSeconds?: number;
  /** Points the sampler tried where the log density was not finite (each a divergence), and why at the first, with its line. */
  nonFinite?: { count: number; reason: string };
  samplingSeconds?: number;
  /** A variational run's fit (Turing's `vi`); its draws are independent draws of the fitted approximation. */
  variational?: VariationalFit;
  /** A sequential Monte Carlo or importance sampling run's fit (Turing's `SMC()`, `IS()`); its draws are its particles resampled by weight. */
  particles?: ParticleFit;
  /** Any further settings of the run, written into the Stan CSV header as `key = value`. */
  settings?: Readonly<Record<string, string | number | boolean>>;
}

export interface ParticleFit {
  readonly method: 'smc' | 'is';
  readonly particles: number;
  /** log p(y), the estimate the particles' weights give (Turing's `logevidence`). */
  readonly logEvidence: number;
  readonly resamplings: number;
  /** Kish's effective number of the final weights, before the draws were resampled by them. */
  readonly effectiveParticles: number;
  /**
   * Distinct draws among the resampled particles. Each resampling copies particles, and nothing moves a variable
   * once drawn, so the variables drawn first end up shared by ever fewer of them (path degeneracy): their ESS
   * and R-hat, computed as for a chain, count every copy.
   */
  readonly distinctDraws: number;
}

export interface VariationalFit {
  /** The ELBO estimates of the optimisation's last steps, averaged. */
  elbo: number;
  /** Pareto k̂ of the draws' importance ratios log p − log q: above 0.7 the approximation is unreliable (Yao et al. 2018). */
  paretoK: number;
  /** Gradient steps skipped because a draw's log density was not finite, and why at the first. */
  skippedSteps: number;
  /** Draws of the fit drawn again because their log density was not finite (outside the model's support). */
  redrawn?: number;
  reason?: string;
}
