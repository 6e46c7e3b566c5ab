import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileErrorMessage } from './file-errors.js';

/** A file the user chose that cannot be opened, with a message saying why in their terms. */
export class OpenFileError extends Error {
  override readonly name = 'OpenFileError';
}

/** Far above any model, data set or project; past it the file is surely not one. */
const MAX_OPEN_BYTES = 256 * 1024 * 1024;

/** Reads a file the user picked as UTF-8 text, refusing directories, huge files and binary files. */
export async function readTextFile(path: string, maxBytes = MAX_OPEN_BYTES): Promise<{ name: string; text: string }> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new OpenFileError(`Could not open “${name}”: it is not a file.`);
    if (info.size > maxBytes) throw new OpenFileError(`Could not open “${name}”: at ${Math.round(info.size / 1024 / 1024)} MB it is larger than any model, data or project file.`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof OpenFileError) throw error;
    throw new OpenFileError(fileErrorMessage('open', name, error));
  }
  try {
    return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new OpenFileError(`Could not open “${name}”: it is not a text file (UTF-8).`);
  }
}
