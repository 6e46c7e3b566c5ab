import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { VocabularyEntry } from '../../../runner/api';
import { useCheckStore } from '../check/index';
import { useDocumentStore } from '../document/index';
import { tilde } from '../tilde';
import { registerEditor } from './active-editor';
import { toEditorDiagnostics } from './editor-diagnostics';
import { editorExtensions } from './editor-extensions';
import './editor.css';

/** The model's text; the document store is its model, the engine's check report draws its markers. */
export function Editor({ onRun }: { onRun: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const run = useRef(onRun);
  run.current = onRun;

  useEffect(() => {
    let vocabulary: readonly VocabularyEntry[] = [];
    // Completion works without the names (they only add suggestions), so a failure here is not worth an alarm.
    tilde().engine.vocabulary().then(
      (entries) => (vocabulary = entries),
      () => undefined,
    );
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: useDocumentStore.getState().source,
        extensions: editorExtensions({
          onChange: (source) => useDocumentStore.getState().setSource(source),
          onRun: () => run.current(),
          vocabulary: () => vocabulary,
        }),
      }),
    });
    const showDiagnostics = () => {
      const { report, source } = useCheckStore.getState();
      if (source !== null && source !== view.state.doc.toString()) return;
      view.dispatch(setDiagnostics(view.state, toEditorDiagnostics(report?.diagnostics ?? [], view.state.doc.length)));
    };
    // A new, opened or example document replaces the text; the editor's own edits are already in it.
    const unsubscribeDocument = useDocumentStore.subscribe((document) => {
      if (document.source !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: document.source } });
    });
    const unsubscribeCheck = useCheckStore.subscribe(showDiagnostics);
    const unregister = registerEditor(view);
    showDiagnostics();
    return () => {
      unregister();
      unsubscribeCheck();
      unsubscribeDocument();
      view.destroy();
    };
  }, []);

  return <div className="editor" data-testid="editor" ref={host} />;
}
