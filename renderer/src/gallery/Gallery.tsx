import { useEffect } from 'react';
import type { Example } from '../../../runner/api';
import { openExample } from '../project/index';
import { useGalleryStore } from './gallery-store';
import './gallery.css';

function choose(example: Example): void {
  if (openExample(example)) useGalleryStore.getState().hide();
}

/** The example models with their data; choosing one replaces the work (after asking, if it is unsaved). */
export function Gallery() {
  const open = useGalleryStore((s) => s.open);
  const examples = useGalleryStore((s) => s.examples);
  const problem = useGalleryStore((s) => s.problem);
  const hide = useGalleryStore((s) => s.hide);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, hide]);
  if (!open) return null;
  return (
    <div className="overlay" onClick={hide}>
      <div className="gallery" role="dialog" aria-modal="true" aria-labelledby="gallery-title" data-testid="gallery" onClick={(e) => e.stopPropagation()}>
        <header className="panel-header">
          <h2 id="gallery-title">Examples</h2>
          <span className="spacer" />
          <button type="button" className="quiet" onClick={hide} aria-label="Close">
            ✕
          </button>
        </header>
        {problem && <p className="panel-error">{problem}</p>}
        {!examples && !problem && <p className="muted">Reading the examples…</p>}
        <ul className="gallery-list">
          {examples?.map((example) => (
            <li key={example.id}>
              <button type="button" data-testid={`example-${example.id}`} onClick={() => choose(example)}>
                <strong>{example.title}</strong>
                <span className="muted mono">
                  {example.id}.jl{example.data ? ` + ${example.data.name}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
