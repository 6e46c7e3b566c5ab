export { WorkspaceTilde, MemoryStorage, resetWorkspace } from './workspace-tilde';
export { render, byTestId, click } from './render';
