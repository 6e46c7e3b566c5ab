import Papa from 'papaparse';
import { CsvError } from './error.js';
import { countLines } from './lines.js';

/** What comes before the draws. */
export interface Header {
  readonly comments: string[];
  readonly names: string[];
  readonly line: number;
  /** Offset and line where the draws begin. */
  readonly bodyStart: number;
  readonly bodyLine: number;
  readonly linebreak: string;
}

/** Leading comments (CmdStan's settings) and blank lines, then the header row as the CSV library reads it. */
export function readHeader(text: string): Header {
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
