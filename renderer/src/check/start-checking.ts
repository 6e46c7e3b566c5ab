import type { TildeApi } from '../../../runner/api';
import { buildEngineRequest, useDocumentStore } from '../document/index';
import { useCheckStore } from './check-store';
import { createChecker } from './checker';

export const CHECK_DELAY_MS = 300;

/** Keeps the check store in step with the document: every change of the model or its data is checked. */
export function startChecking(api: TildeApi): () => void {
  const checker = createChecker({
    check: (request) => api.engine.check(request),
    delayMs: CHECK_DELAY_MS,
    onReport: (report, request) => useCheckStore.getState().setReport(report, request.source),
    onFailure: (message) => useCheckStore.getState().setFailure(message),
  });
  const checkDocument = (document: ReturnType<typeof useDocumentStore.getState>) => {
    // An empty editor is the empty state, not an error to report.
    if (document.source.trim() === '') {
      checker.cancel();
      useCheckStore.getState().setReport(null, null);
      return;
    }
    checker.request(buildEngineRequest(document));
  };
  checkDocument(useDocumentStore.getState());
  const unsubscribe = useDocumentStore.subscribe((document, previous) => {
    if (document.source !== previous.source || document.data !== previous.data) checkDocument(document);
  });
  return () => {
    unsubscribe();
    checker.dispose();
  };
}
