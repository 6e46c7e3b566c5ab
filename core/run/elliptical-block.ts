import { value, type Real } from '../ad/index.js';
import type { Distribution } from '../dist/index.js';
import { ModelError, interiorDraw, type BoundModel, type VarName } from '../model/index.js';
import { ellipticalSlice, type EllipticalTarget } from '../infer/ess/index.js';
import type { DensityTarget, GibbsBlock } from '../infer/gibbs/index.js';
import { GAUSSIAN, meanOf } from './gaussian-prior.js';
import { scoreBlock, valuesAt } from './prior-block.js';
import { isNamed } from './targets.js';

const spanOf = (bound: BoundModel, name: string) => bound.variables.find((v) => isNamed(v.name, [name]))?.span;

/**
 * Turing's `ESS()` as a Gibbs block (`Gibbs(:α => HMC(0.1, 10), :β => ESS())`): elliptical slice sampling
 * under the block's Gaussian prior given the other variables' current values (`β ~ Normal(0, σ)` with σ in
 * another block), the rest of the joint as its likelihood. A Gaussian's coordinates are its values, so the
 * prior's mean and draw are the block's coordinates at them.
 */
export function ellipticalBlock(bound: BoundModel, names: readonly string[], indices: readonly number[]): GibbsBlock<DensityTarget> {
  const inBlock = (vn: VarName) => isNamed(vn.name, names);
  return {
    indices: [...indices],
    update: (rng, position, conditional) => {
      if (!conditional.embed) throw new Error('an elliptical slice block needs its conditional target to embed the block in the full position');
      const embed = conditional.embed;
      const current = valuesAt(bound, embed(position));
      // The block's prior as it stands, read with the block at its mean and at a draw: the means must agree, or a
      // variable's prior depends on another of the block, which the ellipse does not follow.
      const means: number[][] = [[], []];
      const at = (pass: number, pick: (dist: Distribution) => Real[]) =>
        scoreBlock(bound, inBlock, (vn, dist) => {
          if (!inBlock(vn)) return current.get(vn.name);
          if (!GAUSSIAN.has(dist.family)) throw new ModelError(`ESS needs a Gaussian prior (Normal, MvNormal or a GP's f(x)) on each variable of its block, but \`${vn.name}\` has a ${dist.family} prior: sample it with MH, PG, NUTS or HMC`, spanOf(bound, vn.name));
          means[pass]!.push(...meanOf(dist).map(value));
          return pick(dist);
        }).theta;
      const mean = at(0, meanOf);
      const draw = at(1, (dist) => interiorDraw(dist, rng));
      if (means[0]!.some((m, k) => m !== means[1]![k])) throw new ModelError(`ESS needs its block's Gaussian prior to depend only on variables outside the block (${names.join(', ')}): sample them with NUTS or MH`, spanOf(bound, names[0]!));
      const priorMean = Float64Array.from(indices, (i) => mean[i]!);
      const target: EllipticalTarget = {
        dimension: indices.length,
        priorMean,
        drawPriorDeviation: () => Float64Array.from(indices, (i, k) => draw[i]! - priorMean[k]!),
        loglikelihood: (theta) => {
          const values = valuesAt(bound, embed(theta));
          const scored = scoreBlock(bound, inBlock, (vn) => values.get(vn.name));
          return scored.logjoint - scored.logq;
        },
      };
      const { state, info } = ellipticalSlice.step(rng, ellipticalSlice.init(position, target));
      return { position: state.position, info };
    },
  };
}
