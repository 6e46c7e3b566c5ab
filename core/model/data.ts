import Papa from 'papaparse';
import { keysWithFloatLiterals } from './json-floats.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import { DataFrame } from './data-frame.js';
import { JDate, JDateTime, MS_PER_DAY } from './date.js';
import { JArray, MISSING, type ElementType, type Value } from './values.js';

/** A problem with the data itself, naming the argument and, where it can, the element. */
export class DataError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

type Cell = number | boolean | typeof MISSING;

function elementType(cells: readonly (Value | undefined)[], floats: boolean): ElementType {
  if (cells.every((c) => typeof c === 'boolean')) return 'bool';
  if (!floats && cells.every((c) => typeof c === 'number' && Number.isInteger(c))) return 'int';
  if (cells.every((c) => typeof c === 'number')) return 'float';
  return 'any';
}

function cell(name: string, path: number[], v: unknown): Cell {
  if (v === null) return MISSING;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const where = path.length ? `\`${name}\`[${path.join(', ')}]` : `\`${name}\``;
  if (typeof v === 'string') throw new DataError(name, `data ${where} is the string ${JSON.stringify(v)}; the model needs numbers (use null for missing)`);
  throw new DataError(name, `data ${where} is ${Array.isArray(v) ? 'a nested array where a number belongs' : typeof v === 'object' ? 'a JSON object' : `a ${typeof v}`}; the model needs numbers`);
}

/**
 * The shape of equally nested arrays two or more levels deep with numbers (or null) at the bottom, `[2, 3, 4]` for
 * `v[i][j][k]`; undefined for ragged nesting or a single level.
 */
function regularShape(v: unknown[]): number[] | undefined {
  const shape: number[] = [];
  let level: unknown[] = v;
  while (level.length > 0 && Array.isArray(level[0])) {
    shape.push(level.length);
    level = level[0] as unknown[];
  }
  shape.push(level.length);
  if (shape.length < 2) return undefined;
  const regular = (x: unknown, depth: number): boolean =>
    depth === shape.length ? !Array.isArray(x) : Array.isArray(x) && x.length === shape[depth] && x.every((y) => regular(y, depth + 1));
  return regular(v, 0) ? shape : undefined;
}

/**
 * One JSON value as a model value: numbers, Bools, `null` as `missing`, arrays as vectors, equally nested arrays
 * as a matrix or a higher-dimensional array (`v[i][j][k]` is `A[i, j, k]`, rows are rows, stored column-major), and
 * rows of unequal length (grouped data) as vectors of arrays.
 */
function fromJson(name: string, v: unknown, floats: boolean, path: number[] = []): Value {
  if (!Array.isArray(v)) return cell(name, path, v);
  const shape = regularShape(v);
  if (shape !== undefined) {
    const data: Value[] = new Array(shape.reduce((a, b) => a * b, 1));
    const fill = (x: unknown, at: number[], offset: number, stride: number): void => {
      if (at.length === shape.length) {
        data[offset] = cell(name, [...path, ...at], x);
        return;
      }
      (x as unknown[]).forEach((y, i) => fill(y, [...at, i + 1], offset + i * stride, stride * shape[at.length]!));
    };
    fill(v, [], 0, 1);
    return freeze(new JArray(shape, data, elementType(data, floats)));
  }
  if (v.length > 0 && v.every((r) => Array.isArray(r))) {
    // Rows of unequal length: a vector of arrays, as Julia's Vector{Vector{Float64}}.
    return freeze(JArray.vector(v.map((r, i) => fromJson(name, r, floats, [...path, i + 1]))));
  }
  const data = v.map((c, i) => (Array.isArray(c) ? fromJson(name, c, floats, [...path, i + 1]) : cell(name, [...path, i + 1], c)));
  return freeze(JArray.vector(data, elementType(data, floats)));
}

function freeze(a: JArray): JArray {
  a.frozen = true;
  return a;
}

/** Data from a JSON object keyed by argument name. */
export function dataFromJson(text: string): Map<string, Value> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new DataError('', jsonSyntaxProblem(text, e as Error));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new DataError('', 'the data must be a JSON object whose keys are the model’s argument names');
  const out = new Map<string, Value>();
  const floats = keysWithFloatLiterals(text);
  for (const [k, v] of Object.entries(parsed)) out.set(k, fromJson(k, v, floats.has(k)));
  return out;
}

/** `X.1`, `X.2` or `X[1]`, `X[2]`: columns of one matrix argument. */
const MATRIX_COLUMN = /^(.+?)(?:\.(\d+)|\[(\d+)\])$/;

/** A CSV table's cells by column, in the header's order: numbers, Bools, `missing`, and text as written. */
interface CsvColumns {
  columns: Map<string, (Cell | string)[]>;
  /** As CSV.jl infers: a column with a cell written as a float (`1.0`, `2e3`, `NaN`) is Float64 throughout. */
  floats: ReadonlySet<string>;
  rows: number;
}

