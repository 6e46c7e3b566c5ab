import { JArray, JTuple, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { isArrayValue, materialize, product } from '../runtime/shape.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';

/** Rearranging an array's elements: repeat, permutedims, dropdims. Elements are copied, never computed. */

function arrayArg(name: string, v: Value): JArray {
  if (!isArrayValue(v)) return fail(`${name} needs an array, got ${describe(v)}`);
  return materialize(v);
}

/** An integer or a tuple of them, one per dimension; missing dimensions count 1. */
function perDimension(name: string, what: string, v: Value | undefined): number[] {
  if (v === undefined) return [];
  const list = v instanceof JTuple ? v.items : isArrayValue(v) ? [...materialize(v).data] : [v];
  return list.map((x) => {
    const n = toInt(x as Value, `${name}: ${what}`);
    if (n < 0) fail(`${name}: ${what} cannot be negative, got ${n}`);
    return n;
  });
}

/**
 * repeat(A; inner, outer) — each element `inner[d]` times along d, then the whole `outer[d]` times — and
 * repeat(A, counts...), which is `outer`. The result has as many dimensions as the longest of the three.
 */
function repeat(a: JArray, inner: number[], outer: number[]): JArray {
  const ndims = Math.max(a.ndims, inner.length, outer.length);
  const src = Array.from({ length: ndims }, (_, d) => a.shape[d] ?? 1);
  const inn = Array.from({ length: ndims }, (_, d) => inner[d] ?? 1);
  const out = Array.from({ length: ndims }, (_, d) => src[d]! * inn[d]! * (outer[d] ?? 1));
  const data: Value[] = new Array(product(out));
  for (let k = 0; k < data.length; k++) {
    let rest = k;
    let offset = 0;
    let stride = 1;
    for (let d = 0; d < ndims; d++) {
      const i = rest % out[d]!;
      rest = Math.floor(rest / out[d]!);
      offset += Math.floor((i % (src[d]! * inn[d]!)) / inn[d]!) * stride;
      stride *= src[d]!;
    }
    data[k] = a.data[offset]!;
  }
  return new JArray(out, data, a.eltype);
}

/** permutedims of a matrix is its transpose without recursion; of a vector, the 1×n matrix. */
function permutedims(a: JArray, perm: number[] | undefined): JArray {
  if (a.ndims === 1) {
    if (perm !== undefined) fail('permutedims(v, perm) needs a matrix; permutedims(v) makes a 1×n matrix of a vector');
    return new JArray([1, a.length], a.data.slice(), a.eltype);
  }
  if (a.ndims !== 2) return fail(`permutedims supports vectors and matrices, got ${describe(a)}`);
  if (perm !== undefined && !(perm.length === 2 && ((perm[0] === 2 && perm[1] === 1) || (perm[0] === 1 && perm[1] === 2)))) {
    fail(`permutedims: (${perm.join(', ')}) is not a permutation of (1, 2)`);
  }
  const [r, c] = a.shape as [number, number];
  if (perm !== undefined && perm[0] === 1) return new JArray([r, c], a.data.slice(), a.eltype);
  const data: Value[] = new Array(r * c);
  for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) data[j + i * c] = a.data[i + j * r]!;
  return new JArray([c, r], data, a.eltype);
}

function dropdims(a: JArray, dims: number[]): JArray {
  for (const d of dims) {
    if (d < 1 || d > a.ndims) fail(`dropdims: dimension ${d} is out of range for ${describe(a)}`);
    if (a.shape[d - 1] !== 1) fail(`dropdims: dimension ${d} has length ${a.shape[d - 1]}, not 1 (ArgumentError)`);
  }
  return new JArray(
    a.shape.filter((_, d) => !dims.includes(d + 1)),
    a.data.slice(),
    a.eltype,
  );
}

export const layoutBuiltins: Builtin[] = [
  builtin('repeat(A, counts...) / repeat(A; inner, outer)', (args, kwargs) => {
    arity('repeat', args, 1, Infinity);
    allowKwargs('repeat', kwargs, ['inner', 'outer']);
    const a = arrayArg('repeat', arg(args, 0));
    if (args.length > 1 && (kwargs.has('inner') || kwargs.has('outer'))) fail('repeat takes counts or the keywords inner and outer, not both');
    const outer = args.length > 1 ? perDimension('repeat', 'a count', new JTuple(args.slice(1))) : perDimension('repeat', 'outer', kwargs.get('outer'));
    return repeat(a, perDimension('repeat', 'inner', kwargs.get('inner')), outer);
  }),
  builtin('permutedims(A) / permutedims(A, perm)', (args, kwargs) => {
    arity('permutedims', args, 1, 2);
    allowKwargs('permutedims', kwargs);
    return permutedims(arrayArg('permutedims', arg(args, 0)), args.length === 2 ? perDimension('permutedims', 'perm', arg(args, 1)) : undefined);
  }),
  builtin('dropdims(A; dims)', (args, kwargs) => {
    arity('dropdims', args, 1);
    allowKwargs('dropdims', kwargs, ['dims']);
    if (!kwargs.has('dims')) fail('dropdims needs the keyword dims, as in dropdims(A; dims = 2)');
    return dropdims(arrayArg('dropdims', arg(args, 0)), perDimension('dropdims', 'dims', kwargs.get('dims')));
  }),
];
