export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A window's placement as saved in userData when it closes. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 720, height: 480 };
/** How far each new window sits from the one it was opened from, so both title bars stay visible. */
export const CASCADE_OFFSET = 24;
/** How much of a window must lie on a display to count as reachable (enough to grab its title bar). */
const VISIBLE_MARGIN = 64;

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The saved state, or undefined when the file is missing, unreadable or not a placement. */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: Partial<Rect>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(finite)) return undefined;
  return { bounds: bounds as Rect, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  return { ...size, x: area.x + Math.round((area.width - size.width) / 2), y: area.y + Math.round((area.height - size.height) / 2) };
}

/**
 * Where a window with the wanted bounds may go, given the displays' work areas (the first is the
 * primary): it keeps its place when enough of it shows on a display, is otherwise centred on the
 * primary display (e.g. after a monitor was unplugged), and is never larger than the display's work
 * area nor smaller than the minimum size the layout needs.
 */
export function placeWindow(wanted: Rect | undefined, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!wanted) return centred(fit(DEFAULT_SIZE, primary), primary);
  const display = [...workAreas].sort((a, b) => area(overlap(wanted, b)) - area(overlap(wanted, a)))[0] ?? primary;
  const shown = overlap(wanted, display);
  if (shown.width < VISIBLE_MARGIN || shown.height < VISIBLE_MARGIN) return centred(fit(wanted, primary), primary);
  const size = fit(wanted, display);
  return {
    ...size,
    x: clamp(Math.round(wanted.x), display.x - size.width + VISIBLE_MARGIN, display.x + display.width - VISIBLE_MARGIN),
    // The title bar stays on the display: it is how the user moves the window back.
    y: clamp(Math.round(wanted.y), display.y, display.y + display.height - VISIBLE_MARGIN),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function area(size: { width: number; height: number }): number {
  return size.width > 0 && size.height > 0 ? size.width * size.height : 0;
}

function fit(size: { width: number; height: number }, within: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(Math.round(size.width), MIN_SIZE.width), within.width),
    height: Math.min(Math.max(Math.round(size.height), MIN_SIZE.height), within.height),
  };
}

/** A new window opened from another: offset from it, then placed as any window. */
export function cascadeFrom(from: Rect, workAreas: readonly Rect[]): Rect {
  const next = { ...from, x: from.x + CASCADE_OFFSET, y: from.y + CASCADE_OFFSET };
  const display = workAreas.find((a) => area(overlap(from, a)) > 0) ?? workAreas[0];
  // Past the display's corner the cascade starts again at its top left.
  if (display && (next.x + next.width > display.x + display.width || next.y + next.height > display.y + display.height)) {
    return placeWindow({ ...next, x: display.x, y: display.y }, workAreas);
  }
  return placeWindow(next, workAreas);
}
