import { JArray, JNamedTuple, JType, NOTHING, describe, type JFunction, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { fail } from '../runtime/errors.js';
import { broadcastBinary } from '../runtime/index.js';
import { fn } from './define.js';

/**
 * StatsBase's `fit(ZScoreTransform, X; dims = 1)` (fields `mean` and `scale`, the corrected standard deviation) and
 * `fit(UnitRangeTransform, X; dims = 1)` (`min` and `scale`, the range), which the Turing tutorials fit on the training
 * rows and apply with `transform!` to them and to the test rows.
 */
export class FittedTransform extends JNamedTuple {
  constructor(
    readonly offset: Value,
    readonly scale: Value,
    kind: 'ZScoreTransform' | 'UnitRangeTransform',
  ) {
    super(new Map([[kind === 'ZScoreTransform' ? 'mean' : 'min', offset], ['scale', scale]]));
  }
}

const call = (name: string, args: Value[], kwargs: Map<string, Value> = new Map()): Value => builtins.get(name)!.call(args, kwargs);

function fitted([type, x]: Value[], kwargs: Map<string, Value>): FittedTransform {
  const kind = type instanceof JType ? type.name : undefined;
  if (kind !== 'ZScoreTransform' && kind !== 'UnitRangeTransform') return fail(`fit takes ZScoreTransform or UnitRangeTransform here, got ${describe(type as Value)}`);
  if (!(x instanceof JArray)) return fail(`fit(${kind}, X) takes a vector or a matrix, got ${describe(x as Value)}`);
  const dims = kwargs.get('dims');
  if (x.ndims === 2 && (dims === undefined || dims === NOTHING)) fail(`fit(${kind}, X) of a matrix needs \`dims = 1\` (each column a variable) or \`dims = 2\``);
  const along = x.ndims === 2 ? new Map([['dims', dims!]]) : new Map<string, Value>();
  if (kind === 'ZScoreTransform') return new FittedTransform(call('mean', [x], along), call('std', [x], along), kind);
  const lo = call('minimum', [x], along);
  return new FittedTransform(lo, broadcastBinary('-', call('maximum', [x], along), lo), kind);
}

/** `transform(t, X)`: the data scaled as `t` was fitted, (X - mean) / scale. */
export const scaledBy = (t: FittedTransform, x: Value | undefined): Value => broadcastBinary('/', broadcastBinary('-', x ?? fail('transform takes the data to scale'), t.offset), t.scale);

/** `transform!(t, X)`: X scaled in place, as the tutorials scale their training and test matrices. */
export function scaledInPlace(t: FittedTransform, x: Value | undefined): Value {
  if (!(x instanceof JArray) || x.frozen) return fail(`transform! writes into a vector or a matrix of the script, got ${x === undefined ? 'nothing' : describe(x)}`);
  const out = scaledBy(t, x) as JArray;
  out.data.forEach((v, k) => (x.data[k] = v));
  return x;
}

/** StatsBase's `fit` and `reconstruct` (`transform` and `transform!` share their names with DataFrames', functions.ts). */
export const fittedTransformFunctions: [string, JFunction][] = [
  fn('fit', fitted),
  fn('reconstruct', ([t, y]) => {
    if (!(t instanceof FittedTransform)) return fail(`reconstruct takes a transform made by \`fit(ZScoreTransform, X; dims = 1)\`, got ${t === undefined ? 'nothing' : describe(t)}`);
    return broadcastBinary('+', broadcastBinary('*', y ?? fail('reconstruct takes the data to scale back'), t.scale), t.offset);
  }),
];
