/**
 * DoWG, "distance over weighted gradients" (Khaled, Mishchenko & Jin 2023), AdvancedVI's default optimiser: a
 * parameter-free step size r²/√v, r the farthest distance from the start so far, v the running sum of r²‖g‖².
 */
export interface DowgState {
  readonly start: Float64Array;
  readonly distance: number;
  readonly weightedSquares: number;
}

/** AdvancedVI's initial distance guess: tiny, so the first steps grow it. */
const INITIAL_DISTANCE = 1e-6;

export function dowgInit(x: Float64Array): DowgState {
  return { start: x.slice(), distance: INITIAL_DISTANCE, weightedSquares: 0 };
}

/** The step size for gradient `g` at `x`, with the optimiser's next state. */
export function dowgStep(state: DowgState, x: Float64Array, g: Float64Array): { stepSize: number; state: DowgState } {
  let moved = 0;
  for (let i = 0; i < x.length; i++) moved += (x[i]! - state.start[i]!) ** 2;
  const r = Math.max(Math.sqrt(moved), state.distance);
  let squares = 0;
  for (const gi of g) squares += gi * gi;
  const weightedSquares = state.weightedSquares + r * r * squares;
  // A zero gradient so far (a flat start) gives no scale to step by: stay.
  const stepSize = weightedSquares > 0 ? (r * r) / Math.sqrt(weightedSquares) : 0;
  return { stepSize, state: { start: state.start, distance: r, weightedSquares } };
}
