import { useId } from 'react';
import { useCheckStore } from '../check/index';
import { useDocumentStore } from '../document/index';

/** One array for 'no report yet': a new [] per call would make the selector never settle. */
const NO_MODELS: readonly string[] = [];

/**
 * Which `@model` of the file runs, shown only when the file has several (a tutorial's submodels and
 * the model that uses them). Without a choice the engine runs the last one, so that one is preselected.
 */
export function ModelPicker() {
  const id = useId();
  const models = useCheckStore((s) => s.report?.models ?? NO_MODELS);
  const chosen = useDocumentStore((s) => s.modelName);
  const setModelName = useDocumentStore((s) => s.setModelName);
  if (models.length < 2 && chosen === null) return null;
  const options = chosen !== null && !models.includes(chosen) ? [...models, chosen] : models;
  return (
    <div className="model-picker">
      <label htmlFor={id}>Model</label>
      <select id={id} data-testid="model-select" value={chosen ?? models[models.length - 1] ?? ''} onChange={(e) => setModelName(e.target.value)}>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
