/**
 * Least time between two redraws of one chart while draws stream in: twice a second shows the run
 * moving and leaves the main thread free (a redraw of a chart takes a few to tens of milliseconds).
 */
const STREAMING_MS = 500;
/** The same for a chart scrolled out of view, whose redraws would be paint nobody sees. */
const OUT_OF_VIEW_MS = 5000;

/**
 * How long a chart waits after its last redraw before it shows the store's news. Only streaming draws
 * need pacing: once the run is over (the last batch, the end, the statistics computed after it) or before
 * one starts, a chart shows what changed at once, so the final draws never sit behind an interval begun by
 * the batch before them (a fast run's density stayed "Waiting for the first draws…" after its end).
 */
export function redrawInterval(running: boolean, inView: boolean): number {
  if (!running) return 0;
  return inView ? STREAMING_MS : OUT_OF_VIEW_MS;
}

/**
 * When one chart redraws: at most every `intervalMs` (a longer one while it is out of view, whose redraws
 * would be paint nobody sees), then through `request` (the shared frame queue). Asking again while a draw
 * waits changes nothing unless the new interval makes it due sooner: coming into view or the run's end
 * bring a slow redraw forward.
 */
export class RedrawPacer {
  private lastDraw = -Infinity;
  private pending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;

  constructor(private readonly request: () => void) {}

  /** Asks for a redraw no sooner than `intervalMs` after the last one. */
  schedule(intervalMs: number): void {
    const due = this.lastDraw + intervalMs;
    if (this.pending && (this.timer === undefined || due >= this.timerDue)) return;
    this.clearTimer();
    this.pending = true;
    const wait = due - performance.now();
    if (wait <= 0) return this.request();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.request();
    }, wait);
  }

  /** The requested draw runs now: the next interval counts from here. */
  drawing(): void {
    this.pending = false;
    this.lastDraw = performance.now();
  }

  /** The requested draw found nothing new: the next request may come at once. */
  skipped(): void {
    this.pending = false;
  }

  dispose(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
