import type { CheckReport, EngineRequest } from '../../../runner/api';
import { debounce, errorMessage } from '../shared/index';

export interface CheckerOptions {
  check(request: EngineRequest): Promise<CheckReport>;
  /** Quiet time after the last edit before the engine is asked. */
  delayMs: number;
  onReport(report: CheckReport, request: EngineRequest): void;
  onFailure(message: string): void;
}

export interface Checker {
  request(request: EngineRequest): void;
  /** Forgets the pending and running checks (their answers are dropped). */
  cancel(): void;
  dispose(): void;
}

/**
 * Re-checks the model as the user types: one engine check after each pause, and only the newest answer
 * counts (an older check that returns late would put markers where the text has since moved).
 */
export function createChecker(options: CheckerOptions): Checker {
  let latest = 0;
  let disposed = false;
  const send = debounce((request: EngineRequest) => {
    const ticket = ++latest;
    options.check(request).then(
      (report) => {
        if (!disposed && ticket === latest) options.onReport(report, request);
      },
      (e: unknown) => {
        if (!disposed && ticket === latest) options.onFailure(`The engine could not check the model: ${errorMessage(e)}`);
      },
    );
  }, options.delayMs);
  return {
    request: (request) => {
      // An edit makes any check in flight stale at once, not only when its successor is sent.
      latest++;
      send(request);
    },
    cancel: () => {
      latest++;
      send.cancel();
    },
    dispose: () => {
      disposed = true;
      send.cancel();
    },
  };
}
