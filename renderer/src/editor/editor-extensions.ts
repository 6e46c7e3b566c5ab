import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { julia } from '@codemirror/legacy-modes/mode/julia';
import { lintGutter } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Prec, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from '@codemirror/view';
import type { VocabularyEntry } from '../../../runner/api';
import { vocabularyCompletion } from './vocabulary-completion';

export interface EditorHooks {
  onChange(source: string): void;
  onRun(): void;
  vocabulary(): readonly VocabularyEntry[];
}

export function editorExtensions(hooks: EditorHooks): Extension[] {
  return [
    lineNumbers(),
    EditorView.lineWrapping,
    highlightActiveLineGutter(),
    highlightActiveLine(),
    drawSelection(),
    history(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightSelectionMatches(),
    StreamLanguage.define(julia),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    lintGutter(),
    // Names start as typed (no fuzzy matches) and none is preselected, so Enter after `end` or `y` stays a new line.
    autocompletion({ override: [vocabularyCompletion(hooks.vocabulary)], filterStrict: true, selectOnOpen: false }),
    placeholder('Open an example or paste a Turing model (@model function …)'),
    Prec.highest(keymap.of([{ key: 'Mod-Enter', preventDefault: true, run: () => (hooks.onRun(), true) }])),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    }),
  ];
}
