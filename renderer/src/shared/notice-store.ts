import { create } from 'zustand';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

interface NoticeState {
  notice: Notice | null;
  show(notice: Notice): void;
  dismiss(): void;
}

/** One line at the top of the window for what went wrong (or right) outside any panel: files, projects, runs refused. */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
  dismiss: () => set({ notice: null }),
}));

export function showError(text: string): void {
  useNoticeStore.getState().show({ kind: 'error', text });
}
