import { create } from 'zustand';
import type { Example } from '../../../runner/api';
import { errorMessage } from '../shared/index';
import { tilde } from '../tilde';

interface GalleryState {
  open: boolean;
  examples: Example[] | null;
  problem: string | null;
  /** The examples, read from the engine the first time they are wanted. */
  loadExamples(): Promise<Example[]>;
  show(): Promise<void>;
  hide(): void;
}

/** The examples dialog and the examples it lists. */
export const useGalleryStore = create<GalleryState>()((set, get) => ({
  open: false,
  examples: null,
  problem: null,
  async loadExamples() {
    const known = get().examples;
    if (known) return known;
    const examples = await tilde().engine.examples();
    set({ examples, problem: null });
    return examples;
  },
  async show() {
    set({ open: true });
    try {
      await get().loadExamples();
    } catch (e) {
      set({ problem: `The examples could not be read: ${errorMessage(e)}` });
    }
  },
  hide: () => set({ open: false }),
}));
