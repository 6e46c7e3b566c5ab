import { JNamedTuple, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { builtin, type Builtin } from './define.js';

/**
 * Julia's way of stopping with a message, as models use it to check their data
 * (`length(y) == n || throw(DimensionMismatch("…"))`): the message becomes the diagnostic.
 */

const EXCEPTIONS = ['DimensionMismatch', 'ArgumentError', 'DomainError', 'BoundsError', 'ErrorException', 'AssertionError'];

function text(v: Value | undefined): string {
  return typeof v === 'string' ? v : v === undefined ? '' : describe(v);
}

function exception(kind: string): Builtin {
  return builtin(`${kind}(msg)`, (args) => new JNamedTuple(new Map<string, Value>([['exception', kind], ['msg', args.map(text).join(' ')]])));
}

export const errorBuiltins: Builtin[] = [
  ...EXCEPTIONS.map(exception),
  builtin('error(msg...)', (args) => fail(args.map(text).join(''))),
  builtin('throw(exception)', (args) => {
    const e = args[0];
    if (e instanceof JNamedTuple && typeof e.entries.get('exception') === 'string') fail(`${String(e.entries.get('exception'))}: ${text(e.entries.get('msg'))}`);
    return fail(`the model threw ${text(e)}`);
  }),
];
