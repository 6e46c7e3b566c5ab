import type { Rng } from '../rng/index.js';
import { JArray, JDict, JFunction, JNamedTuple, JSymbol, ModelError, describe, drawsBooleans, interiorDraw, isDistribution, listed, type BoundModel, type Value, type VarRecord } from '../model/index.js';
import type { Distribution } from '../dist/index.js';
import type { DensityTarget, GibbsBlock } from '../infer/gibbs/index.js';
import { isNamed } from './targets.js';

/** A variable's constrained value as the model holds it: a number (a Bool for a Bernoulli), or an array of its shape. */
function valueOf(v: VarRecord): Value {
  if (v.shape.length === 0) return drawsBooleans(v.family) ? v.value[0] === 1 : v.value[0]!;
  return new JArray(v.shape.slice(), Array.from(v.value), 'float');
}

/** The distributions `f` returned, by variable name: one for a block of one variable, else a named tuple or a Dict of Symbols. */
function distributionsOf(result: Value, names: readonly string[], fn: string): Map<string, Distribution> {
  if (isDistribution(result)) {
    if (names.length === 1) return new Map([[names[0]!, result]]);
    throw new ModelError(`GibbsConditional(${fn}) samples ${listed(names.map((n) => `\`${n}\``))}, so \`${fn}\` must return a distribution for each, as a named tuple \`(; ${names.map((n) => `${n} = …`).join(', ')})\`; it returned one ${result.family}`, undefined);
  }
  const pairs: [string, Value][] = [];
  if (result instanceof JNamedTuple) pairs.push(...result.entries);
  else if (result instanceof JDict) for (const { key, value } of result.entries.values()) pairs.push([key instanceof JSymbol ? key.name : String(key), value]);
  else throw new ModelError(`\`${fn}\` must return the conditional distribution of ${listed(names.map((n) => `\`${n}\``))} (a named tuple of them for several), got ${describe(result)}`, undefined);
  const out = new Map<string, Distribution>();
  for (const [name, d] of pairs) {
    if (!names.includes(name)) throw new ModelError(`\`${fn}\` returned a distribution for \`${name}\`, which its Gibbs block does not sample (it samples ${listed(names.map((n) => `\`${n}\``))})`, undefined);
    if (!isDistribution(d)) throw new ModelError(`\`${fn}\` returned ${describe(d)} for \`${name}\`, not a distribution`, undefined);
    out.set(name, d);
  }
  const missing = names.filter((n) => !out.has(n));
  if (missing.length > 0) throw new ModelError(`\`${fn}\` returned no distribution for ${listed(missing.map((n) => `\`${n}\``))}`, undefined);
  return out;
}

/**
 * Turing's `GibbsConditional(f)`: a Gibbs block drawn exactly from conditionals the user derived. `f` gets the
 * current values of every variable and the model's arguments (data) as a named tuple, read as `c.m` (Turing ≤ 0.35)
 * or `vnt[@varname(m)]` (0.41), and returns the block's conditional distribution, or a named tuple or Dict of them
 * for several variables. The draw is taken as it is: that it is the true conditional is the user's derivation,
 * which Tilde cannot check.
 */
export function conditionalBlock(bound: BoundModel, names: readonly string[], indices: readonly number[], fn: string): GibbsBlock<DensityTarget> {
  const f = bound.model.definedFunction?.(fn);
  if (!(f instanceof JFunction)) throw new ModelError(`GibbsConditional(${fn}): the file defines no function \`${fn}\` to give the conditional distribution of ${listed(names.map((n) => `\`${n}\``))}`, undefined);
  const blockNames = bound.variables.filter((v) => isNamed(v.name, names)).map((v) => v.name);
  return {
    indices: [...indices],
    update: (rng: Rng, position, conditional) => {
      if (!conditional.embed) throw new Error('a GibbsConditional block needs its conditional target to embed the block in the full position');
      const variables = bound.run(Array.from(conditional.embed(position)), true).variables;
      const values = new Map(variables.map((v) => [v.name, Array.from(v.value)]));
      // The data as the model sees it: the file's own call of the model (`inverse_gdemo([1.0, 2.0, 3.0])`) gives some.
      const data = [...(bound.model.scriptArguments ?? []), ...bound.args];
      const given = new JNamedTuple(new Map<string, Value>([...data, ...variables.map((v): [string, Value] => [v.name, valueOf(v)])]));
      const dists = distributionsOf(f.call([given], new Map()), blockNames, fn);
      for (const [name, d] of dists) {
        const draw = interiorDraw(d, rng).map(Number);
        const current = values.get(name)!;
        if (draw.length !== current.length) throw new ModelError(`\`${fn}\` gave \`${name}\` a ${d.family} of ${draw.length} values, but \`${name}\` has ${current.length}`, undefined);
        values.set(name, draw);
      }
      const { unconstrained } = bound.evaluateAt((vn) => values.get(vn.name));
      return { position: Float64Array.from(indices, (i) => unconstrained[i]!), info: {} };
    },
  };
}
