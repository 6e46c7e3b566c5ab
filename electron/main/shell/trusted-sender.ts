import { pathToFileURL } from 'node:url';

/** Where the app's own pages come from: the built renderer's index.html, or the dev server in development. */
export interface AppPages {
  rendererFile: string;
  devServer?: string;
}

/** Whether a frame's URL is the app's page (not another file, not another origin). */
export function isAppPage(url: string, pages: AppPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (pages.devServer) return parsed.origin === new URL(pages.devServer).origin;
  return parsed.protocol === 'file:' && parsed.pathname === pathToFileURL(pages.rendererFile).pathname;
}

/** What an IPC event tells about who sent it (Electron's IpcMainEvent and IpcMainInvokeEvent). */
export interface IpcSender {
  sender: { id: number };
  /** Null when the frame has gone; a frame without a parent is its page's main frame. */
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Only our document windows' top-level page may call the main process: not an iframe inside it (the
 * frame that sent must be the main frame), not any other web contents, not a page that navigated away.
 */
export function isTrustedSender(event: IpcSender, isOurWindow: (webContentsId: number) => boolean, pages: AppPages): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOurWindow(event.sender.id) && isAppPage(frame.url, pages);
}

/**
 * Whether a request leaves the machine (or reaches a local server other than the dev server): the app
 * loads nothing remote, so such requests are cancelled. Its own files, inline data and the developer
 * tools stay allowed.
 */
export function isRemoteRequest(url: string, pages: AppPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (['file:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(parsed.protocol)) return false;
  if (pages.devServer) {
    const devServer = new URL(pages.devServer);
    // Vite's hot reload talks over a WebSocket to the dev server's host and port.
    if (parsed.origin === devServer.origin || (/^wss?:$/.test(parsed.protocol) && parsed.host === devServer.host)) return false;
  }
  return true;
}
