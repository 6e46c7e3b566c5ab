/**
 * `θ[2]` → `θ`, `Σ[1, 2]` → `Σ`, `μ` → `μ`: core/chains' rule for variable names, restated because the
 * renderer may import only types from core.
 */
export function baseName(name: string): string {
  const open = name.indexOf('[');
  return open > 0 && name.endsWith(']') ? name.slice(0, open) : name;
}

/** The variables a query names: itself when it is one, else every element of that base name, else none. */
export function resolveParameter(variables: readonly string[], query: string): string[] {
  const name = query.trim();
  if (variables.includes(name)) return [name];
  return variables.filter((v) => baseName(v) === name);
}

/** What the picker offers: each base name that has elements, followed by its elements, in the run's order. */
export function pickerOptions(variables: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of variables) {
    const base = baseName(v);
    if (base !== v && !seen.has(base)) {
      seen.add(base);
      out.push(base);
    }
    out.push(v);
  }
  return out;
}
