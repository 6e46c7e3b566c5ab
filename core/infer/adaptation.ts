import { dualAveragingFinal, dualAveragingStart, dualAveragingUpdate, type DualAveragingSettings, type DualAveragingState } from './dual-averaging.js';
import { denseMetric, diagonalMetric, type Metric } from './metric.js';
import { welfordCovariance, welfordVariance, type WelfordEstimator } from './welford.js';
import { metricWindows, type AdaptationWindow, type WindowSettings } from './windows.js';

export interface AdaptationSettings extends DualAveragingSettings, WindowSettings {}

/** Stan's shrinkage of a window's estimate towards 10⁻³·I, stronger for short windows: n/(n+5) and 5/(n+5). */
const SHRINK_SAMPLES = 5;
const SHRINK_TARGET = 1e-3;

/**
 * Stan's warm-up bookkeeping for one chain: dual averaging of the step size after every transition and,
 * when `adaptMetric`, the metric re-estimated at the end of each window. When `update` reports a new
 * metric the caller finds a step size for it (Stan's init_stepsize) and hands it to `restart`; the
 * adaptation itself never evaluates the target. A window with fewer than two draws leaves the metric as
 * it was, where Stan would shrink the old metric as if it were an estimate (stan-dev/stan#3037).
 */
export class WindowedAdaptation {
  private dualAveraging: DualAveragingState;
  private currentMetric: Metric;
  private iteration = 0;
  private nextWindow = 0;
  private readonly windows: readonly AdaptationWindow[];
  private readonly estimator: WelfordEstimator | undefined;
  private readonly settings: AdaptationSettings;

  /**
   * @param stepSize the step size of the first transition, from the initial search
   * @param muStepSize the step size whose 10-fold dual averaging first shrinks towards: CmdStan uses the
   *   user's step size (the search's starting point), not the search's result
   */
  constructor(nAdapts: number, metric: Metric, adaptMetric: boolean, stepSize: number, muStepSize: number, settings: AdaptationSettings = {}) {
    this.dualAveraging = dualAveragingStart(stepSize, Math.log(10 * muStepSize));
    this.currentMetric = metric;
    this.settings = settings;
    this.windows = adaptMetric ? metricWindows(nAdapts, settings) : [];
    if (this.windows.length > 0) this.estimator = metric.kind === 'dense' ? welfordCovariance(metric.dimension) : welfordVariance(metric.dimension);
  }

  get stepSize(): number {
    return this.dualAveraging.stepSize;
  }

  get metric(): Metric {
    return this.currentMetric;
  }

  /** Learns from the transition just made; true when a window closed and the metric was re-estimated. */
  update(position: Float64Array, acceptance: number): boolean {
    this.dualAveraging = dualAveragingUpdate(this.dualAveraging, acceptance, this.settings);
    const window = this.windows[this.nextWindow];
    const i = this.iteration++;
    if (window === undefined || this.estimator === undefined || i < window.start) return false;
    this.estimator.add(position);
    if (i + 1 < window.end) return false;
    this.nextWindow++;
    const estimate = this.estimator.estimate();
    const n = this.estimator.count;
    this.estimator.restart();
    if (estimate !== null) this.currentMetric = regularised(estimate, n, this.currentMetric);
    return true;
  }

  /** Restarts dual averaging from ε, shrinking towards log(10ε), as Stan does after every window. */
  restart(stepSize: number): void {
    this.dualAveraging = dualAveragingStart(stepSize);
  }

  /** The step size to sample with: exp(x̄) of the dual averaging since the last restart. */
  finalStepSize(): number {
    return dualAveragingFinal(this.dualAveraging);
  }
}

function regularised(estimate: Float64Array, n: number, previous: Metric): Metric {
  const weight = n / (n + SHRINK_SAMPLES);
  const shrink = SHRINK_TARGET * (SHRINK_SAMPLES / (n + SHRINK_SAMPLES));
  const d = previous.dimension;
  for (let k = 0; k < estimate.length; k++) estimate[k]! *= weight;
  if (previous.kind === 'dense') {
    for (let i = 0; i < d; i++) estimate[i + i * d]! += shrink;
  } else {
    for (let i = 0; i < d; i++) estimate[i]! += shrink;
  }
  if (!estimate.every(Number.isFinite)) {
    throw new RangeError('the metric estimate overflowed: the chain reached extreme values, perhaps because the posterior is improper or very wide');
  }
  return previous.kind === 'dense' ? denseMetric(estimate, d) : diagonalMetric(estimate);
}
