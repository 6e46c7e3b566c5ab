import { describe, expect, it } from 'vitest';
import { cascadeFrom, parseWindowState, placeWindow, CASCADE_OFFSET, DEFAULT_SIZE, MIN_SIZE, type Rect } from './index.js';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: -200, width: 2560, height: 1415 };

function visible(window: Rect, display: Rect): boolean {
  return window.x >= display.x - window.width + 64 && window.x <= display.x + display.width - 64 && window.y >= display.y && window.y <= display.y + display.height - 64;
}

describe('window placement', () => {
  it('centres a default-sized window on the primary display when nothing was saved', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({ ...DEFAULT_SIZE, x: 80, y: 8 });
  });

  it('restores a saved placement that is on a display, on a secondary display too', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700 };
    expect(placeWindow(saved, [laptop])).toEqual(saved);
    const onRight = { x: 2000, y: 0, width: 1600, height: 1000 };
    expect(placeWindow(onRight, [laptop, rightMonitor])).toEqual(onRight);
  });

  it('moves a window whose display was unplugged onto the primary display', () => {
    const placed = placeWindow({ x: 2000, y: 0, width: 1600, height: 1000 }, [laptop]);
    expect(visible(placed, laptop)).toBe(true);
    expect(placed.width).toBeLessThanOrEqual(laptop.width);
    expect(placed.height).toBeLessThanOrEqual(laptop.height);
  });

  it('pulls a window back so its title bar can be grabbed', () => {
    const placed = placeWindow({ x: 200, y: -300, width: 900, height: 700 }, [laptop]);
    expect(placed.y).toBe(0);
    expect(placed.x).toBe(200);
    const farRight = placeWindow({ x: 1400, y: 100, width: 900, height: 700 }, [laptop]);
    expect(visible(farRight, laptop)).toBe(true);
  });

  it('shrinks a window larger than its display and grows one below the minimum size', () => {
    expect(placeWindow({ x: 0, y: 0, width: 5000, height: 3000 }, [laptop])).toMatchObject({ width: laptop.width, height: laptop.height });
    expect(placeWindow({ x: 10, y: 10, width: 100, height: 50 }, [laptop])).toMatchObject(MIN_SIZE);
  });

  it('survives having no display information', () => {
    expect(placeWindow({ x: 5, y: 5, width: 800, height: 600 }, [])).toMatchObject({ width: 800, height: 600 });
  });

  it('cascades a new window from the one it was opened from, starting over at the display corner', () => {
    const from = { x: 100, y: 100, width: 1000, height: 700 };
    expect(cascadeFrom(from, [laptop])).toEqual({ ...from, x: 100 + CASCADE_OFFSET, y: 100 + CASCADE_OFFSET });
    const atCorner = { x: 430, y: 160, width: 1000, height: 700 };
    expect(cascadeFrom(atCorner, [laptop])).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });

  it('reads a saved state and refuses anything that is not one', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":900,"height":700},"maximized":true}')).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: true });
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":900,"height":700}}')?.maximized).toBe(false);
    for (const text of [undefined, '', 'null', '{"bounds":{"x":"1","y":2,"width":900,"height":700}}', '{"bounds":{"x":1,"y":2,"width":null,"height":700}}', '{"x":1}', '[1,2,3,4]']) {
      expect(parseWindowState(text)).toBeUndefined();
    }
  });
});