function csvColumns(text: string): CsvColumns {
  const result = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const rows = result.data;
  if (rows.length === 0) throw new DataError('', 'the CSV data is empty');
  const header = rows[0]!.map((h) => h.trim());
  const body = rows.slice(1);
  body.forEach((r, i) => {
    if (r.length !== header.length) throw new DataError('', `CSV line ${i + 2} has ${r.length} cells; the header has ${header.length}`);
  });
  const columns = new Map<string, (Cell | string)[]>();
  const floats = new Set<string>();
  header.forEach((h, j) => {
    columns.set(
      h,
      body.map((r) => {
        const s = r[j]!.trim();
        if (s === '' || s === 'NA' || s === 'missing') return MISSING;
        if (s === 'true' || s === 'false') return s === 'true';
        const n = Number(s);
        if (Number.isNaN(n) && s !== 'NaN') return s;
        if (/[.eEN]/.test(s)) floats.add(h);
        return n;
      }),
    );
  });
  return { columns, floats, rows: body.length };
}

/**
 * A CSV table as a script's `CSV.read(…, DataFrame)` reads it: each column a vector named by its header, text
 * columns kept (a script drops or recodes them before the model), `X.1, X.2` left as columns of their own.
 */
export function tableFromCsv(text: string): DataFrame {
  const { columns, floats } = csvColumns(text);
  const out = new Map<string, JArray>();
  for (const [h, column] of columns) out.set(h, JArray.vector(datesOf(column) ?? column, elementType(column, floats.has(h))));
  return new DataFrame(out);
}

/** A calendar date written `yyyy-mm-dd` (a day that exists), or a DateTime `yyyy-mm-ddTHH:MM:SS(.sss)`; else undefined. */
function isoDate(s: string): JDate | JDateTime | undefined {
  const found = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?)?$/.exec(s);
  if (found === null) return undefined;
  const [year, month, day, hour, minute, second] = found.slice(1, 7).map(Number) as number[];
  const d = JDate.of(year!, month!, day!);
  const back = d.civil;
  if (back.year !== year || back.month !== month || back.day !== day) return undefined;
  if (found[4] === undefined) return d;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const millisecond = found[7] === undefined ? 0 : Math.round(Number(`0.${found[7]}`) * 1000);
  return new JDateTime(d.days * MS_PER_DAY + ((hour! * 60 + minute!) * 60 + second!) * 1000 + millisecond);
}

/**
 * A text column whose every cell is an ISO date, as Dates, or an ISO date and time, as DateTimes: CSV.jl reads them
 * so, and scripts subtract its dates (`df.date .- df.date[1]`).
 */
function datesOf(column: readonly (Cell | string)[]): (Cell | JDate | JDateTime)[] | undefined {
  if (!column.some((c) => typeof c === 'string')) return undefined;
  const dates = column.map((c) => (c === MISSING ? c : typeof c === 'string' ? isoDate(c) : undefined));
  const kinds = new Set(dates.filter((d) => d !== MISSING).map((d) => d?.constructor));
  return dates.includes(undefined) || kinds.size !== 1 ? undefined : (dates as (Cell | JDate | JDateTime)[]);
}

/**
 * Data from a CSV table: each column a vector named by its header; columns `X.1, X.2, …` or
 * `X[1], X[2], …` form the matrix `X`. Empty cells and `NA`/`missing` are missing.
 */
export function dataFromCsv(text: string): Map<string, Value> {
  const { columns: cells, floats: floatColumns, rows } = csvColumns(text);
  const columns = new Map<string, Cell[]>();
  for (const [h, column] of cells) {
    const text = column.findIndex((c) => typeof c === 'string');
    if (text >= 0) throw new DataError(h, `CSV line ${text + 2}, column \`${h}\`: ${JSON.stringify(column[text])} is not a number`);
    columns.set(h, column as Cell[]);
  }
  const out = new Map<string, Value>();
  const matrices = new Map<string, { index: number; column: Cell[]; float: boolean }[]>();
  for (const [h, column] of columns) {
    const m = MATRIX_COLUMN.exec(h);
    if (m) {
      const list = matrices.get(m[1]!) ?? [];
      list.push({ index: Number(m[2] ?? m[3]), column, float: floatColumns.has(h) });
      matrices.set(m[1]!, list);
    } else out.set(h, freeze(JArray.vector(column, elementType(column, floatColumns.has(h)))));
  }
  for (const [name, cols] of matrices) {
    cols.sort((a, b) => a.index - b.index);
    cols.forEach((c, k) => {
      if (c.index !== k + 1) throw new DataError(name, `CSV columns for the matrix \`${name}\` must be numbered 1, 2, …; column ${k + 1} is missing`);
    });
    const data = cols.flatMap((c) => c.column);
    out.set(name, freeze(JArray.matrix(rows, cols.length, data, elementType(data, cols.some((c) => c.float)))));
  }
  return out;
}
