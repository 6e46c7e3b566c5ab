import { BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { WindowSession, type RunManager } from '../../runner/index.js';
import { isTrustedSender, type AppPages } from './shell/index.js';
import { spawnUtilityWorker } from './spawn-utility.js';

/** The examples ship beside the built app (out/main → resources/examples). */
const EXAMPLES = join(import.meta.dirname, '../../resources/examples');

/**
 * Each window's engine process and runs (runner's WindowSession), made at its first call and ended
 * with its web contents. Only the main frame of one of our windows is answered; with the app's
 * pages given, only while it shows the app's page.
 */
export class WindowSessions {
  private readonly sessions = new Map<number, WindowSession>();

  constructor(
    private readonly manager: RunManager,
    private readonly pages: AppPages | undefined,
  ) {}

  of(event: IpcMainInvokeEvent): WindowSession {
    if (!this.trusted(event)) throw new Error('refused: the call did not come from a Tilde window');
    const contents = event.sender;
    let session = this.sessions.get(contents.id);
    if (!session) {
      session = new WindowSession({ manager: this.manager, engine: { spawn: spawnUtilityWorker }, examplesDir: EXAMPLES });
      this.sessions.set(contents.id, session);
      this.endWith(contents, session);
    }
    return session;
  }

  private endWith(contents: WebContents, session: WindowSession): void {
    const id = contents.id;
    contents.once('destroyed', () => {
      session.close();
      this.sessions.delete(id);
    });
  }

  private trusted(event: IpcMainInvokeEvent): boolean {
    const ours = (id: number) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id);
    if (this.pages) return isTrustedSender(event, ours, this.pages);
    return event.senderFrame !== null && event.senderFrame === event.sender.mainFrame && ours(event.sender.id);
  }
}
