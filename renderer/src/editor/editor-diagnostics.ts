import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../../../core/model/index';

/**
 * The engine's diagnostics as CodeMirror ranges in a document of `length` characters (UTF-16 offsets on
 * both sides). Ranges are kept inside the text and an empty one covers a character where it can, so
 * that the error is underlined rather than a bare point.
 */
export function toEditorDiagnostics(diagnostics: readonly Diagnostic[], length: number): EditorDiagnostic[] {
  return diagnostics
    .map((d) => {
      let from = Math.min(Math.max(0, d.from), length);
      let to = Math.min(Math.max(from, d.to), length);
      if (to === from) {
        if (to < length) to++;
        else if (from > 0) from--;
      }
      return { from, to, severity: d.severity, message: d.message, source: 'Tilde' };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
}
