import { Rng } from '../rng/index.js';
import { JArray, MISSING, PredictContext, elementNames, type Model, type Value, type VarRecord } from '../model/index.js';
import { Chains } from '../chains/index.js';

/**
 * Turing's `predict(model, chain)`: for every draw of `chains`, the model runs with its parameters at
 * that draw and draws each `missing` argument (or element) from its distribution. Returns the predicted
 * variables as a `Chains` with the same chains and draws.
 */
export function predict(model: Model, args: ReadonlyMap<string, Value>, chains: Chains, seed: number): Chains {
  const n = chains.nDraws();
  let out: Chains | undefined;
  for (let c = 0; c < chains.nChains; c++) {
    const rng = Rng.seeded(seed).split(c);
    let rows: Float64Array | undefined;
    let names: string[] = [];
    for (let i = 0; i < n; i++) {
      const ctx = new PredictContext((_vn, elements) => {
        if (!elements.every((e) => chains.has(e))) return undefined;
        return elements.map((e) => chains.draws(e, c)[i]!);
      }, rng);
      model.run(ctx, args);
      // A set: a loop of `y[i] ~ …` draws a variable per observation.
      const drawn = new Set(ctx.drawn);
      const predicted = ctx.variables.filter((v) => drawn.has(v.name));
      if (!rows) {
        names = predicted.flatMap(namesOf);
        rows = new Float64Array(n * names.length);
      }
      let k = 0;
      for (const v of predicted) for (const x of v.value) rows[i * names.length + k++] = x;
    }
    out ??= new Chains({ parameters: names }, chains.nChains);
    out.append(c, { parameters: rows ?? new Float64Array(0) });
  }
  return out!;
}

function namesOf(v: VarRecord): string[] {
  return v.elements.length ? v.elements : elementNames(v.name, v.shape);
}

/**
 * A value with every element missing and the shape kept, of nested vectors too (for `y[i] ~ …` loops as well as `y ~ …`), frozen
 * as bound data is: what an argument becomes for `predict` to draw it whole. Of any element type, as
 * Turing's `Vector{Union{Missing, Float64}}`: integer data (`"y": [52, 61]`) takes the real draws of a
 * `Normal` likelihood.
 */
export function missingLike(v: Value | undefined): Value {
  if (!(v instanceof JArray)) return MISSING;
  // Ragged data's vectors keep their lengths: `length(y[g])` sizes what is drawn for group g.
  const missing = new JArray(v.shape.slice(), v.data.map((x) => (x instanceof JArray ? missingLike(x) : MISSING)), 'any');
  missing.frozen = true;
  return missing;
}
