import type * as A from '../ast.js';
import { DataFrame, JFunction, tableFromCsv, type Value } from '../../model/index.js';
import { lineColumn } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { forEachChild } from '../compile/walk.js';
import { wholeLevelcodes } from './categorical.js';
import { rewritten } from './rewrite.js';

/** The name a table-reading call is compiled to: no identifier of the file can spell it. */
export const TABLE_SOURCE = '⟨data table⟩';

/** The name a read of a table the script writes out (`CSV.read(IOBuffer("""a,b …"""), DataFrame)`) is compiled to. */
const INLINE_TABLE = '⟨inline table⟩';

/** Reads a table written in the script: its own data, not the data panel's. */
export const inlineTable: [string, JFunction] = [
  INLINE_TABLE,
  new JFunction(INLINE_TABLE, ([text]) => {
    try {
      return tableFromCsv(text as string);
    } catch (e) {
      return fail(`the table written in the script cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }),
];

/** The text of `IOBuffer("…")`, a table the script writes out. */
function inlineText(e: A.Expr): string | undefined {
  if (e.kind !== 'call' || !isName(e.callee, 'IOBuffer') || e.args.length !== 1) return undefined;
  const [text] = e.args;
  return text!.kind === 'string' ? text!.value : undefined;
}

/** The data's table, read when a script first asks for it: most files read none, and a large CSV is parsed once already to bind it. */
export type DataTable = () => DataFrame | undefined;

/** The data's table, for a script that reads one: CSV data only (JSON has no table); unreadable CSV is reported by the binding. */
export function tableOf(data: { text: string; format: 'json' | 'csv' } | undefined): DataTable | undefined {
  if (data?.format !== 'csv') return undefined;
  let table: DataFrame | undefined | null = null;
  return () => {
    if (table !== null) return table;
    try {
      return (table = tableFromCsv(data.text));
    } catch {
      return (table = undefined);
    }
  };
}

const isName = (e: A.Expr, name: string): boolean => e.kind === 'ident' && e.name === name;
const isQualified = (e: A.Expr, module: string, name: string): boolean => e.kind === 'field' && e.name === name && isName(e.target, module);

/**
 * The arguments that say which table a call reads (`"kidiq.csv"` of `CSV.read("kidiq.csv", DataFrame; delim=';')`,
 * `"datasets", "mtcars"` of `dataset("datasets", "mtcars")`), for a call that reads one.
 */
function tableArguments(e: A.Expr, ownNames: ReadonlySet<string>): A.Expr[] | undefined {
  if (e.kind !== 'call' || e.broadcast) return undefined;
  const { callee, args } = e;
  if ((isQualified(callee, 'CSV', 'read') || isQualified(callee, 'CSV', 'File')) && args.length >= 1) return args.slice(0, 1);
  const rdatasets = isQualified(callee, 'RDatasets', 'dataset') || (isName(callee, 'dataset') && !ownNames.has('dataset'));
  return rdatasets && args.length === 2 ? args : undefined;
}

/** What the rewrite knows of the file: its text, its own function names, and its constants that are strings (`url = "https://…/kidiq.csv"`). */
interface Script {
  source: string;
  own: ReadonlySet<string>;
  strings: ReadonlyMap<string, string>;
}

/** The last string written in `e`, or named by a constant: the file of `sr_datadir("Howell1.csv")`, `joinpath(@__DIR__, "..", "Kline.csv")` or `HTTP.get(url).body`. */
function lastString(e: A.Expr, strings: ReadonlyMap<string, string>): string | undefined {
  if (e.kind === 'string') return e.value;
  if (e.kind === 'ident') return strings.get(e.name);
  let found: string | undefined;
  forEachChild(e, (c) => (found = lastString(c, strings) ?? found));
  return found;
}

/** What the user loads for the table a call reads: the file it names, else RDatasets' data set, else the call's argument. */
function whatToLoad(text: string, args: readonly A.Expr[], strings: ReadonlyMap<string, string>): string {
  const [pkg, name] = args.map((a) => lastString(a, strings));
  if (args.length === 2 && name !== undefined) return `RDatasets' \`${name}\` (of ${pkg ?? 'its package'}) as a CSV file in the data panel (or pass it with --data ${name}.csv)`;
  const file = lastString(args[0]!, strings)?.split('/').at(-1);
  if (file !== undefined && file !== '') return `${file} in the data panel (or pass it with --data ${file})`;
  return `the table it reads (\`${text}\`) as a CSV file in the data panel (or pass it with --data)`;
}

/** The call that reads the table, with what it reads as written (never run: `HTTP.get(url).body` fetches nothing here). */
function sourceCall(script: Script, e: A.Call, args: readonly A.Expr[]): A.Call {
  const inline = inlineText(args[0]!);
  if (inline !== undefined) return { ...e, callee: { kind: 'ident', name: INLINE_TABLE, span: e.callee.span }, args: [{ kind: 'string', value: inline, span: args[0]!.span }], kwargs: [] };
  const text = script.source.slice(args[0]!.span.from, args.at(-1)!.span.to);
  const str = (value: string): A.Expr => ({ kind: 'string', value, span: e.span });
  const what = [str(text), str(whatToLoad(text, args, script.strings)), { kind: 'number', value: lineColumn(script.source, e.span.from).line, isInteger: true, span: e.span } as A.Expr];
  return { ...e, callee: { kind: 'ident', name: TABLE_SOURCE, span: e.callee.span }, args: what, kwargs: [] };
}

/**
 * The program with its top-level lines' table reads (`df = CSV.read(…, DataFrame)`, `DataFrame(CSV.File(…))`,
 * `RDatasets.dataset("datasets", "mtcars")`) made reads of the data's one table, and their `levelcode.(x)` the codes
 * of the whole vector; in `name = …` lines and in the writes into the data frame (`df.idx = levelcode.(df.county)`).
 */
export function readingTheTable(source: string, program: A.Program): A.Program {
  const own = new Set(program.definitions.map((d) => d.name));
  const strings = new Map(program.globals.flatMap((g) => (g.target.kind === 'ident' && g.value.kind === 'string' ? [[g.target.name, g.value.value] as const] : [])));
  const script = { source, own, strings };
  const replace = (e: A.Expr): A.Expr | undefined => {
    const args = tableArguments(e, own);
    return args !== undefined && e.kind === 'call' ? sourceCall(script, e, args) : wholeLevelcodes(e, replace);
  };
  const assign = <T extends A.Stmt>(st: T): T => {
    if (st.kind !== 'assign') return st;
    const value = rewritten(st.value, replace);
    return value === st.value ? st : { ...st, value };
  };
  const globals = program.globals.map(assign);
  const mutations = program.mutations.map(assign);
  const same = globals.every((g, i) => g === program.globals[i]) && mutations.every((m, i) => m === program.mutations[i]);
  return same ? program : { ...program, globals, mutations };
}

/** The function the table reads call, and the table once one of them has given it. */
export interface TableReader {
  read: JFunction;
  readonly given: DataFrame | undefined;
}

/**
 * Reads the data's table as a script's `CSV.read` would, a fresh copy at each read (the script may change it); one
 * table only: a second source is refused, naming the line of the first; without a table, what to load.
 */
export function tableReader(data: DataTable | undefined): TableReader {
  let first: { text: string; line: number } | undefined;
  let given: DataFrame | undefined;
  const read = new JFunction('CSV.read', (args): Value => {
    const [text, load, line] = args as [string, string, number];
    if (first !== undefined && first.text !== text) {
      fail(`Tilde takes one data table: the one line ${first.line} reads (\`${first.text}\`) is the data loaded; this line reads another (\`${text}\`): join the two into one CSV file, or compute these columns in the script from the first`);
    }
    first ??= { text, line };
    const table = data?.();
    if (table === undefined) return fail(`the script reads its data table here, and no table is loaded: load ${load}`);
    given = table;
    return new DataFrame(new Map([...table.columns].map(([name, c]) => [name, c.copy()])));
  });
  return {
    read,
    get given() {
      return given;
    },
  };
}
