import { DataFrame, JArray, JFunction, JNamedTuple, JRange, JSymbol, JTuple, MISSING, describe, type ElementType, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { fail } from '../runtime/errors.js';
import { getIndex, Pair } from '../runtime/index.js';
import { columnOf, selectedNames, withColumns } from './columns.js';
import { frameMatrix } from './matrix.js';
import { BetweenIndex, ColsIndex, NotIndex } from './selectors.js';
import { baseDataFunctions } from './base-data.js';
import { categoricalFunctions } from './categorical.js';
import { inlineTable } from './sources.js';
import { ByRow, computedColumn, keptRows } from './transform.js';

const frameOf = (name: string, v: Value | undefined): DataFrame => (v instanceof DataFrame ? v : fail(`${name} takes a data frame, got ${v === undefined ? 'nothing' : describe(v)}`));

/** The columns several selectors name, in order, each once (`select(df, :a, Not(:a))` keeps `a` where first named). */
function namesOf(df: DataFrame, selectors: readonly Value[]): string[] {
  return [...new Set(selectors.flatMap((s) => (s instanceof Pair ? [] : selectedNames(df, s))))];
}

/**
 * `select(df, :a, :b => f => :c)`: the columns named, copied, and those computed from pairs, in the order written;
 * `transform` keeps every column first. A computed column replaces one of its name where it stood.
 */
function selecting(df: DataFrame, args: readonly Value[], keepAll: boolean): Map<string, JArray> {
  const out = new Map<string, JArray>();
  if (keepAll) for (const [n, c] of df.columns) out.set(n, c.copy());
  for (const a of args) {
    if (a instanceof Pair) {
      const [n, c] = computedColumn(df, a);
      out.set(n, c);
    } else for (const n of selectedNames(df, a)) if (!out.has(n)) out.set(n, columnOf(df, n).copy());
  }
  return out;
}

/** `select!(df, …)`, `transform!(df, …)`, `subset!`: the table changed in place to `columns`. */
function replaced(df: DataFrame, columns: ReadonlyMap<string, JArray>): DataFrame {
  df.columns.clear();
  for (const [n, c] of columns) df.columns.set(n, c);
  return df;
}

/** An element type that says what the kept values are, once `missing` is gone. */
function narrowed(values: readonly Value[], was: ElementType): ElementType {
  if (was !== 'any') return was;
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'int' : 'float';
  return 'any';
}

/** `dropmissing(df)`, `dropmissing(df, :y)`: the rows with no `missing` in those columns (all by default). */
function withoutMissing(df: DataFrame, selectors: readonly Value[]): DataFrame {
  const checked = (selectors.length === 0 ? [...df.columns.keys()] : namesOf(df, selectors)).map((n) => columnOf(df, n));
  const keep: number[] = [];
  for (let i = 0; i < df.nrow; i++) if (checked.every((c) => c.data[i] !== MISSING)) keep.push(i);
  const columns = new Map<string, JArray>();
  for (const [name, c] of df.columns) {
    const values = keep.map((i) => c.data[i] as Value);
    columns.set(name, JArray.vector(values, checked.includes(c) ? narrowed(values, c.eltype) : c.eltype));
  }
  return new DataFrame(columns);
}

/** A column built by `DataFrame(a = x, …)`: a vector as given, a single value repeated, as DataFrames broadcasts it. */
function builtColumn(name: string, v: Value, rows: number | undefined): JArray {
  if (v instanceof JArray && v.ndims === 1) return v.copy();
  const collected = builtins.get('collect')!.call([v], new Map());
  if (collected instanceof JArray && collected.ndims === 1) return collected;
  if (rows === undefined) return fail(`DataFrame: the column \`${name}\` must be a vector, got ${describe(v)}`);
  return JArray.vector(new Array<Value>(rows).fill(v), typeof v === 'number' ? 'float' : 'any');
}

/** A column's name as a script writes it: `:a` or `"a"`. */
const columnName = (v: Value): string => (v instanceof JSymbol ? v.name : typeof v === 'string' ? v : fail(`a column is named by a Symbol or a string, not ${describe(v)}`));

/**
 * `DataFrame(a = x, b = y)`, `DataFrame(; a, b)`, `DataFrame(:a => x, :b => y)` (Statistical Rethinking's scripts),
 * `DataFrame(nt)`, `DataFrame(df)` (a copy), `DataFrame(X, :auto)`.
 */
function makeFrame(args: Value[], kwargs: Map<string, Value>): DataFrame {
  if (args.length > 0 && args.every((a) => a instanceof Pair)) return makeFrame([], new Map(args.map((p) => [columnName((p as Pair).first), (p as Pair).second])));
  const [first, second] = args;
  if (first instanceof DataFrame) return withColumns(first, [...first.columns.keys()], true);
  if (first instanceof JArray && first.ndims === 2) {
    const [m, n] = first.shape as [number, number];
    const names = second instanceof JArray ? second.data.map((x) => (x instanceof JSymbol ? x.name : String(x))) : Array.from({ length: n }, (_, j) => `x${j + 1}`);
    return new DataFrame(new Map(names.map((name, j) => [name, new JArray([m], first.data.slice(j * m, (j + 1) * m), first.eltype)])));
  }
  const entries = first instanceof JNamedTuple ? [...first.entries] : first === undefined ? [...kwargs] : fail(`DataFrame cannot be made from ${describe(first)}: write \`DataFrame(a = x, b = y)\``);
  const vector = entries.find(([, v]) => v instanceof JArray || v instanceof JRange)?.[1] as JArray | JRange | undefined;
  const rows = vector?.length;
  const columns = new Map(entries.map(([name, v]) => [name, builtColumn(name, v, rows)]));
  const lengths = new Set([...columns.values()].map((c) => c.length));
  if (lengths.size > 1) fail(`DataFrame: the columns have different lengths (${[...columns].map(([name, c]) => `${name}: ${c.length}`).join(', ')})`);
  return new DataFrame(columns);
}

/** A built-in that a data frame gives its own meaning (`size(df)`), the library's for anything else. */
function orLibrary(name: string, onFrame: (df: DataFrame, rest: Value[]) => Value): [string, JFunction] {
  const library = builtins.get(name)!;
  return [name, new JFunction(name, (args, kwargs) => (args[0] instanceof DataFrame ? onFrame(args[0], args.slice(1)) : library.call(args, kwargs)))];
}

/** The rows of a table, each a named tuple of its cells (`r.Default` of `for r in eachrow(data)`). */
function rowsOf(df: DataFrame): JArray {
  const columns = [...df.columns];
  return JArray.vector(Array.from({ length: df.nrow }, (_, i) => new JNamedTuple(new Map(columns.map(([name, c]) => [name, c.data[i] as Value])))));
}

/** The rows of the table at these (1-based) indices, copied. */
function rowSubset(df: DataFrame, rows: JArray): DataFrame {
  return new DataFrame(new Map([...df.columns].map(([name, c]) => [name, getIndex(c, [rows]) as JArray])));
}

/** The rows `from` to `to` (1-based, inclusive) of the table, copied. */
function rowRange(df: DataFrame, from: number, to: number): DataFrame {
  return rowSubset(df, JArray.vector(Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k), 'int'));
}

