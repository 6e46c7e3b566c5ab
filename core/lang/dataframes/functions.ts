import { DataFrame, JArray, JFunction, JNamedTuple, JSymbol, JTuple, MISSING, describe, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { distributionFunctions } from '../distributions/index.js';
import { fail } from '../runtime/errors.js';
import { Pair } from '../runtime/index.js';
import { baseDataFunctions } from './base-data.js';
import { makeFrame, stacked } from './build.js';
import { categoricalFunctions } from './categorical.js';
import { columnName, columnOf, selectedNames } from './columns.js';
import { fn, frameOf } from './define.js';
import { FittedTransform, fittedTransformFunctions, scaledBy, scaledInPlace } from './fitted-transform.js';
import { combined, grouped, GroupedFrame, selectedByGroup, subsetByGroup } from './grouped.js';
import { frameMatrix } from './matrix.js';
import { joinFunctions } from './joins.js';
import { distinctRows, keptInPlace, metaFunctions, withColumns } from './meta.js';
import { longFormat, unstacked } from './reshape.js';
import { filtered, RANDOM_SPLIT, rowRange, rowsOf, rowSubset, sortedRows, splitRows, withoutMissing } from './rows.js';
import { BetweenIndex, ColsIndex, NotIndex, RegexValue } from './selectors.js';
import { inlineTable } from './sources.js';
import { AsTableSource, ByRow, computedColumns, keptRows, specsOf } from './transform.js';

/** The columns several selectors name, in order, each once (`dropmissing(df, :a, Not(:a))` checks `a` once); all when none. */
function namesOf(df: DataFrame, selectors: readonly Value[]): string[] {
  return selectors.length === 0 ? [...df.columns.keys()] : [...new Set(selectors.flatMap((s) => selectedNames(df, s)))];
}

/**
 * `select(df, :a, :b => f => :c)`: the columns named, copied, and those computed from pairs, in the order written;
 * `transform` keeps every column first. A computed column replaces one of its name where it stood.
 */
function selecting(df: DataFrame, args: readonly Value[], keepAll: boolean): Map<string, JArray> {
  const out = new Map<string, JArray>();
  if (keepAll) for (const [n, c] of df.columns) out.set(n, c.copy());
  for (const a of specsOf(args)) {
    if (a instanceof Pair) {
      for (const [n, c] of computedColumns(df, a)) out.set(n, c);
    } else for (const n of selectedNames(df, a)) if (!out.has(n)) out.set(n, columnOf(df, n).copy());
  }
  return out;
}

/** `select!(df, …)`, `transform!(df, …)`, `subset!`, `rename!`: the table changed in place to `columns`. */
function replaced(df: DataFrame, columns: ReadonlyMap<string, JArray>): DataFrame {
  const kept = [...columns];
  df.columns.clear();
  for (const [n, c] of kept) df.columns.set(n, c);
  return df;
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

/** StatisticalRethinking's `scale!(df, [:a, :b])`: adds `a_s`, `b_s`, each column standardised with the sample standard deviation. */
function scaled([df, vars, ext]: Value[]): DataFrame {
  const frame = frameOf('scale!', df);
  const suffix = typeof ext === 'string' ? ext : '_s';
  const zscore = builtins.get('zscore')!;
  for (const name of selectedNames(frame, vars instanceof JSymbol ? JArray.vector([vars]) : (vars ?? fail('scale! takes the columns to scale, as in `scale!(df, [:a, :b])`')))) {
    frame.columns.set(`${name}${suffix}`, zscore.call([columnOf(frame, name)], new Map()) as JArray);
  }
  return frame;
}

/** A built-in that a data frame gives its own meaning (`size(df)`), the library's for anything else. */
function orLibrary(name: string, onFrame: (df: DataFrame, rest: Value[], kwargs: Map<string, Value>) => Value, at = 0): [string, JFunction] {
  const library = builtins.get(name)!;
  return [name, new JFunction(name, (args, kwargs) => (args[at] instanceof DataFrame ? onFrame(args[at], args.filter((_, i) => i !== at), kwargs) : library.call(args, kwargs)))];
}

/** What a data frame tells of itself, which a model given one may ask too (`@model m(df)` reading `nrow(df)`). */
const READERS: [string, JFunction][] = [
  fn('nrow', ([df]) => frameOf('nrow', df).nrow),
  fn('ncol', ([df]) => frameOf('ncol', df).ncol),
  fn('names', ([df]) => JArray.vector([...frameOf('names', df).columns.keys()])),
  orLibrary('propertynames', (df) => JArray.vector([...df.columns.keys()].map((n) => JSymbol.of(n)))),
  orLibrary('size', (df, [d]) => (d === undefined ? new JTuple([df.nrow, df.ncol]) : d === 1 ? df.nrow : d === 2 ? df.ncol : 1)),
  withColumns,
];

/** The data frame's own functions, for a model's names as for the script's. */
export const frameReaders: ReadonlyMap<string, Value> = new Map(READERS);

const FRAME_FUNCTIONS: [string, JFunction][] = [
  ...READERS,
  fn('Not', (args) => new NotIndex(args)),
  fn('Between', (args) => (args.length === 2 ? new BetweenIndex(args[0]!, args[1]!) : fail('Between takes the first and the last column, as in `Between(:a, :d)`'))),
  fn('Cols', (args) => new ColsIndex(args)),
  // Every column: all but none.
  fn('All', () => new NotIndex([])),
  fn('DataFrame', makeFrame),
  fn('select', ([df, ...selectors]) => (df instanceof GroupedFrame ? selectedByGroup(df, selectors, false) : new DataFrame(selecting(frameOf('select', df), selectors, false)))),
  fn('select!', ([df, ...selectors]) => {
    if (df instanceof GroupedFrame) return replaced(df.parent, selectedByGroup(df, selectors, false).columns);
    return replaced(frameOf('select!', df), selecting(frameOf('select!', df), selectors, false));
  }),
  // DataFrames' on a table, StatsBase's with a fitted transform (`StatsBase.transform!(dt, X)`), else Bijectors' (`transform(b, x)`).
  fn('transform', (args, kwargs) => {
    const [df, ...how] = args;
    if (df instanceof FittedTransform) return scaledBy(df, how[0]);
    if (df instanceof GroupedFrame) return selectedByGroup(df, how, true);
    return df instanceof DataFrame ? new DataFrame(selecting(df, how, true)) : (distributionFunctions.get('transform') as JFunction).call(args, kwargs);
  }),
  fn('groupby', grouped),
  fn('combine', ([what, ...specs]) => combined(what!, specs)),
  fn('transform!', ([df, ...how]) => {
    if (df instanceof FittedTransform) return scaledInPlace(df, how[0]);
    // Of a grouped table: its parent changed, as DataFrames' `transform!(gdf, …)` changes it.
    if (df instanceof GroupedFrame) return replaced(df.parent, selectedByGroup(df, how, true).columns);
    return replaced(frameOf('transform!', df), selecting(frameOf('transform!', df), how, true));
  }),
  fn('ByRow', ([f]) => (f instanceof JFunction ? new ByRow(f) : fail(`ByRow takes a function, got ${describe(f)}`))),
  fn('subset', ([df, ...conditions], kwargs) => {
    const skipMissing = kwargs.get('skipmissing') === true;
    if (df instanceof GroupedFrame) return rowSubset(df.parent, subsetByGroup(df, conditions, skipMissing));
    return rowSubset(frameOf('subset', df), keptRows(frameOf('subset', df), conditions, skipMissing));
  }),
  fn('subset!', ([df, ...conditions], kwargs) => replaced(frameOf('subset!', df), rowSubset(frameOf('subset!', df), keptRows(frameOf('subset!', df), conditions, kwargs.get('skipmissing') === true)).columns)),
  // `completecases(df, :y)`: which rows have no `missing` in those columns (all by default), for `df[completecases(df), :]`.
  fn('completecases', ([df, ...selectors]) => {
    const frame = frameOf('completecases', df);
    const checked = namesOf(frame, selectors).map((n) => columnOf(frame, n));
    return JArray.vector(Array.from({ length: frame.nrow }, (_, i) => checked.every((c) => c.data[i] !== MISSING)), 'bool');
  }),
  fn('dropmissing', ([df, ...selectors]) => withoutMissing(frameOf('dropmissing', df), namesOf(frameOf('dropmissing', df), selectors))),
  fn('dropmissing!', ([df, ...selectors]) => replaced(frameOf('dropmissing!', df), withoutMissing(frameOf('dropmissing!', df), namesOf(frameOf('dropmissing!', df), selectors)).columns)),
  fn('rename', ([df, ...how]) => new DataFrame(new Map([...renamed(frameOf('rename', df), how)].map(([n, c]) => [n, c.copy()])))),
  fn('rename!', ([df, ...how]) => replaced(frameOf('rename!', df), renamed(frameOf('rename!', df), how))),
  fn('scale!', scaled),
  orLibrary('eachrow', (df) => rowsOf(df)),
  fn('splitobs', splitRows),
  ...['shuffleobs', 'stratifiedobs'].map((name) => fn(name, () => fail(`\`${name}\` ${RANDOM_SPLIT}`))),
  orLibrary('vcat', stacked),
  orLibrary('stack', longFormat),
  fn('unstack', unstacked),
  orLibrary('eachcol', (df) => JArray.vector([...df.columns.values()])),
  orLibrary('first', (df, [n]) => (n === undefined ? rowsOf(df).data[0]! : rowRange(df, 1, Math.min(typeof n === 'number' ? n : 1, df.nrow)))),
  orLibrary('last', (df, [n]) => (n === undefined ? rowsOf(df).data[df.nrow - 1]! : rowRange(df, Math.max(1, df.nrow - (typeof n === 'number' ? n : 1) + 1), df.nrow))),
  orLibrary('sort', (df, [by], kwargs) => sortedRows(df, by === undefined ? [...df.columns.keys()] : selectedNames(df, by), kwargs.get('rev') === true)),
  fn('sort!', ([x, by], kwargs) => {
    // A vector too, in place, as Base sorts it.
    if (x instanceof JArray && !x.frozen) {
      (builtins.get('sort')!.call([x], kwargs) as JArray).data.forEach((v, k) => (x.data[k] = v));
      return x;
    }
    const frame = frameOf('sort!', x);
    return replaced(frame, sortedRows(frame, by === undefined ? [...frame.columns.keys()] : selectedNames(frame, by), kwargs.get('rev') === true).columns);
  }),
  // `unique(df)`, `unique(df, :county)`: the rows whose values (in those columns) first appear.
  orLibrary('unique', (df, selectors) => rowSubset(df, distinctRows(df, selectors))),
  fn('unique!', ([df, ...selectors]) => keptInPlace(frameOf('unique!', df), distinctRows(frameOf('unique!', df), selectors))),
  // Missings.jl's `passmissing(f)`: `missing` when any argument is, else `f`'s value (DataFramesMeta's `@passmissing`).
  fn('passmissing', ([f]) => {
    const inner = f instanceof JFunction ? f : fail(`passmissing takes a function, got ${describe(f!)}`);
    return new JFunction(`passmissing(${inner.name})`, (args, kwargs) => (args.includes(MISSING) ? MISSING : inner.call(args, kwargs)));
  }),
  fn('Regex', ([pattern]) => {
    if (typeof pattern !== 'string') return fail(`Regex takes a string, got ${describe(pattern!)}`);
    try {
      return new RegexValue(pattern);
    } catch {
      return fail(`the regular expression r"${pattern}" does not parse here`);
    }
  }),
  fn('AsTable', ([selector]) => new AsTableSource(selector ?? fail('AsTable takes the columns, as in `AsTable([:a, :b])`'))),
  // `filter(f, df)`: the table is the second argument.
  orLibrary('filter', (df, [test]) => filtered(test!, df), 1),
];

/** Tables.jl's `Tables.matrix(df)`, as scripts write for `Matrix(df)`. */
const TABLES = new JNamedTuple(new Map([fn('matrix', ([df]) => frameMatrix(frameOf('Tables.matrix', df)))]));

/** DataFrames' functions a script's top-level lines call on its table; `DataFrames.select` reaches them too. */
export const frameFunctions: ReadonlyMap<string, Value> = new Map<string, Value>([...FRAME_FUNCTIONS, ['DataFrames', new JNamedTuple(new Map(FRAME_FUNCTIONS))], ['Tables', TABLES], inlineTable, ...categoricalFunctions, ...baseDataFunctions, ...fittedTransformFunctions, ...metaFunctions, ...joinFunctions]);
