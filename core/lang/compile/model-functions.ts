import { JFunction, JSymbol, ModelError, ModelInstance, Submodel, describe, type Value } from '../../model/index.js';
import { variableValues } from '../runtime/index.js';

/** Functions that only make sense in a model file: submodels and conditioning. */
export const modelFunctions: ReadonlyMap<string, Value> = new Map<string, Value>([
  // DynamicPPL's condition(model, (; y = …)), condition(model, @varname(y) => …) and condition(model; y = …), as `model | (; y = …)`.
  ['condition', new JFunction('condition', (args, kwargs) => modelOf('condition', args).conditioned(givenValues('condition', args, kwargs)))],
  // DynamicPPL's fix: the variables become constants, whose density is not counted.
  ['fix', new JFunction('fix', (args, kwargs) => modelOf('fix', args).fixed(givenValues('fix', args, kwargs)))],
  ['decondition', new JFunction('decondition', (args) => modelOf('decondition', args).released('conditions', variableNames('decondition', args.slice(1))))],
  // Turing 0.42's opt-in for `~` inside `Threads.@threads`: Tilde runs those loops in order, so the model is as it was.
  ['setthreadsafe', new JFunction('setthreadsafe', (args) => modelOf('setthreadsafe', args))],
  ['unfix', new JFunction('unfix', (args) => modelOf('unfix', args).released('fixes', variableNames('unfix', args.slice(1))))],
  [
    'prefix',
    // DynamicPPL's prefix(model, :p): the model's variables are named `p.θ`, inside whatever prefix it runs under.
    new JFunction('prefix', (args) => {
      const [instance, name] = args;
      if (!(instance instanceof ModelInstance) || args.length !== 2) throw new ModelError(`prefix expects a model call and a name, as in \`prefix(inner(x), :p)\`, got ${describe(instance)}`, undefined);
      const p = prefixText(name!);
      return new ModelInstance(instance.name, (ctx, outer, given) => instance.run(ctx, outer ? `${outer}.${p}` : p, given), () => instance.args, instance.conditions, instance.fixes);
    }),
  ],
  [
    'to_submodel',
    new JFunction('to_submodel', (args, kwargs) => {
      const [instance, prefix] = args;
      // Julia would throw a MethodError; Tilde would otherwise drop the keyword and prefix anyway.
      if (kwargs.size > 0) throw new ModelError(`to_submodel takes no keywords (\`${[...kwargs.keys()].join('`, `')}\`): whether to prefix the names is its second argument, as in \`to_submodel(inner(x), false)\``, undefined);
      if (!(instance instanceof ModelInstance)) throw new ModelError(`to_submodel expects a model call such as \`inner(x)\`, got ${describe(instance)}`, undefined);
      if (prefix !== undefined && typeof prefix !== 'boolean') throw new ModelError('the second argument of to_submodel is true or false (whether to prefix the names)', undefined);
      return new Submodel(instance, prefix ?? true);
    }),
  ],
]);

function modelOf(name: string, args: Value[]): ModelInstance {
  const [model] = args;
  if (!(model instanceof ModelInstance)) throw new ModelError(`${name} expects a model call such as \`demo(x)\` first, got ${describe(model)}`, undefined);
  return model;
}

/** The values `condition(model, …)` and `fix(model, …)` give: named tuples, pairs, keywords, several of them. */
function givenValues(name: string, args: Value[], kwargs: Map<string, Value>): Map<string, Value> {
  const values = new Map(args.slice(1).flatMap((v) => [...variableValues(v, `\`${name}\``)]));
  for (const [key, v] of kwargs) values.set(key, v);
  return values;
}

/** The variables `decondition(model, :μ, @varname(x))` names; none for all. */
function variableNames(name: string, args: Value[]): string[] {
  return args.map((v) => {
    if (v instanceof JSymbol) return v.name;
    throw new ModelError(`${name} takes the names of variables, as in \`${name}(model, @varname(x))\` or \`${name}(model, :x)\`, got ${describe(v)}`, undefined);
  });
}

/** A prefix as DynamicPPL makes it, `Symbol(x)`: a Symbol's name, a string, an integer. */
function prefixText(v: Value): string {
  if (v instanceof JSymbol) return v.name;
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  throw new ModelError(`a submodel prefix is a Symbol or a string, as in \`:p\` or \`"p"\`, got ${describe(v)}`, undefined);
}
