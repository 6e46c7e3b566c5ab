/**
 * Betancourt's (2017) generalised no-U-turn criterion as Stan applies it when two adjacent segments of a
 * trajectory merge: a trajectory with summed momentum ρ keeps going while the velocities p♯ = M⁻¹p at
 * both of its ends still point along ρ.
 *
 * Segment a is followed by segment b: a's last point lies next to b's first, in the order they were
 * built (the criterion is symmetric in time). Besides the merged trajectory, Stan (since 2.23) checks a
 * extended by b's first point and b extended by a's last, which catches U-turns across the seam that the
 * ends of the whole trajectory miss. The extended ρ sums are formed inside the dot products, so nothing
 * is allocated.
 */
export function mergedNoUTurn(
  aSharpFirst: Float64Array,
  aLast: Float64Array,
  aSharpLast: Float64Array,
  aRho: Float64Array,
  bFirst: Float64Array,
  bSharpFirst: Float64Array,
  bSharpLast: Float64Array,
  bRho: Float64Array,
): boolean {
  let wholeFirst = 0;
  let wholeLast = 0;
  let aExtendedFirst = 0;
  let aExtendedLast = 0;
  let bExtendedFirst = 0;
  let bExtendedLast = 0;
  for (let i = 0; i < aRho.length; i++) {
    const whole = aRho[i]! + bRho[i]!;
    wholeFirst += aSharpFirst[i]! * whole;
    wholeLast += bSharpLast[i]! * whole;
    const aExtended = aRho[i]! + bFirst[i]!;
    aExtendedFirst += aSharpFirst[i]! * aExtended;
    aExtendedLast += bSharpFirst[i]! * aExtended;
    const bExtended = bRho[i]! + aLast[i]!;
    bExtendedFirst += aSharpLast[i]! * bExtended;
    bExtendedLast += bSharpLast[i]! * bExtended;
  }
  return wholeFirst > 0 && wholeLast > 0 && aExtendedFirst > 0 && aExtendedLast > 0 && bExtendedFirst > 0 && bExtendedLast > 0;
}
