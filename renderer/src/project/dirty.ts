import type { Project } from '../../../runner/api';

/** Whether the work differs from what was last saved (or opened): undoing back to it makes it clean again. */
export function isDirty(current: Project, saved: Project): boolean {
  if (current.source !== saved.source || current.modelName !== saved.modelName) return true;
  const a = current.data;
  const b = saved.data;
  if (a !== b && (a?.name !== b?.name || a?.text !== b?.text || a?.format !== b?.format)) return true;
  return JSON.stringify(current.settings) !== JSON.stringify(saved.settings);
}
