import type { DensityTarget } from '../gibbs/index.js';

/** Refuses a start that does not fit the target, a discrete coordinate off the integers included. */
export function checkPosition(position: Float64Array, target: DensityTarget): void {
  if (position.length !== target.dimension) throw new RangeError(`the position has ${position.length} coordinates, the target ${target.dimension}`);
  const discrete = target.discrete;
  if (discrete === undefined) return;
  if (discrete.length !== target.dimension) throw new RangeError(`the target has ${target.dimension} coordinates but ${discrete.length} discrete flags`);
  discrete.forEach((flag, i) => {
    if (flag && !Number.isInteger(position[i])) throw new RangeError(`coordinate ${i} is discrete but starts at ${position[i]}`);
  });
}
