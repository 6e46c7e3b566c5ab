import { app, session } from 'electron';
import { isRemoteRequest, withContentSecurityPolicy, type AppPages } from './shell/index.js';

/**
 * The default session loads nothing from the network, grants no permission (camera, notifications,
 * clipboard reads, …: the app needs none) and sends the app's Content-Security-Policy with every
 * response it lets through.
 */
export function hardenSession(pages: AppPages): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
  defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRemoteRequest(details.url, pages) }));
  defaultSession.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}

/**
 * Every web contents the app ever creates stays on the page it was given: no navigation, no redirect,
 * no new window (a link in a model's comment must not turn the window into a browser), no <webview>.
 */
export function confineWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
