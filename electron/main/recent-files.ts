import { app } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { addRecentFile, parseRecentFiles, withoutMissing, writeFileAtomic } from './shell/index.js';

/**
 * File › Open Recent: the list is kept as JSON in userData (the OS's own recent documents — the Dock,
 * the jump list — are told too, but cannot be read back on every platform).
 */
export class RecentFiles {
  private list: string[];
  private readonly file = join(app.getPath('userData'), 'recent-files.json');

  constructor(private readonly changed: () => void) {
    let text = '[]';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      // First start, or the list was deleted: start empty.
    }
    this.list = parseRecentFiles(text, isAbsolute);
  }

  /** The files that still exist, newest first. */
  existing(): readonly string[] {
    this.forgetMissing();
    return this.list;
  }

  forgetMissing(): void {
    const existing = withoutMissing(this.list, existsSync);
    if (existing.length !== this.list.length) this.replace(existing);
  }

  add(path: string): void {
    app.addRecentDocument(path);
    this.replace(addRecentFile(this.list, path));
  }

  clear(): void {
    app.clearRecentDocuments();
    this.replace([]);
  }

  private replace(list: string[]): void {
    this.list = list;
    writeFileAtomic(this.file, JSON.stringify(list, null, 1)).catch((error: unknown) => console.warn(`Tilde: could not store the recent files: ${String(error)}`));
    this.changed();
  }
}
