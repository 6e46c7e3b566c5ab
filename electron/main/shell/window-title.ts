/**
 * The title bar of a document window. macOS marks unsaved changes in the close button
 * (`setDocumentEdited`), so only other platforms get a marker in the text.
 */
export function windowTitle(documentTitle: string, dirty: boolean, platform: string): string {
  const title = documentTitle.trim() ? `${documentTitle.trim()} — Tilde` : 'Tilde';
  return dirty && platform !== 'darwin' ? `● ${title}` : title;
}
