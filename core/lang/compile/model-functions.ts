import { JFunction, ModelError, ModelInstance, Submodel, describe, type Value } from '../../model/index.js';

/** Functions that only make sense in a model file: submodels. */
export const modelFunctions: ReadonlyMap<string, Value> = new Map<string, Value>([
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
