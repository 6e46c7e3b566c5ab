import { JFunction, JSymbol, ModelError, ModelInstance, Submodel, describe, type Value } from '../../model/index.js';
import { conditionModel } from '../runtime/index.js';

/** Functions that only make sense in a model file: submodels and conditioning. */
export const modelFunctions: ReadonlyMap<string, Value> = new Map<string, Value>([
  [
    'condition',
    // DynamicPPL's condition(model, (; y = …)) and condition(model; y = …), as `model | (; y = …)`.
    new JFunction('condition', (args, kwargs) => {
      const [model, values] = args;
      if (!(model instanceof ModelInstance)) throw new ModelError(`condition expects a model call such as \`demo(x)\` first, got ${describe(model)}`, undefined);
      const conditioned = values === undefined ? model : conditionModel(model, values);
      return kwargs.size > 0 ? conditioned.conditioned(kwargs) : conditioned;
    }),
  ],
  [
    'prefix',
    // DynamicPPL's prefix(model, :p): the model's variables are named `p.θ`, inside whatever prefix it runs under.
    new JFunction('prefix', (args) => {
      const [instance, name] = args;
      if (!(instance instanceof ModelInstance) || args.length !== 2) throw new ModelError(`prefix expects a model call and a name, as in \`prefix(inner(x), :p)\`, got ${describe(instance)}`, undefined);
      const p = prefixText(name!);
      return new ModelInstance(instance.name, (ctx, outer) => instance.run(ctx, outer ? `${outer}.${p}` : p), () => instance.args, instance.conditions);
    }),
  ],
  [
    'to_submodel',
    new JFunction('to_submodel', (args) => {
      const [instance, prefix] = args;
      if (!(instance instanceof ModelInstance)) throw new ModelError(`to_submodel expects a model call such as \`inner(x)\`, got ${describe(instance)}`, undefined);
      if (prefix !== undefined && typeof prefix !== 'boolean') throw new ModelError('the second argument of to_submodel is true or false (whether to prefix the names)', undefined);
      return new Submodel(instance, prefix ?? true);
    }),
  ],
]);

/** A prefix as DynamicPPL makes it, `Symbol(x)`: a Symbol's name, a string, an integer. */
function prefixText(v: Value): string {
  if (v instanceof JSymbol) return v.name;
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  throw new ModelError(`a submodel prefix is a Symbol or a string, as in \`:p\` or \`"p"\`, got ${describe(v)}`, undefined);
}
