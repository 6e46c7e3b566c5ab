import type { AutoBackend, CheckReport, EngineRequest, EngineResult, Example, ExportFile, MenuCommand, OpenedDocument, TildeApi } from '../../../runner/api';
import type { RunRequest } from '../../../runner/protocol';
import { useCheckStore } from '../check/index';
import { DEFAULT_SETTINGS, EMPTY_DOCUMENT, useDocumentStore, useSettingsStore } from '../document/index';
import { STARTING_PROJECT, useProjectStore } from '../project/index';
import { useNoticeStore } from '../shared/index';

/**
 * A `window.tilde` for the workspace's tests: engine checks answer with `report`, files open what the
 * test puts in `toOpen`, saves are recorded; `app` (the Electron window) only after `withApp()`.
 */
export class WorkspaceTilde {
  readonly checked: EngineRequest[] = [];
  /** The requests of what auto picks, and the answer to them. */
  readonly autoAsked: EngineRequest[] = [];
  autoAnswer: EngineResult<AutoBackend> = { ok: true, value: { backend: 'forwarddiff', reason: '2 parameters ≤ 20' }, warnings: [] };
  readonly started: RunRequest[] = [];
  readonly saved: { file: ExportFile; kind: string }[] = [];
  readonly savedTo: { path: string; text: string }[] = [];
  readonly dirtyReports: { dirty: boolean; title: string }[] = [];
  report: (request: EngineRequest) => CheckReport = () => ({ ok: true, diagnostics: [], models: [], arguments: [], parameters: [] });
  examples: Example[] = [];
  toOpen: { name: string; text: string } | null = null;
  /** Where a save dialog "puts" the file; null as when the user cancels. */
  saveAs: string | null = '/projects/model.tilde.json';
  menu: ((command: MenuCommand) => void) | null = null;
  openDocument: ((document: OpenedDocument) => void) | null = null;

  readonly api: TildeApi = {
    platform: 'test',
    versions: {},
    engine: {
      check: async (request) => {
        this.checked.push(request);
        return this.report(request);
      },
      auto: async (request) => {
        this.autoAsked.push(request);
        return this.autoAnswer;
      },
      benchmark: () => Promise.reject(new Error('not scripted')),
      optimize: () => Promise.reject(new Error('not scripted')),
      cancel: async () => undefined,
      examples: async () => this.examples,
      vocabulary: async () => [],
    },
    runs: {
      // Run ids count from 1, as the run manager's do.
      start: async (request) => {
        this.started.push(request);
        return this.started.length;
      },
      cancel: () => Promise.reject(new Error('not scripted')),
      subscribe: () => undefined,
      diagnose: () => Promise.reject(new Error('not scripted')),
      plots: () => Promise.reject(new Error('not scripted')),
      export: () => Promise.reject(new Error('not scripted')),
      predict: () => Promise.reject(new Error('not scripted')),
      loo: () => Promise.reject(new Error('not scripted')),
      compareLoo: () => Promise.reject(new Error('not scripted')),
    },
    files: {
      save: async (file, kind) => {
        // The workspace saves projects and CSVs; plots (a PNG's base64) are the results panel's.
        if (!('text' in file)) throw new Error(`the workspace fake saves text only, not ${file.name}`);
        this.saved.push({ file, kind });
        return this.saveAs;
      },
      open: async () => this.toOpen,
    },
  };

  /** The app's extras: saving to a known path and the window's menu and dirty marker. */
  withApp(): this {
    this.api.files.saveTo = async (path, text) => {
      this.savedTo.push({ path, text });
    };
    this.api.app = {
      onMenu: (listener) => (this.menu = listener),
      setDirty: (dirty, title) => this.dirtyReports.push({ dirty, title }),
      onOpenDocument: (listener) => (this.openDocument = listener),
    };
    return this;
  }
}

/** Puts every workspace store back where the app starts. */
export function resetWorkspace(): void {
  useDocumentStore.setState({ ...EMPTY_DOCUMENT });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useProjectStore.setState({ saved: STARTING_PROJECT, dirty: false, autosaveOffer: null, autosaveTarget: null });
  useCheckStore.setState({ report: null, source: null, pending: false, failure: null, auto: null });
  useNoticeStore.setState({ notice: null });
}

/** A Storage over a Map, so autosave tests need no browser. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