const RANDOM_SPLIT = "splits the rows at random, and Tilde's generator would draw other rows than Julia's: split them in order (`splitobs(df; at = 0.7, shuffle = false)`), or split the table before loading it";

/**
 * MLUtils' `splitobs(df; at = 0.7, shuffle = false)`: the first `round(at · n)` rows, then the rest. A shuffled split is
 * refused with why, where other rows than the tutorial's would pass silently for its.
 */
function splitRows(args: Value[], kwargs: Map<string, Value>): Value {
  const df = frameOf('splitobs', args[0]);
  if (kwargs.get('shuffle') === true) fail(`\`splitobs(…; shuffle = true)\` ${RANDOM_SPLIT}`);
  const at = kwargs.get('at') ?? args[1] ?? 0.7;
  if (typeof at !== 'number' || at < 0 || at > 1) return fail(`splitobs: \`at\` must be a fraction between 0 and 1, got ${describe(at)}`);
  const first = Math.round(at * df.nrow);
  return new JTuple([rowRange(df, 1, first), rowRange(df, first + 1, df.nrow)]);
}

/** `vcat(df1, df2)`: the rows of one below the other's, columns matched by name (DataFrames' `cols = :setequal`). */
function stacked(first: DataFrame, rest: Value[]): DataFrame {
  const frames = [first, ...rest.map((r) => frameOf('vcat', r))];
  const names = [...first.columns.keys()];
  for (const df of frames) {
    const other = [...df.columns.keys()];
    if (other.length !== names.length || other.some((n) => !first.columns.has(n))) fail(`vcat: the data frames have different columns (${names.join(', ')} and ${other.join(', ')})`);
  }
  return new DataFrame(
    new Map(
      names.map((name) => {
        const parts = frames.map((df) => df.columns.get(name)!);
        const eltype = parts.every((c) => c.eltype === parts[0]!.eltype) ? parts[0]!.eltype : parts.every((c) => c.eltype === 'int' || c.eltype === 'float') ? 'float' : 'any';
        return [name, JArray.vector(parts.flatMap((c) => c.data), eltype)];
      }),
    ),
  );
}

