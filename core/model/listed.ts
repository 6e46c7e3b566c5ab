/** `a`, `a and b`, `a, b and c`: names in a message written as a sentence would list them. */
export function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
