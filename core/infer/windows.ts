/** Stan's buffers and first window for metric adaptation. */
export interface WindowSettings {
  /** Warm-up iterations of step-size adaptation alone before the first window. Default 75. */
  readonly initBuffer?: number;
  /** Iterations of step-size adaptation alone after the last window. Default 50. */
  readonly termBuffer?: number;
  /** Length of the first window; each next one doubles. Default 25. */
  readonly baseWindow?: number;
}

/** Warm-up iterations [start, end), 0-based: the metric is re-estimated right after iteration end − 1. */
export interface AdaptationWindow {
  readonly start: number;
  readonly end: number;
}

/** Below this many warm-up iterations Stan adapts no metric at all. */
const MIN_ADAPTS_FOR_METRIC = 20;

/**
 * Stan's metric windows (windowed_adaptation): after the initial buffer, windows of doubling length until
 * the terminal buffer, the last stretched to reach it whenever the one after it would not fit. When the
 * buffers and first window do not fit into n_adapts they become 15%, 75% and 10% of it, truncated. Stan's
 * own code does not reset its window state in that branch, so it estimates no metric from that window;
 * this follows the documented intent (one window over the middle 75%), as AdvancedHMC and BlackJAX do.
 */
export function metricWindows(nAdapts: number, settings: WindowSettings = {}): AdaptationWindow[] {
  if (nAdapts < MIN_ADAPTS_FOR_METRIC) return [];
  let init = settings.initBuffer ?? 75;
  let term = settings.termBuffer ?? 50;
  let base = settings.baseWindow ?? 25;
  if (init + base + term > nAdapts) {
    init = Math.trunc(0.15 * nAdapts);
    term = Math.trunc(0.1 * nAdapts);
    base = nAdapts - (init + term);
  }
  if (base < 1) return [];
  const lastEnd = nAdapts - term;
  const windows: AdaptationWindow[] = [];
  let start = init;
  let size = base;
  let end = init + base;
  for (;;) {
    windows.push({ start, end });
    if (end === lastEnd) return windows;
    size *= 2;
    start = end;
    end = start + size;
    if (end !== lastEnd && end + 2 * size > lastEnd) end = lastEnd;
  }
}
