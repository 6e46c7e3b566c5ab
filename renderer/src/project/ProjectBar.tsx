import { useDocumentStore } from '../document/index';
import { newProject, openProject, saveProject, saveProjectAs } from './project-actions';
import { useProjectStore } from './project-store';

/** New, Open, Save and Save As, with the project's name and whether it has unsaved changes. */
export function ProjectBar() {
  const fileName = useDocumentStore((s) => s.fileName);
  const dirty = useProjectStore((s) => s.dirty);
  return (
    <div className="project-bar">
      <span className="project-name" title={dirty ? 'Unsaved changes' : 'Saved'}>
        {fileName ?? 'Untitled'}
        {dirty && <span className="dirty-mark" aria-label="unsaved changes"> ●</span>}
      </span>
      <button type="button" data-testid="project-new" onClick={() => newProject()}>
        New
      </button>
      <button type="button" data-testid="project-open" onClick={() => void openProject()}>
        Open…
      </button>
      <button type="button" data-testid="project-save" onClick={() => void saveProject()}>
        Save
      </button>
      <button type="button" data-testid="project-save-as" onClick={() => void saveProjectAs()}>
        Save As…
      </button>
    </div>
  );
}
