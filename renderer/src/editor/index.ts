export { Editor } from './Editor';
export { DiagnosticsList } from './DiagnosticsList';
export { ModelPicker } from './ModelPicker';
export { toEditorDiagnostics } from './editor-diagnostics';
export { vocabularyCompletion, toCompletion } from './vocabulary-completion';
export { revealLine } from './active-editor';
