import { ModelError, type BoundModel, type VarName } from '../model/index.js';

/**
 * Samplers that draw variables from their prior and weigh the draws by the rest of the joint (Turing's `MH()`
 * and `PG`) cannot use an improper prior: its `rand` only picks a starting point, so the chain would follow
 * that arbitrary distribution times the likelihood. Whether a prior is improper does not depend on the values,
 * so one evaluation at the model's first run tells.
 */
export function refuseImproperPriors(bound: BoundModel, sampler: string, drawn: (vn: VarName) => boolean): void {
  const values = new Map(bound.variables.map((v) => [v.name, Array.from(v.value)]));
  bound.evaluateAt((vn, dist) => {
    if (drawn(vn) && dist.improper) {
      const span = bound.variables.find((v) => v.name === vn.name)?.span;
      throw new ModelError(
        `${sampler} draws \`${vn.name}\` from its prior, but that prior (${dist.family}) is improper or has no \`rand\` method: its draws only pick a starting point, and weighing them by the likelihood would give a wrong posterior. Give \`${vn.name}\` a proper prior, or sample it in a Gibbs block of its own with NUTS or HMC`,
        span,
      );
    }
    return values.get(vn.name);
  });
}
