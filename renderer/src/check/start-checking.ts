import type { EngineRequest, TildeApi } from '../../../runner/api';
import { buildEngineRequest, useDocumentStore } from '../document/index';
import { useCheckStore } from './check-store';
import { createChecker } from './checker';

export const CHECK_DELAY_MS = 300;

/**
 * Keeps the check store in step with the document: every change of the model or its data is checked, and
 * after a check that compiles, what `auto` picks is asked apart, so the diagnostics do not wait for it.
 */
export function startChecking(api: TildeApi): () => void {
  let asked = 0;
  const askAuto = (request: EngineRequest) => {
    const ticket = ++asked;
    api.engine.auto(request).then(
      (result) => {
        if (ticket === asked && useCheckStore.getState().source === request.source) useCheckStore.getState().setAuto(result.ok ? result.value : null);
      },
      // A newer check superseded it, or the engine failed: the check's own report says what matters.
      () => undefined,
    );
  };
  const checker = createChecker({
    check: (request) => api.engine.check(request),
    delayMs: CHECK_DELAY_MS,
    onReport: (report, request) => {
      useCheckStore.getState().setReport(report, request.source);
      if (report.ok) askAuto(request);
    },
    onFailure: (message) => useCheckStore.getState().setFailure(message),
  });
  const checkDocument = (document: ReturnType<typeof useDocumentStore.getState>) => {
    // An empty editor is the empty state, not an error to report.
    if (document.source.trim() === '') {
      checker.cancel();
      useCheckStore.getState().setReport(null, null);
      return;
    }
    useCheckStore.getState().setPending();
    checker.request(buildEngineRequest(document));
  };
  checkDocument(useDocumentStore.getState());
  const unsubscribe = useDocumentStore.subscribe((document, previous) => {
    // Another model of the file has its own arguments, parameters and errors.
    if (document.source !== previous.source || document.data !== previous.data || document.modelName !== previous.modelName) checkDocument(document);
  });
  return () => {
    unsubscribe();
    checker.dispose();
  };
}
