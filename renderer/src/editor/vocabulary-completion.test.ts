import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { VocabularyEntry } from '../../../runner/api';
import { vocabularyCompletion } from './index';

const ENTRIES: VocabularyEntry[] = [
  { name: 'Normal', kind: 'distribution', signature: 'Normal(μ, σ)', detail: 'The normal distribution' },
  { name: 'logsumexp', kind: 'function', signature: 'logsumexp(x)' },
];

function complete(doc: string, explicit = false): CompletionResult | null {
  const state = EditorState.create({ doc });
  return vocabularyCompletion(() => ENTRIES)(new CompletionContext(state, doc.length, explicit)) as CompletionResult | null;
}

describe('vocabularyCompletion', () => {
  it('offers the names with their parameters from where the word starts', () => {
    const result = complete('μ ~ Nor');
    expect(result?.from).toBe(4);
    expect(result?.options).toEqual([
      { label: 'Normal', detail: '(μ, σ)', type: 'class', info: 'The normal distribution' },
      { label: 'logsumexp', detail: '(x)', type: 'function' },
    ]);
  });

  it('stays quiet after a space unless asked, and offers everything when asked', () => {
    expect(complete('μ ~ ')).toBeNull();
    expect(complete('μ ~ ', true)?.from).toBe(4);
  });

  it('offers nothing before the vocabulary has arrived', () => {
    const state = EditorState.create({ doc: 'Nor' });
    expect(vocabularyCompletion(() => [])(new CompletionContext(state, 3, false))).toBeNull();
  });
});
