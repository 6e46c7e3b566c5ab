import { CompiledTapeError } from '../../ad/index.js';
import { DistributionArgumentError } from '../../dist/index.js';
import { ArgumentDomainError, ModelError, type Span, type Value } from '../../model/index.js';
import { truthy } from '../runtime/index.js';
import { BoundsError, KeyError } from '../runtime/errors.js';

/**
 * Attaches a span to an error raised inside a construct. The innermost span wins: an error that
 * already knows where it happened keeps its place.
 */
export function located(e: unknown, span: Span): ModelError | CompiledTapeError {
  // Still a refusal of the compiled tape (a backend's, not the model's error), now with its place.
  if (e instanceof CompiledTapeError) {
    e.span ??= span;
    return e;
  }
  if (e instanceof ArgumentDomainError) return e.span ? e : new ArgumentDomainError(e.message, span);
  if (e instanceof ModelError) return e.span ? e : new ModelError(e.message, span, e.severity);
  if (e instanceof DistributionArgumentError) return new ArgumentDomainError(e.message, span);
  // Not a regular expression: compiling one with the stack spent throws a SyntaxError that hid the overflow.
  if (e instanceof RangeError && e.message.includes('call stack')) return new ModelError('the model recursed too deeply (is a function calling itself without end?)', span);
  if (e instanceof RangeError && ALLOCATION_FAILURES.some((m) => e.message.startsWith(m))) return new ModelError(`an array this large cannot be allocated (${e.message}): check the size this asks for`, span);
  const message = e instanceof Error ? e.message : String(e);
  return new ModelError(message, span);
}

/** What JavaScript says of an array past its length limit or beyond the memory: alone, it does not say that an array was asked for. */
const ALLOCATION_FAILURES = ['Invalid array length', 'Invalid typed array length', 'Array buffer allocation failed'];

/** Runs `f`, attaching `span` to whatever it throws. */
export function at<T>(span: Span, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw located(e, span);
  }
}

/** `located` for an error of reading `name[…]`: an index out of bounds names the array, which a loop over the wrong length reaches. */
export function locatedIndex(e: unknown, span: Span, name: string | undefined): ModelError | CompiledTapeError {
  return (e instanceof BoundsError || e instanceof KeyError) && name !== undefined ? new ModelError(e.of(name), span) : located(e, span);
}

/** Reads `name[…]` with `f`, as `locatedIndex` places its errors. */
export function atIndex<T>(span: Span, name: string | undefined, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw locatedIndex(e, span, name);
  }
}

/** A condition's truth value (Julia wants a Bool), with the condition's span on error. Hot: no closure. */
export function test(v: Value, span: Span): boolean {
  try {
    return truthy(v);
  } catch (e) {
    throw located(e, span);
  }
}
