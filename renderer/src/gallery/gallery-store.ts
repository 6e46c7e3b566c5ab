import { create } from 'zustand';
import type { Example } from '../../../runner/api';
import { errorMessage } from '../shared/index';
import { tilde } from '../tilde';

interface GalleryState {
  open: boolean;
  examples: Example[] | null;
  problem: string | null;
  show(): Promise<void>;
  hide(): void;
}

/** The examples dialog; the examples are read once, the first time it opens. */
export const useGalleryStore = create<GalleryState>()((set, get) => ({
  open: false,
  examples: null,
  problem: null,
  async show() {
    set({ open: true });
    if (get().examples) return;
    try {
      set({ examples: await tilde().engine.examples(), problem: null });
    } catch (e) {
      set({ problem: `The examples could not be read: ${errorMessage(e)}` });
    }
  },
  hide: () => set({ open: false }),
}));