/** StatisticalRethinking's `scale!(df, [:a, :b])`: adds `a_s`, `b_s`, each column standardised with the sample standard deviation. */
function scaled(args: Value[]): DataFrame {
  const [df, vars, ext] = args;
  const frame = frameOf('scale!', df);
  const suffix = typeof ext === 'string' ? ext : '_s';
  const zscore = builtins.get('zscore')!;
  for (const name of selectedNames(frame, vars instanceof JSymbol ? JArray.vector([vars]) : (vars ?? fail('scale! takes the columns to scale, as in `scale!(df, [:a, :b])`')))) {
    frame.columns.set(`${name}${suffix}`, zscore.call([columnOf(frame, name)], new Map()) as JArray);
  }
  return frame;
}

/** DataFrames' `filter(row -> row.age >= 18, df)` and `filter(:age => a -> a >= 18, df)`: the rows the test keeps. */
function filtered(test: Value, df: DataFrame): DataFrame {
  const call = (f: Value, x: Value): boolean => {
    const kept = f instanceof JFunction ? f.call([x], new Map()) : fail(`filter takes a function, got ${describe(f)}`);
    return typeof kept === 'boolean' ? kept : fail(`filter's test must give true or false, got ${describe(kept)}`);
  };
  const keep = test instanceof Pair ? columnOf(df, columnName(test.first)).data.map((x) => call(test.second, x as Value)) : rowsOf(df).data.map((row) => call(test, row as Value));
  const rows = JArray.vector(keep.flatMap((k, i) => (k ? [i + 1] : [])), 'int');
  return new DataFrame(new Map([...df.columns].map(([name, c]) => [name, getIndex(c, [rows]) as JArray])));
}

/** `rename(df, :a => :b, …)` and `rename(df, [:x, :y])`: the columns under new names, in their order. */
function renamed(df: DataFrame, how: Value[]): Map<string, JArray> {
  const names = [...df.columns.keys()];
  let next: string[];
  if (how.length === 1 && how[0] instanceof JArray) {
    next = how[0].data.map((n) => columnName(n as Value));
    if (next.length !== names.length) fail(`rename: ${next.length} names for the ${names.length} columns`);
  } else {
    const to = new Map(how.map((p) => (p instanceof Pair ? [columnName(p.first), columnName(p.second)] : fail('rename takes pairs, as in `rename(df, :old => :new)`'))));
    for (const old of to.keys()) columnOf(df, old);
    next = names.map((n) => to.get(n) ?? n);
  }
  return new Map(next.map((n, j) => [n, df.columns.get(names[j]!)!]));
}

const fn = (name: string, call: (args: Value[], kwargs: Map<string, Value>) => Value): [string, JFunction] => [name, new JFunction(name, call)];

