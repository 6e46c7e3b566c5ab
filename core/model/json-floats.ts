/**
 * The top-level keys of a JSON object whose value holds a number written as a float (`1.0`, `2e3`).
 * `JSON.parse` gives 1.0 and 1 alike, but a Julia user who writes `[1.0, 2.0]` means a `Vector{Float64}`:
 * `similar(x)` of it must take non-integers, as it would in Julia. Assumes `text` is valid JSON.
 */
export function keysWithFloatLiterals(text: string): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  let key: string | undefined;
  let lastString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = JSON.parse(text.slice(start, i + 1)) as string;
    } else if (c === ':' && depth === 1) {
      key = lastString;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const start = i;
      while (i + 1 < text.length && /[-+0-9.eE]/.test(text[i + 1]!)) i++;
      if (key !== undefined && depth >= 1 && /[.eE]/.test(text.slice(start, i + 1))) keys.add(key);
    }
  }
  return keys;
}
