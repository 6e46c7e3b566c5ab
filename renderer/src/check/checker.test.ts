import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckReport, EngineRequest } from '../../../runner/api';
import { createChecker } from './index';

const report = (source: string): CheckReport => ({ ok: true, diagnostics: [], models: [source], arguments: [], parameters: [] });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createChecker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the engine once, 300 ms after the last edit, with the latest text', async () => {
    const check = vi.fn(async (request: EngineRequest) => report(request.source));
    const onReport = vi.fn();
    const checker = createChecker({ check, delayMs: 300, onReport, onFailure: vi.fn() });
    checker.request({ source: 'a' });
    await vi.advanceTimersByTimeAsync(200);
    checker.request({ source: 'ab' });
    await vi.advanceTimersByTimeAsync(299);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith({ source: 'ab' });
    expect(onReport).toHaveBeenCalledWith(report('ab'), { source: 'ab' });
  });

  it('drops an answer that comes back after the text changed again', async () => {
    const answers = [deferred<CheckReport>(), deferred<CheckReport>()];
    let call = 0;
    const onReport = vi.fn();
    const checker = createChecker({ check: () => answers[call++]!.promise, delayMs: 300, onReport, onFailure: vi.fn() });
    checker.request({ source: 'old' });
    await vi.advanceTimersByTimeAsync(300);
    checker.request({ source: 'new' });
    answers[0]!.resolve(report('old'));
    await vi.advanceTimersByTimeAsync(300);
    answers[1]!.resolve(report('new'));
    await vi.advanceTimersByTimeAsync(0);
    expect(onReport).toHaveBeenCalledTimes(1);
    expect(onReport).toHaveBeenCalledWith(report('new'), { source: 'new' });
  });

  it('reports an engine that fails as a message, not an exception', async () => {
    const onFailure = vi.fn();
    const checker = createChecker({ check: () => Promise.reject(new Error('the engine process exited (code 1)')), delayMs: 300, onReport: vi.fn(), onFailure });
    checker.request({ source: 'x' });
    await vi.advanceTimersByTimeAsync(300);
    expect(onFailure).toHaveBeenCalledWith('The engine could not check the model: the engine process exited (code 1)');
  });

  it('forgets pending and running checks when cancelled', async () => {
    const answer = deferred<CheckReport>();
    const check = vi.fn(() => answer.promise);
    const onReport = vi.fn();
    const checker = createChecker({ check, delayMs: 300, onReport, onFailure: vi.fn() });
    checker.request({ source: 'x' });
    await vi.advanceTimersByTimeAsync(300);
    checker.request({ source: 'y' });
    checker.cancel();
    answer.resolve(report('x'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).toHaveBeenCalledTimes(1);
    expect(onReport).not.toHaveBeenCalled();
  });
});
