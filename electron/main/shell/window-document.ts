/**
 * What the main process knows of one window's document: whether it has unsaved changes, its title,
 * whether it holds anything yet, and which paths its user chose in a dialog — the only ones
 * `tilde:file-save-to` may write, so that a compromised page cannot overwrite arbitrary files.
 */
export class WindowDocument {
  dirty = false;
  title = '';
  /** Set while a Save asked for by the close prompt is under way: the window closes once it is clean. */
  closeAfterSave = false;
  private holdsDocument = false;
  private readonly writable = new Set<string>();

  /** The user picked `path` in this window (a save dialog, or a project they opened). */
  allowWrite(path: string): void {
    this.writable.add(path);
    this.holdsDocument = true;
  }

  mayWrite(path: string): boolean {
    return this.writable.has(path);
  }

  /** A document was delivered to the window (opened file or example). */
  markHoldsDocument(): void {
    this.holdsDocument = true;
  }

  /** A new window nobody has typed into: File › Open may reuse it instead of opening another. */
  get emptyAndClean(): boolean {
    return !this.dirty && !this.holdsDocument;
  }
}
