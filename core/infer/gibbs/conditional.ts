import type { DensityTarget, GradientTarget } from './kernel.js';

/** Refuses a block that names a coordinate twice or one the target does not have. */
export function checkBlockIndices(indices: readonly number[], dimension: number): void {
  if (indices.length === 0) throw new RangeError('a Gibbs block needs at least one coordinate');
  const seen = new Set<number>();
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= dimension) throw new RangeError(`coordinate ${i} is not one of the target's ${dimension}`);
    if (seen.has(i)) throw new RangeError(`coordinate ${i} appears twice in one block`);
    seen.add(i);
  }
}

/**
 * The full log density as a function of the block's coordinates, the others held at `position`'s values
 * (copied now, so the caller may reuse its array). Its gradient is the full gradient restricted to the
 * block, present when the full target has one; its discrete flags are the block's.
 */
export function conditionalTarget(target: GradientTarget, indices: readonly number[], position: Float64Array): GradientTarget;
export function conditionalTarget(target: DensityTarget, indices: readonly number[], position: Float64Array): DensityTarget;
export function conditionalTarget(target: DensityTarget & Partial<GradientTarget>, indices: readonly number[], position: Float64Array): DensityTarget {
  if (position.length !== target.dimension) throw new RangeError(`the position has ${position.length} coordinates, the target ${target.dimension}`);
  checkBlockIndices(indices, target.dimension);
  const fixed = position.slice();
  const k = indices.length;
  const embed = (x: Float64Array): Float64Array => {
    if (x.length !== k) throw new RangeError(`the block has ${k} coordinates, given ${x.length}`);
    const full = fixed.slice();
    for (let i = 0; i < k; i++) full[indices[i]!] = x[i]!;
    return full;
  };
  const conditional: DensityTarget = {
    dimension: k,
    embed,
    logdensity: (x) => target.logdensity(embed(x)),
    ...(target.discrete === undefined ? {} : { discrete: indices.map((i) => target.discrete![i] === true) }),
  };
  const gradient = target.logdensityAndGradient;
  if (gradient === undefined) return conditional;
  const withGradient: GradientTarget = {
    ...conditional,
    logdensityAndGradient: (x) => {
      const full = gradient.call(target, embed(x));
      return { value: full.value, grad: Float64Array.from(indices, (i) => full.grad[i]!) };
    },
  };
  return withGradient;
}
