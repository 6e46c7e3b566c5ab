import type { Value } from '../../model/index.js';
import { isApprox } from '../runtime/approx.js';
import { isEqualKey } from '../runtime/compare.js';
import { allowKwargs, arity, builtin, type Builtin } from './define.js';
import { fixSecond, tolerance } from './operators.js';

/** Base's comparison functions that are no operator: isequal and isapprox, each with its one-argument Fix2 form. */

export const comparisonBuiltins: Builtin[] = [
  builtin('isequal(a, b) / isequal(x)', (args, kwargs) => {
    arity('isequal', args, 1, 2);
    allowKwargs('isequal', kwargs);
    return args.length === 1 ? fixSecond('isequal', args[0]!, isEqualKey) : isEqualKey(args[0]!, args[1]!);
  }),
  builtin('isapprox(a, b; atol, rtol, nans) / isapprox(x; …)', (args, kwargs) => {
    arity('isapprox', args, 1, 2);
    const tol = tolerance('isapprox', kwargs);
    const apply = (a: Value, b: Value): boolean => isApprox(a, b, tol);
    return args.length === 1 ? fixSecond('isapprox', args[0]!, apply) : apply(args[0]!, args[1]!);
  }),
];
