import type { EditorView } from '@codemirror/view';

let active: EditorView | null = null;

/** The editor the diagnostics list moves the cursor in; returns the unregistration. */
export function registerEditor(view: EditorView): () => void {
  active = view;
  return () => {
    if (active === view) active = null;
  };
}

/** Puts the cursor at the start of a 1-based line (clamped to the text) and scrolls it into view. */
export function revealLine(line: number): void {
  if (!active) return;
  const { doc } = active.state;
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  active.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
  active.focus();
}
