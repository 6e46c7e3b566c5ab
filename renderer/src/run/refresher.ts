/**
 * Runs an async refresh at most once per interval, never two at a time, and always once more after the
 * last request: asking while one is in flight or too soon queues exactly one follow-up.
 */
export class Refresher {
  private running = false;
  private wanted = false;
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly refresh: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  request(): void {
    this.wanted = true;
    this.pump();
  }

  /** Asks for a refresh without waiting out the interval (a new selection, the run's end). */
  requestNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.last = -Infinity;
    this.request();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.wanted = false;
  }

  private pump(): void {
    if (this.running || this.timer !== undefined || !this.wanted) return;
    const wait = this.last + this.intervalMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.wanted = false;
    this.running = true;
    this.last = Date.now();
    // The refresh reports its own failures; one that throws is a bug and surfaces as unhandled.
    void this.refresh().finally(() => {
      this.running = false;
      this.pump();
    });
  }
}
