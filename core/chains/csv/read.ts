import Papa from 'papaparse';
import { Chains } from '../chains.js';
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

/** Growable row-major draws of one chain. */
class RowBuffer {
  data: Float64Array;
  rows = 0;

  constructor(readonly width: number) {
    this.data = new Float64Array(Math.max(1, width) * 256);
  }

  /** Offset of a new row. */
  nextRow(): number {
    if ((this.rows + 1) * this.width > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return this.rows++ * this.width;
  }

  column(k: number): Float64Array {
    const col = new Float64Array(this.rows);
    for (let d = 0; d < this.rows; d++) col[d] = this.data[d * this.width + k]!;
    return col;
  }
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

/**
 * Draws from CSV text in any of the layouts of `CsvLayout`, detected from the header. A malformed file
 * (empty, ragged, a cell that is no number, no `chain` column) is a `CsvError` naming line and column.
 */
export function readDrawsCsv(text: string, options: ReadCsvOptions = {}): Chains {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CsvError(1, undefined, 'the file is empty');
  const header = readHeader(text);
  const { names } = header;
  const layout = detectLayout(names, header.comments.length > 0, header.line);
  const chainAt = chainField(names, layout);
  // Fields that hold draws; which of them are generated quantities is known only once comments are read.
  const fields = variablesOf(names, layout, []).map((v) => v.field);
  const width = fields.length;

  const body = text.slice(header.bodyStart);
  const comments = [...header.comments];
  const buffers = new Map<number, RowBuffer>();
  let rowStart = 0;
  let error: CsvError | undefined;
  // Row by row: holding millions of cell strings at once would cost more than parsing them.
  Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: header.linebreak as Papa.ParseConfig['newline'],
    fastMode: !body.includes('"'),
    step: ({ data: cells, meta }, parser) => {
      const start = rowStart;
      rowStart = meta.cursor;
      const fail = (column: number, reason: string) => {
        error = new CsvError(header.bodyLine + countLines(body, 0, start), column, reason);
        parser.abort();
      };
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (cells[0]!.startsWith('#')) {
        // CmdStan writes adaptation and timing comments below the header too.
        comments.push(cells.join(','));
        return;
      }
      if (cells.length !== names.length) {
        return fail(Math.min(cells.length, names.length) + 1, `expected ${names.length} fields as in the header, found ${cells.length}`);
      }
      let label = 0;
      if (chainAt >= 0) {
        const v = parseNumber(cells[chainAt]!);
        if (v === undefined || !Number.isFinite(v)) return fail(chainAt + 1, `chain '${cells[chainAt]}' is no number`);
        label = v;
      }
      let buffer = buffers.get(label);
      if (!buffer) {
        buffer = new RowBuffer(width);
        buffers.set(label, buffer);
      }
      const at = buffer.nextRow();
      const data = buffer.data;
      for (let k = 0; k < width; k++) {
        const j = fields[k]!;
        const v = parseNumber(cells[j]!);
        if (v === undefined) return fail(j + 1, `'${cells[j]}' in column '${names[j]}' is no number`);
        data[at + k] = v;
      }
    },
  });
  if (error) throw error;

  const stan = layout === 'stan' ? readStanComments(comments) : undefined;
  const variables = variablesOf(names, layout, [...(options.generated ?? []), ...(stan?.generated ?? [])]);
  const byKind = (kind: CsvVariable['kind']) => variables.filter((v) => v.kind === kind);
  const ordered = [...byKind('parameter'), ...byKind('generated'), ...byKind('stat')];
  const chainBuffers = layout === 'stan' ? [buffers.get(0) ?? new RowBuffer(width)] : [...buffers.values()];
  const infos: ChainInfo[] = chainBuffers.map(() => ({ ...stan?.info }));
  const layoutNames = (kind: CsvVariable['kind']) => byKind(kind).map((v) => v.name);
  const chains = new Chains({ parameters: layoutNames('parameter'), generated: layoutNames('generated'), stats: layoutNames('stat') }, infos);
  const slot = new Map(fields.map((field, k) => [field, k]));
  chainBuffers.forEach((b, c) => chains.appendColumns(c, ordered.map((v) => b.column(slot.get(v.field)!))));
  return chains;
}
