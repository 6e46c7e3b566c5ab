import type { OpenedDocument, TildeApi } from '../../../runner/api';
import { useGalleryStore } from '../gallery/index';
import { openExample, openProjectFile } from '../project/index';
import { errorMessage, showError } from '../shared/index';

/** A document the app's main process opened into this window (File › Open…, Open Recent, Open Example). */
export async function openDocument(document: OpenedDocument, api: TildeApi): Promise<void> {
  if (document.kind === 'file') {
    openProjectFile(document);
    return;
  }
  try {
    const examples = await useGalleryStore.getState().loadExamples();
    const example = examples.find((e) => e.id === document.id);
    if (example) openExample(example, { api, confirm: (question) => window.confirm(question) });
    else showError(`There is no example called ${document.id}.`);
  } catch (e) {
    showError(`The example ${document.id} could not be opened: ${errorMessage(e)}`);
  }
}
