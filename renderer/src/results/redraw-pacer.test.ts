import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedrawPacer, redrawInterval } from './index';

let now = 0;
beforeEach(() => {
  now = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Moves the clock and the timers together. */
function advance(ms: number) {
  now += ms;
  vi.advanceTimersByTime(ms);
}

/** A pacer whose requested draws run when the test says, as frames would. */
function pacer() {
  const requests: number[] = [];
  const p = new RedrawPacer(() => requests.push(now));
  const draw = () => p.drawing();
  return { p, requests, draw };
}

describe('the redraw pacer', () => {
  it('asks at once the first time, then no sooner than the interval after the last draw, once however often asked', () => {
    const { p, requests, draw } = pacer();
    p.schedule(500);
    expect(requests).toEqual([0]);
    draw();
    p.schedule(500);
    p.schedule(500);
    advance(499);
    expect(requests).toEqual([0]);
    advance(1);
    expect(requests).toEqual([0, 500]);
  });

  it('brings a slow redraw forward when a shorter interval is asked for (back in view, or the run ended)', () => {
    const { p, requests, draw } = pacer();
    p.schedule(500);
    draw();
    p.schedule(5000);
    advance(1000);
    expect(requests).toEqual([0]);
    p.schedule(500);
    expect(requests).toEqual([0, 1000]);
    advance(5000);
    expect(requests).toHaveLength(2);
  });

  it('asks again at once after a request that found nothing to draw', () => {
    const { p, requests } = pacer();
    p.schedule(500);
    p.skipped();
    p.schedule(500);
    expect(requests).toEqual([0, 0]);
  });

  it('asks nothing after it is disposed', () => {
    const { p, requests, draw } = pacer();
    p.schedule(500);
    draw();
    p.schedule(500);
    p.dispose();
    advance(1000);
    expect(requests).toEqual([0]);
  });
});

describe('the redraw interval', () => {
  it('paces charts only while draws stream: the end of a run, or any change outside one, shows at once', () => {
    const { p, requests, draw } = pacer();
    p.schedule(redrawInterval(true, true));
    draw();
    advance(100);
    // The last batch arrived 100 ms after the previous redraw: paced.
    p.schedule(redrawInterval(true, true));
    expect(requests).toEqual([0]);
    // The run ends before the paced redraw came: the end is drawn now, not 400 ms later.
    p.schedule(redrawInterval(false, true));
    expect(requests).toEqual([0, 100]);
    expect(redrawInterval(true, false)).toBeGreaterThan(redrawInterval(true, true));
    expect(redrawInterval(false, false)).toBe(0);
  });
});
