import { value } from '../../ad/index.js';
import { JDate, JDateTime, JPeriod, JType, MISSING, PERIOD_UNITS, describe, type PeriodUnit, type Value } from '../../model/index.js';
import { roundedDate } from '../runtime/date-rounding.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { elementTypeOf, namedType } from '../runtime/types.js';
import { allowKwargs, arity, builtin, type Builtin } from './define.js';
import { scalarArg } from './scalar.js';
import { dependsOn } from '../runtime/dependence.js';

/**
 * floor, ceil, round, trunc: `f(x)`, `f(Int, x)` and `round(x; digits = d)`. The results are
 * piecewise constant, so they are plain numbers whatever the input.
 */

/** Julia rounds halves to even (`round(2.5) == 2`). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function rounding(name: string, f: (x: number) => number): Builtin {
  return builtin(`${name}(x) / ${name}(Int, x)`, (args, kwargs) => {
    arity(name, args, 1, 2);
    allowKwargs(name, kwargs, ['digits']);
    const [x0, period] = args;
    // Dates' `floor(dt, Hour)`, `round(dt, Minute(15))`: the period as a type (one of it) or a value.
    if ((x0 instanceof JDate || x0 instanceof JDateTime) && period !== undefined) {
      const by = period instanceof JPeriod ? period : namedType(period) !== undefined && (PERIOD_UNITS as readonly string[]).includes(namedType(period)!.name) ? new JPeriod(namedType(period)!.name as PeriodUnit, 1) : fail(`${name}(d, p) of a date takes a period, as in \`${name}(d, Month)\`, got ${describe(period)}`);
      return roundedDate(name === 'trunc' ? 'floor' : (name as 'floor' | 'ceil' | 'round'), x0, by);
    }
    let target: JType | undefined;
    let x: Value = args[0]!;
    if (args.length === 2) {
      if (!(args[0] instanceof JType)) fail(`${name}(T, x) needs a type first, got ${describe(args[0]!)}`);
      target = args[0];
      x = args[1]!;
    }
    const r = scalarArg(name, x);
    if (r === undefined) return MISSING;
    dependsOn(`\`${name}\``, [r]);
    const digits = kwargs.get('digits');
    const scale = digits === undefined ? 1 : Math.pow(10, toInt(digits, `${name}: digits`));
    const out = f(value(r) * scale) / scale;
    if (target !== undefined && elementTypeOf(target) === 'int' && !Number.isFinite(out)) {
      fail(`${name}(${target.toString()}, ${value(r)}): the result is not finite (InexactError)`);
    }
    return out;
  });
}

export const roundingBuiltins: Builtin[] = [rounding('floor', Math.floor), rounding('ceil', Math.ceil), rounding('round', roundHalfEven), rounding('trunc', Math.trunc)];
