import { Chains } from '../chains.js';
import { ChainStore } from '../store.js';
import type { ChainInfo } from '../info.js';
import { readBody } from './body.js';
import { CsvError } from './error.js';
import { readHeader } from './header.js';
import { chainField, detectLayout, variablesOf, type CsvVariable } from './layout.js';
import { readStanComments } from './stan-comments.js';

export interface ReadCsvOptions {
  /** Names or base names of generated quantities, which a wide or posterior CSV cannot mark itself. */
  readonly generated?: readonly string[];
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
  const skip = stan?.warmupRows ?? 0;
  stores.forEach((s, c) => chains.appendColumns(c, ordered.map((v) => s.column(slot.get(v.field)!).subarray(skip))));
  return chains;
}
