import { afterEach, describe, expect, it, vi } from 'vitest';
import { cancelDraw, requestDraw } from './index';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Animation frames run by hand; each draw advances the clock by its cost. */
function frames() {
  const pending: FrameRequestCallback[] = [];
  let now = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => pending.push(callback));
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return {
    run: () => pending.splice(0).forEach((f) => f(now)),
    pending: () => pending.length,
    costly: (ms: number, log: string[], name: string) => () => {
      now += ms;
      log.push(name);
    },
  };
}

describe('chart frames', () => {
  it('spreads draws over frames within the budget, at least one a frame', () => {
    const f = frames();
    const log: string[] = [];
    requestDraw(f.costly(8, log, 'trace'));
    requestDraw(f.costly(8, log, 'pair'));
    requestDraw(f.costly(30, log, 'density'));
    requestDraw(f.costly(1, log, 'rank'));
    f.run();
    expect(log).toEqual(['trace', 'pair']);
    f.run();
    expect(log).toEqual(['trace', 'pair', 'density']);
    f.run();
    expect(log).toEqual(['trace', 'pair', 'density', 'rank']);
    expect(f.pending()).toBe(0);
  });

  it('draws a chart once however often it asks before its frame, and not at all once cancelled', () => {
    const f = frames();
    const log: string[] = [];
    const trace = f.costly(1, log, 'trace');
    const pair = f.costly(1, log, 'pair');
    requestDraw(trace);
    requestDraw(trace);
    requestDraw(pair);
    cancelDraw(pair);
    f.run();
    expect(log).toEqual(['trace']);
  });
});
