import { readFileSync } from 'node:fs';
import { Chains, CsvError, readDrawsCsv } from '../core/chains/index.js';
import { CliError } from './files.js';

/** Draws from CSV files (one or several, combined chain by chain), with a file's problem named by its line. */
export function readDrawsFiles(files: readonly string[], generated?: readonly string[]): Chains {
  const parts = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    try {
      return readDrawsCsv(text, { generated });
    } catch (e) {
      if (e instanceof CsvError) throw new CliError(`${file}:${e.line}${e.column === undefined ? '' : `:${e.column}`}: ${e.reason}`);
      throw e;
    }
  });
  return parts.length === 1 ? parts[0]! : Chains.combine(parts);
}
