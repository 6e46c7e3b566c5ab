import { JArray, JDate, JDateTime, JRange, describe, type Value } from '../../model/index.js';
import { dateRangeOf } from '../runtime/dates.js';
import { fail } from '../runtime/errors.js';
import { toInt, toReal } from '../runtime/convert.js';
import { value } from '../../ad/index.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';

/**
 * range and LinRange. With a length, the n points from start to stop are stored (range's as
 * start + i·(stop − start)/(n − 1), close to Julia's twice-precision steps; LinRange's as its
 * (1 − t)·start + t·stop); with a step and a stop, range is the range start:step:stop.
 */

function number(name: string, what: string, v: Value): number {
  return value(toReal(v, `${name}: ${what}`));
}

/** n points from start to stop: LinRange's (1 − t)·start + t·stop with t = i / (n − 1), or range's start + i·(stop − start) / (n − 1). */
function evenlySpaced(start: number, stop: number, n: number, lerp: boolean): JArray {
  if (n === 1) return JArray.vector([start], 'float');
  const at = (i: number): number => {
    if (!lerp) return start + (i * (stop - start)) / (n - 1);
    const t = i / (n - 1);
    return (1 - t) * start + t * stop;
  };
  return JArray.vector(Array.from({ length: n }, (_, i) => at(i)), 'float');
}

function lengthOf(name: string, v: Value): number {
  const n = toInt(v, `${name}: length`);
  if (n < 0) fail(`${name}: length cannot be negative, got ${n}`);
  return n;
}

/** range(start, stop, length), range(start, stop; length or step), range(start; length, step or stop), range(; …). */
function range(args: Value[], kwargs: ReadonlyMap<string, Value>): Value {
  arity('range', args, 0, 3);
  allowKwargs('range', kwargs, ['start', 'stop', 'length', 'step']);
  const given = (pos: number, key: string): Value | undefined => args[pos] ?? kwargs.get(key);
  const startArg = given(0, 'start');
  const stopArg = given(1, 'stop');
  const lengthArg = given(2, 'length');
  const stepArg = kwargs.get('step');
  const count = [startArg, stopArg, lengthArg, stepArg].filter((v) => v !== undefined).length;
  if (count !== 3) fail('range needs exactly three of start, stop, length and step');
  if ([startArg, stopArg].some((v) => v instanceof JDate || v instanceof JDateTime)) return dateRangeOf(startArg, stopArg, lengthArg === undefined ? undefined : lengthOf('range', lengthArg), stepArg);
  if (lengthArg === undefined) return new JRange(number('range', 'start', startArg!), number('range', 'step', stepArg!), number('range', 'stop', stopArg!));
  const n = lengthOf('range', lengthArg);
  if (startArg !== undefined && stopArg !== undefined) return evenlySpaced(number('range', 'start', startArg), number('range', 'stop', stopArg), n, false);
  const step = number('range', 'step', stepArg!);
  const start = startArg === undefined ? number('range', 'stop', stopArg!) - (n - 1) * step : number('range', 'start', startArg);
  return JArray.vector(Array.from({ length: n }, (_, i) => start + i * step), 'float');
}

export const rangeBuiltins: Builtin[] = [
  builtin('range(start, stop, length) / range(start, stop; length, step)', range),
  builtin('LinRange(start, stop, length)', (args, kwargs) => {
    arity('LinRange', args, 3);
    allowKwargs('LinRange', kwargs);
    const [start, stop] = [number('LinRange', 'start', arg(args, 0)), number('LinRange', 'stop', arg(args, 1))];
    if (!Number.isFinite(start) || !Number.isFinite(stop)) fail(`LinRange needs finite ends, got ${describe(arg(args, 0))} and ${describe(arg(args, 1))}`);
    return evenlySpaced(start, stop, lengthOf('LinRange', arg(args, 2)), true);
  }),
];
