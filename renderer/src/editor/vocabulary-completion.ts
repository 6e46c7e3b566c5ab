import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { VocabularyEntry } from '../../../runner/api';

const WORD = /[\p{L}_][\p{L}\p{N}_!]*$/u;
const WORD_CONTINUES = /^[\p{L}\p{N}_!]*$/u;
const COMPLETION_TYPE: Record<VocabularyEntry['kind'], string> = { distribution: 'class', function: 'function', keyword: 'keyword' };

export function toCompletion(entry: VocabularyEntry): Completion {
  const parameters = entry.signature.startsWith(entry.name) ? entry.signature.slice(entry.name.length) : entry.signature;
  return { label: entry.name, detail: parameters, type: COMPLETION_TYPE[entry.kind], ...(entry.detail ? { info: entry.detail } : {}) };
}

/** Completes the word before the cursor from the language's names; `entries` is read at each request, as it arrives late. */
export function vocabularyCompletion(entries: () => readonly VocabularyEntry[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(WORD);
    if (!word && !context.explicit) return null;
    const options = entries().map(toCompletion);
    if (options.length === 0) return null;
    return { from: word ? word.from : context.pos, options, validFor: WORD_CONTINUES };
  };
}
