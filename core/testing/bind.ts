import { prepare } from '../lang/index.js';
import { BoundModel } from '../model/index.js';
import { Rng } from '../rng/index.js';

/** A model source compiled and bound to its data, for tests that evaluate it in unconstrained space. */
export interface BoundSource {
  readonly bound: BoundModel;
  /** A draw from the prior, mapped to the unconstrained space: the same draw for the same seed. */
  priorDraw(seed: number): Float64Array;
  /** The index of the unconstrained coordinate with this name (`σ`, `β[2]`, `θ (unconstrained 1)`). */
  coordinate(name: string): number;
}

/** Compiles `source` (the last model of the file unless `modelName` is given) and binds the JSON `data`. */
export function bindSource(source: string, data?: string, modelName?: string): BoundSource {
  const prepared = prepare({ source, ...(data === undefined ? {} : { data: { text: data, format: 'json' as const } }), ...(modelName === undefined ? {} : { modelName }) });
  if (!prepared.ok) throw new Error(`the model does not compile:\n${prepared.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`);
  const { model, args } = prepared.value;
  const { bound } = BoundModel.discover(model, args, Rng.seeded(0));
  return {
    bound,
    priorDraw(seed) {
      const { prior } = BoundModel.discover(model, args, Rng.seeded(seed));
      const values = new Map(prior.variables.map((v) => [v.name, Array.from(v.value)]));
      return bound.evaluateAt((vn) => values.get(vn.name)).unconstrained;
    },
    coordinate(name) {
      const k = bound.coordinateNames.indexOf(name);
      if (k < 0) throw new Error(`no coordinate \`${name}\`; the model has ${bound.coordinateNames.join(', ')}`);
      return k;
    },
  };
}
