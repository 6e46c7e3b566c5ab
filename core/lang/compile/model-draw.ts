import type { Real } from '../../ad/index.js';
import type { Distribution } from '../../dist/index.js';
import { JNamedTuple, PriorContext, fromFlat, type ModelInstance, type Span, type Value, type VarName } from '../../model/index.js';
import type { Rng } from '../../rng/index.js';

/** A prior draw that keeps each variable's value as the model holds it (a Bool for a Bernoulli, a matrix for a matrix). */
class Recorded extends PriorContext {
  readonly values = new Map<string, Value>();

  override assume(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    const x = super.assume(vn, dist, span);
    this.values.set(vn.name, fromFlat(dist, x));
    return x;
  }
}

/**
 * DynamicPPL's `rand(model)` in a script's lines: one draw of the model's random variables from their prior, those it
 * conditions (`rand(regress(x) | true_params)`, as Pathfinder's docs simulate their data) held at their values, as a
 * named tuple by variable name (`y`, `z[1]`), which `[@varname(y)]`, `.y` and `(; x) = …` read.
 */
export function drawFromModel(instance: ModelInstance, rng: Rng): JNamedTuple {
  const ctx = new Recorded(rng);
  instance.run(ctx, '', { conditioned: instance.conditions, fixed: instance.fixes });
  return new JNamedTuple(ctx.values);
}
