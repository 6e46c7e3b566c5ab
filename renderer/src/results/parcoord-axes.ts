import { baseName } from './parameter-names';

/** Axes one parallel-coordinates plot keeps legible across the results panel's width. */
export const MAX_PARCOORD_AXES = 20;
/** Left-out runs of parameters the title names before it only counts the rest. */
const NAMED_GAPS = 3;

export interface ParcoordAxes {
  /** The parameters drawn, in the run's order. */
  names: string[];
  /** What was left out, for the title; empty when every parameter is drawn. */
  leftOut: string;
}

/**
 * The parameters a parallel-coordinates plot draws: all of them when they fit. Otherwise, with an element
 * of an array selected, the scalars (a funnel's scale, as τ in eight schools, is what divergences are read
 * against; at most half the axes) and a window of that array around the selection; with anything else
 * selected, the first ones.
 */
export function parcoordAxes(parameters: readonly string[], selected: string | null, max = MAX_PARCOORD_AXES): ParcoordAxes {
  if (parameters.length <= max) return { names: [...parameters], leftOut: '' };
  const chosen = new Set(arrayWindow(parameters, selected, max) ?? parameters.slice(0, max));
  const names = parameters.filter((p) => chosen.has(p));
  return { names, leftOut: describeGaps(parameters, chosen) };
}

/** Scalars and the selected element's window of its array; null unless an array's element is selected. */
function arrayWindow(parameters: readonly string[], selected: string | null, max: number): string[] | null {
  if (selected === null || !parameters.includes(selected)) return null;
  const base = baseName(selected);
  const elements = parameters.filter((p) => p !== base && baseName(p) === base);
  if (elements.length < 2) return null;
  const allScalars = parameters.filter((p) => baseName(p) === p);
  // The array gets the room the scalars leave, at least half; scalars fill what a short array leaves.
  const size = Math.min(elements.length, max - Math.min(allScalars.length, Math.floor(max / 2)));
  // As near the window's middle as the array's ends allow.
  const first = Math.max(0, Math.min(elements.indexOf(selected) - Math.floor(size / 2), elements.length - size));
  return [...allScalars.slice(0, max - size), ...elements.slice(first, first + size)];
}

/** `θ[1]–θ[12], θ[31]–θ[50], σ`: the left-out parameters as runs in the run's order, the first few named. */
function describeGaps(parameters: readonly string[], chosen: ReadonlySet<string>): string {
  const runs: string[][] = [];
  let open = false;
  for (const p of parameters) {
    if (chosen.has(p)) open = false;
    else if (open && baseName(runs.at(-1)![0]!) === baseName(p)) runs.at(-1)!.push(p);
    else {
      runs.push([p]);
      open = true;
    }
  }
  const named = runs.slice(0, NAMED_GAPS).map((run) => (run.length === 1 ? run[0]! : `${run[0]}–${run.at(-1)}`));
  const rest = runs.slice(NAMED_GAPS).reduce((n, run) => n + run.length, 0);
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}
