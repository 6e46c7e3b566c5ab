import { isAD, noteValueDependence } from '../../ad/index.js';
import type { Value } from '../../model/index.js';

/**
 * Tells a compiled reverse tape that a parameter's value decided something the tape cannot replay: a
 * comparison, a rounding, an index. `what` completes "… depends on a parameter's value" for the user.
 */
export function dependsOn(what: string, xs: readonly (Value | undefined)[]): void {
  for (const x of xs) if (isAD(x)) noteValueDependence(x, what);
}
