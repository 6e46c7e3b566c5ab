import Papa from 'papaparse';
import { ChainStore } from '../store.js';
import { CsvError } from './error.js';
import type { Header } from './header.js';
import { countLines, eachLine } from './lines.js';
import { parseNumber, parseRow } from './number.js';

export interface Body {
  /** One store per chain, in order of first appearance; each holds the draw fields in file order. */
  readonly stores: ChainStore[];
  /** Comments below the header: CmdStan's adaptation and timing lines. */
  readonly comments: string[];
}

/**
 * Lines the quick way (`parseRow`) may refuse before every further line is read cell by cell: a refusal
 * costs a failed parse on top, and a file with a NaN column refuses on every line.
 */
const QUICK_REFUSALS = 100;

/** The rows after the header, parsed row by row: holding millions of cell strings at once costs more. */
export function readBody(text: string, header: Header, chainAt: number, fields: readonly number[]): Body {
  const { names } = header;
  const width = fields.length;
  const body = text.slice(header.bodyStart);
  const stores = new Map<number, ChainStore>();
  const comments: string[] = [];
  const row = new Float64Array(width);
  let label = NaN;
  let store: ChainStore | undefined;
  let error: CsvError | undefined;
  // Draw and iteration numbers are not kept, but checked like the rest.
  const indexColumns = names.map((_, j) => j).filter((j) => j !== chainAt && !fields.includes(j));

  /** Appends `row` to the chain's store. */
  const storeRow = (chain: number): void => {
    // Rows come chain after chain, so the last row's store is nearly always this one's.
    if (chain !== label || !store) {
      label = chain;
      store = stores.get(chain) ?? new ChainStore(width, 1024);
      stores.set(chain, store);
    }
    store.appendRow(row);
  };

  /** Parses one row's cells into its chain's store, or says which column is wrong and why. */
  const readCells = (cells: readonly string[]): [number, string] | undefined => {
    const noNumber = (j: number): [number, string] => [j + 1, `'${cells[j]}' in column '${names[j]}' is no number`];
    if (cells.length !== names.length) return [Math.min(cells.length, names.length) + 1, `expected ${names.length} fields as in the header, found ${cells.length}`];
    const chain = chainAt < 0 ? 0 : parseNumber(cells[chainAt]!);
    if (chain === undefined || !Number.isFinite(chain)) return [chainAt + 1, `chain '${cells[chainAt]}' is no number`];
    for (const j of indexColumns) if (parseNumber(cells[j]!) === undefined) return noNumber(j);
    for (let k = 0; k < width; k++) {
      const j = fields[k]!;
      const v = parseNumber(cells[j]!);
      if (v === undefined) return noNumber(j);
      row[k] = v;
    }
    storeRow(chain);
    return undefined;
  };

  /** A blank line, a comment or a row of cells starting at offset `start`; false once the row is in error. */
  const visit = (cells: readonly string[], start: number): boolean => {
    if (cells.length === 1 && cells[0]!.trim() === '') return true;
    if (cells[0]!.startsWith('#')) {
      comments.push(cells.join(','));
      return true;
    }
    const problem = readCells(cells);
    if (problem) error = new CsvError(header.bodyLine + countLines(body, 0, start), problem[0], problem[1]);
    return !problem;
  };

  /** Stores a row of plain decimals read all at once; false for any other line, to be read cell by cell. */
  const readQuick = (line: string): boolean => {
    const values = parseRow(line, names.length);
    if (values === undefined) return false;
    const chain = chainAt < 0 ? 0 : values[chainAt]!;
    if (!Number.isFinite(chain)) return false;
    for (let k = 0; k < width; k++) row[k] = values[fields[k]!]!;
    storeRow(chain);
    return true;
  };

  if (body.includes('"')) {
    let rowStart = 0;
    Papa.parse<string[]>(body, {
      delimiter: ',',
      newline: header.linebreak as Papa.ParseConfig['newline'],
      step: ({ data: cells, meta }, parser) => {
        const start = rowStart;
        rowStart = meta.cursor;
        if (!visit(cells, start)) parser.abort();
      },
    });
  } else {
    let refused = 0;
    eachLine(body, header.linebreak, (line, start) => {
      if (refused < QUICK_REFUSALS && !line.startsWith('#') && line.trim() !== '') {
        if (readQuick(line)) return true;
        refused++;
      }
      return visit(line.split(','), start);
    });
  }
  if (error) throw error;
  return { stores: [...stores.values()], comments };
}
