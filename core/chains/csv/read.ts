import Papa from 'papaparse';
import { Chains } from '../chains.js';
import { ChainStore } from '../store.js';
import type { ChainInfo } from '../info.js';
import { CsvError } from './error.js';
import { chainField, detectLayout, variablesOf, type CsvVariable } from './layout.js';
import { parseNumber } from './number.js';
import { readStanComments } from './stan-comments.js';

export interface ReadCsvOptions {
  /** Names or base names of generated quantities, which a wide or posterior CSV cannot mark itself. */
  readonly generated?: readonly string[];
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

interface Header {
  readonly comments: string[];
  readonly names: string[];
  readonly line: number;
  /** Offset and line where the draws begin. */
  readonly bodyStart: number;
  readonly bodyLine: number;
  readonly linebreak: string;
}

/** Leading comments (CmdStan's settings) and blank lines, then the header row as the CSV library reads it. */
function readHeader(text: string): Header {
  const comments: string[] = [];
  let pos = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf('\n', pos);
    const current = text.slice(pos, end === -1 ? text.length : end);
    if (!current.startsWith('#') && current.trim() !== '') break;
    if (current.startsWith('#')) comments.push(current.replace(/\r$/, ''));
    if (end === -1) throw new CsvError(line + 1, undefined, 'no header row after the comments');
    pos = end + 1;
    line++;
  }
  // Papa's fast mode misplaces the cursor after a preview, so the header is parsed the careful way.
  const head = Papa.parse<string[]>(text.slice(pos), { delimiter: ',', preview: 1, fastMode: false });
  const names = head.data[0]!;
  names.forEach((n, j) => {
    if (n.trim() === '') throw new CsvError(line, j + 1, 'a column has no name');
    const first = names.indexOf(n);
    if (first !== j) throw new CsvError(line, j + 1, `column '${n}' appears twice (also column ${first + 1})`);
  });
  const bodyStart = pos + head.meta.cursor;
  return { comments, names, line, bodyStart, bodyLine: line + countLines(text, pos, bodyStart), linebreak: head.meta.linebreak };
}

interface Body {
  /** One store per chain, in order of first appearance; each holds the draw fields in file order. */
  readonly stores: ChainStore[];
  /** Comments below the header: CmdStan's adaptation and timing lines. */
  readonly comments: string[];
}

/** The rows after the header, parsed row by row: holding millions of cell strings at once costs more. */
function readBody(text: string, header: Header, chainAt: number, fields: readonly number[]): Body {
  const { names } = header;
  const width = fields.length;
  const body = text.slice(header.bodyStart);
  const stores = new Map<number, ChainStore>();
  const comments: string[] = [];
  const row = new Float64Array(width);
  let label = NaN;
  let store: ChainStore | undefined;

  /** Parses one row into its chain's store, or says which column is wrong and why. */
  const readRow = (cells: readonly string[]): [number, string] | undefined => {
    if (cells.length !== names.length) return [Math.min(cells.length, names.length) + 1, `expected ${names.length} fields as in the header, found ${cells.length}`];
    const chain = chainAt < 0 ? 0 : parseNumber(cells[chainAt]!);
    if (chain === undefined || !Number.isFinite(chain)) return [chainAt + 1, `chain '${cells[chainAt]}' is no number`];
    for (let k = 0; k < width; k++) {
      const j = fields[k]!;
      const v = parseNumber(cells[j]!);
      if (v === undefined) return [j + 1, `'${cells[j]}' in column '${names[j]}' is no number`];
      row[k] = v;
    }
    // Rows come chain after chain, so the last row's store is nearly always this one's.
    if (chain !== label || !store) {
      label = chain;
      store = stores.get(chain) ?? new ChainStore(width, 1024);
      stores.set(chain, store);
    }
    store.appendRow(row);
    return undefined;
  };

  let rowStart = 0;
  let error: CsvError | undefined;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: header.linebreak as Papa.ParseConfig['newline'],
    fastMode: !body.includes('"'),
    step: ({ data: cells, meta }, parser) => {
      const start = rowStart;
      rowStart = meta.cursor;
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (cells[0]!.startsWith('#')) {
        comments.push(cells.join(','));
        return;
      }
      const problem = readRow(cells);
      if (problem) {
        error = new CsvError(header.bodyLine + countLines(body, 0, start), problem[0], problem[1]);
        parser.abort();
      }
    },
  });
  if (error) throw error;
  return { stores: [...stores.values()], comments };
}

/**
 * Draws from CSV text in any of the layouts of `CsvLayout`, detected from the header. A malformed file
 * (empty, ragged, a cell that is no number, no `chain` column) is a `CsvError` naming line and column.
 */
export function readDrawsCsv(text: string, options: ReadCsvOptions = {}): Chains {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CsvError(1, undefined, 'the file is empty');
  const header = readHeader(text);
  const layout = detectLayout(header.names, header.comments.length > 0, header.line);
  // Fields that hold draws; which of them are generated quantities is known only once comments are read.
  const fields = variablesOf(header.names, layout, []).map((v) => v.field);
  const body = readBody(text, header, chainField(header.names, layout), fields);

  const stan = layout === 'stan' ? readStanComments([...header.comments, ...body.comments]) : undefined;
  const variables = variablesOf(header.names, layout, [...(options.generated ?? []), ...(stan?.generated ?? [])]);
  const byKind = (kind: CsvVariable['kind']) => variables.filter((v) => v.kind === kind);
  const ordered = [...byKind('parameter'), ...byKind('generated'), ...byKind('stat')];
  // A CmdStan file is one chain, even without draws.
  const stores = layout === 'stan' && body.stores.length === 0 ? [new ChainStore(fields.length)] : body.stores;
  const infos: ChainInfo[] = stores.map(() => ({ ...stan?.info }));
  const names = (kind: CsvVariable['kind']) => byKind(kind).map((v) => v.name);
  const chains = new Chains({ parameters: names('parameter'), generated: names('generated'), stats: names('stat') }, infos);
  const slot = new Map(fields.map((field, k) => [field, k]));
  stores.forEach((s, c) => chains.appendColumns(c, ordered.map((v) => s.column(slot.get(v.field)!))));
  return chains;
}
