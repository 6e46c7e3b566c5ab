/**
 * A random variable's name as Turing prints it (`m`, `x[3]`, `y[:, 2]`, `a.β`) together with the
 * names of its scalar elements in chains (`β[1]`, `Σ[2, 1]`, column-major, 1-based).
 */
export interface VarName {
  name: string;
  /** One name per scalar element, in column-major order; omitted when derived from `name` and the shape. */
  elements?: string[];
}

/** Element names of a whole variable with the given shape: `x` (scalar), `β[1]`…, `Σ[1, 1]`, `Σ[2, 1]`… */
export function elementNames(name: string, shape: readonly number[]): string[] {
  if (shape.length === 0) return [name];
  const total = shape.reduce((a, b) => a * b, 1);
  const out: string[] = new Array(total);
  const idx = new Array<number>(shape.length).fill(1);
  for (let k = 0; k < total; k++) {
    out[k] = `${name}[${idx.join(', ')}]`;
    for (let d = 0; d < shape.length; d++) {
      if (idx[d]! < shape[d]!) {
        idx[d]!++;
        break;
      }
      idx[d] = 1;
    }
  }
  return out;
}

export function withPrefix(prefix: string, vn: VarName): VarName {
  if (prefix === '') return vn;
  return { name: `${prefix}.${vn.name}`, ...(vn.elements ? { elements: vn.elements.map((e) => `${prefix}.${e}`) } : {}) };
}
