import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Example } from '../api.js';

/**
 * The gallery: every `.jl` model of `dir` with its same-stem `.json` or `.csv` data, titled by the
 * file's first comment line (the stem when it has none). Read where files are (server, main
 * process), not in the engine process.
 */
export function readExamples(dir: string): Example[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jl'))
    .sort()
    .map((file): Example => {
      const id = basename(file, '.jl');
      const source = readFileSync(join(dir, file), 'utf8');
      const title = /^\s*#\s*(.+?)\s*$/m.exec(source.split('\n').find((line) => line.trim() !== '') ?? '')?.[1] ?? id;
      const data = (['json', 'csv'] as const).map((format) => ({ format, name: `${id}.${format}` })).find(({ name }) => existsSync(join(dir, name)));
      return { id, title, source, ...(data ? { data: { ...data, text: readFileSync(join(dir, data.name), 'utf8') } } : {}) };
    });
}