const FRAME_FUNCTIONS: [string, JFunction][] = [
  fn('Not', (args) => new NotIndex(args)),
  fn('Between', (args) => (args.length === 2 ? new BetweenIndex(args[0]!, args[1]!) : fail('Between takes the first and the last column, as in `Between(:a, :d)`'))),
  fn('Cols', (args) => new ColsIndex(args)),
  // Every column: all but none.
  fn('All', () => new NotIndex([])),
  fn('DataFrame', makeFrame),
  fn('select', ([df, ...selectors]) => new DataFrame(selecting(frameOf('select', df), selectors, false))),
  fn('select!', ([df, ...selectors]) => replaced(frameOf('select!', df), selecting(frameOf('select!', df), selectors, false))),
  fn('transform', ([df, ...how]) => new DataFrame(selecting(frameOf('transform', df), how, true))),
  fn('transform!', ([df, ...how]) => replaced(frameOf('transform!', df), selecting(frameOf('transform!', df), how, true))),
  fn('ByRow', ([f]) => (f instanceof JFunction ? new ByRow(f) : fail(`ByRow takes a function, got ${describe(f)}`))),
  fn('subset', ([df, ...conditions]) => rowSubset(frameOf('subset', df), keptRows(frameOf('subset', df), conditions))),
  fn('subset!', ([df, ...conditions]) => replaced(frameOf('subset!', df), rowSubset(frameOf('subset!', df), keptRows(frameOf('subset!', df), conditions)).columns)),
  fn('dropmissing', ([df, ...selectors]) => withoutMissing(frameOf('dropmissing', df), selectors)),
  fn('dropmissing!', ([df, ...selectors]) => {
    const frame = frameOf('dropmissing!', df);
    const kept = withoutMissing(frame, selectors);
    for (const [name, c] of kept.columns) frame.columns.set(name, c);
    return frame;
  }),
  fn('nrow', ([df]) => frameOf('nrow', df).nrow),
  fn('ncol', ([df]) => frameOf('ncol', df).ncol),
  fn('names', ([df]) => JArray.vector([...frameOf('names', df).columns.keys()])),
  orLibrary('propertynames', (df) => JArray.vector([...df.columns.keys()].map((n) => JSymbol.of(n)))),
  orLibrary('size', (df, [d]) => (d === undefined ? new JTuple([df.nrow, df.ncol]) : d === 1 ? df.nrow : d === 2 ? df.ncol : 1)),
  fn('eachrow', ([df]) => rowsOf(frameOf('eachrow', df))),
  fn('splitobs', splitRows),
  ...['shuffleobs', 'stratifiedobs'].map((name) => fn(name, () => fail(`\`${name}\` ${RANDOM_SPLIT}`))),
  orLibrary('vcat', stacked),
  fn('scale!', scaled),
  fn('rename', ([df, ...how]) => new DataFrame(new Map([...renamed(frameOf('rename', df), how)].map(([n, c]) => [n, c.copy()])))),
  fn('rename!', ([df, ...how]) => {
    const frame = frameOf('rename!', df);
    const columns = renamed(frame, how);
    frame.columns.clear();
    for (const [n, c] of columns) frame.columns.set(n, c);
    return frame;
  }),
  ['filter', new JFunction('filter', (args, kwargs) => (args[1] instanceof DataFrame ? filtered(args[0]!, args[1]) : builtins.get('filter')!.call(args, kwargs)))],
  orLibrary('eachcol', (df) => JArray.vector([...df.columns.values()])),
  orLibrary('first', (df, [n]) => {
    const rows = JArray.vector(Array.from({ length: Math.min(typeof n === 'number' ? n : 1, df.nrow) }, (_, i) => i + 1), 'int');
    const head = new DataFrame(new Map([...df.columns].map(([name, c]) => [name, getIndex(c, [rows]) as JArray])));
    return n === undefined ? new JNamedTuple(new Map([...head.columns].map(([name, c]) => [name, c.data[0] as Value]))) : head;
  }),
];

/** Tables.jl's `Tables.matrix(df)`, as scripts write for `Matrix(df)`. */
const TABLES = new JNamedTuple(new Map([fn('matrix', ([df]) => frameMatrix(frameOf('Tables.matrix', df)))]));

/** DataFrames' functions a script's top-level lines call on its table; `DataFrames.select` reaches them too. */
export const frameFunctions: ReadonlyMap<string, Value> = new Map<string, Value>([...FRAME_FUNCTIONS, ['DataFrames', new JNamedTuple(new Map(FRAME_FUNCTIONS))], ['Tables', TABLES], inlineTable, ...categoricalFunctions, ...baseDataFunctions]);
