import { checkedErrors } from '../check/index';
import { currentDocument, useDocumentStore, useSettingsStore, workspaceAction } from '../document/index';
import { useRunStore } from '../run/index';
import { showError, useNoticeStore } from '../shared/index';

/** Start (button, Ctrl/Cmd+Enter, menu): sample or optimise the model as the settings say. */
export function runWorkspace(): void {
  // Ctrl/Cmd+Enter can reach both the editor and the app menu's accelerator: one run at a time.
  if (useRunStore.getState().status === 'running') return;
  const document = currentDocument();
  if (document.source.trim() === '') {
    showError('There is no model to run yet: open an example or write a Turing model.');
    return;
  }
  // A run would fail with what the check already found, and starting it would clear the last run's results.
  const errors = checkedErrors(document.source);
  if (errors.length > 0) {
    refuseForErrors(`The run cannot start until the model's errors are fixed: ${errors.map((d) => `line ${d.line}: ${d.message}`).join('; ')}`);
    return;
  }
  const action = workspaceAction(document, useSettingsStore.getState().settings);
  // A message about an earlier refusal no longer applies once a run starts.
  if (action.kind !== 'invalid') useNoticeStore.getState().dismiss();
  switch (action.kind) {
    case 'run':
      void useRunStore.getState().start(action.request);
      return;
    case 'optimize':
      void useRunStore.getState().optimize(action.request);
      return;
    case 'invalid':
      showError(`The run cannot start: ${Object.values(action.problems).join('; ')}.`);
  }
}

/** The refusal goes once the text or data change: it names errors of older ones, which the editor's list shows anew. */
function refuseForErrors(text: string): void {
  showError(text);
  const shown = useNoticeStore.getState().notice;
  const stop = useDocumentStore.subscribe((document, previous) => {
    if (document.source === previous.source && document.data === previous.data) return;
    stop();
    if (useNoticeStore.getState().notice === shown) useNoticeStore.getState().dismiss();
  });
}
