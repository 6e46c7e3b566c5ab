import { JFunction, ModelError, ModelInstance, Submodel, describe, type Value } from '../../model/index.js';
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
    'to_submodel',
    new JFunction('to_submodel', (args) => {
      const [instance, prefix] = args;
      if (!(instance instanceof ModelInstance)) throw new ModelError(`to_submodel expects a model call such as \`inner(x)\`, got ${describe(instance)}`, undefined);
      if (prefix !== undefined && typeof prefix !== 'boolean') throw new ModelError('the second argument of to_submodel is true or false (whether to prefix the names)', undefined);
      return new Submodel(instance, prefix ?? true);
    }),
  ],
]);
