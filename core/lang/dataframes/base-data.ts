import { JArray, JFunction, JType, MISSING, NOTHING, describe, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { fail } from '../runtime/errors.js';
import { isEqualKey, Pair } from '../runtime/index.js';
import { fn } from './define.js';
import { RegexValue } from './selectors.js';

const text = (name: string, v: Value | undefined): string => (typeof v === 'string' ? v : fail(`${name} takes a string, got ${v === undefined ? 'nothing' : describe(v)}`));
const vector = (name: string, v: Value | undefined): JArray => (v instanceof JArray ? v : fail(`${name} takes a vector, got ${v === undefined ? 'nothing' : describe(v)}`));

/** `parse(Float64, "1.5")`, `parse(Int, "3")`: the number a string writes, or Julia's error. */
function parsed([type, s]: Value[]): Value {
  const str = text('parse', s).trim();
  const name = type instanceof JType ? type.name : fail(`parse takes a type first, as in \`parse(Float64, s)\`, got ${describe(type as Value)}`);
  const n = str === '' ? NaN : Number(str);
  if (name === 'Int' || name === 'Int64') return Number.isInteger(n) && /^[+-]?\d+$/.test(str) ? n : fail(`parse(Int, ${JSON.stringify(str)}): not an integer`);
  if (name === 'Float64' || name === 'Float32' || name === 'Real') return !Number.isNaN(n) || /^[+-]?nan$/i.test(str) ? n : fail(`parse(Float64, ${JSON.stringify(str)}): not a number`);
  return fail(`parse reads Int and Float64 here, not ${name}`);
}

/** `replace(x, missing => 0.0, "a" => "b")`: a copy with the values replaced (by `isequal`); `replace(s, "a" => "b")` and `replace(s, r"\s+" => "_")` in a string. */
function replaced([x, ...pairs]: Value[]): Value {
  const swaps = pairs.map((p) => (p instanceof Pair ? p : fail(`replace takes pairs, as in \`replace(x, missing => 0.0)\`, got ${describe(p)}`)));
  if (typeof x === 'string') return swaps.reduce((s, p) => (p.first instanceof RegexValue ? s.replace(new RegExp(p.first.pattern, 'g'), () => text('replace', p.second)) : s.split(text('replace', p.first)).join(text('replace', p.second))), x);
  const values = (vector('replace', x).data as Value[]).map((v) => swaps.find((p) => isEqualKey(p.first, v))?.second ?? v);
  return JArray.vector(values, values.includes(MISSING) ? 'any' : values.every((v) => typeof v === 'number') ? 'float' : 'any');
}

/** Julia Base's functions a script recodes its table's columns with before the model (`indexin(df.county, counties)`). */
export const baseDataFunctions: [string, JFunction][] = [
  fn('parse', parsed),
  fn('replace', replaced),
  // `coalesce(x, 0.0)`, `coalesce.(df.height, 0.0)`: the first value that is not `missing`.
  fn('coalesce', (args) => args.find((v) => v !== MISSING) ?? MISSING),
  // `indexin(a, b)`: where each of `a` first stands in `b`, `nothing` where it does not.
  fn('indexin', ([a, b]) => {
    const within = vector('indexin', b).data as Value[];
    return JArray.vector((vector('indexin', a).data as Value[]).map((v) => {
      const k = within.findIndex((w) => isEqualKey(w, v));
      return k >= 0 ? k + 1 : NOTHING;
    }));
  }),
  fn('lowercase', ([s]) => text('lowercase', s).toLowerCase()),
  fn('uppercase', ([s]) => text('uppercase', s).toUpperCase()),
  fn('occursin', ([needle, haystack]) => (needle instanceof RegexValue ? needle.re.test(text('occursin', haystack)) : text('occursin', haystack).includes(text('occursin', needle)))),
  fn('startswith', ([s, prefix]) => text('startswith', s).startsWith(text('startswith', prefix))),
  fn('endswith', ([s, suffix]) => text('endswith', s).endsWith(text('endswith', suffix))),
  // `split(s)` at runs of spaces (no empty parts), `split(s, ",")` at each delimiter (empty parts kept), as Base splits.
  fn('split', ([s, delimiter]) => {
    const str = text('split', s);
    const parts = delimiter === undefined ? str.split(/\s+/).filter((p) => p !== '') : str.split(text('split', delimiter));
    return JArray.vector(parts);
  }),
  fn('strip', ([s]) => text('strip', s).trim()),
  // `join(names, ", ")`: each part as `string` writes it.
  fn('join', ([parts, delimiter]) => (vector('join', parts).data as Value[]).map((p) => builtins.get('string')!.call([p], new Map()) as string).join(delimiter === undefined ? '' : text('join', delimiter))),
];
