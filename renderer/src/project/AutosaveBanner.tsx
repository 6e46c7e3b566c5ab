import { dismissAutosave, restoreAutosave } from './project-actions';
import { useProjectStore } from './project-store';

/** Offers back the unsaved work of an earlier session (after a crash or a closed tab). */
export function AutosaveBanner() {
  const offer = useProjectStore((s) => s.autosaveOffer);
  if (!offer) return null;
  return (
    <div className="banner" data-testid="autosave-restore" role="alert">
      <span>
        Unsaved work{offer.autosave.fileName ? ` on ${offer.autosave.fileName}` : ''} from an earlier session was kept. Restore it?
      </span>
      <button type="button" data-testid="autosave-accept" onClick={() => restoreAutosave(offer)}>
        Restore
      </button>
      <button type="button" className="quiet" data-testid="autosave-dismiss" onClick={() => dismissAutosave(offer)}>
        Discard
      </button>
    </div>
  );
}
