/** Arrays of numbers one after another in one Float64Array: batches of draws joined for one hand-over. */
export function concatenated(parts: readonly ArrayLike<number>[]): Float64Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Float64Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
