import { describe, expect, it } from 'vitest';
import { isAppPage, isRemoteRequest, isTrustedSender, type AppPages } from './index.js';

const built: AppPages = { rendererFile: '/opt/tilde/out/renderer/index.html' };
const dev: AppPages = { rendererFile: '/opt/tilde/out/renderer/index.html', devServer: 'http://localhost:5173/' };

describe('the app page', () => {
  it('is the built index.html, whatever its query or hash', () => {
    expect(isAppPage('file:///opt/tilde/out/renderer/index.html', built)).toBe(true);
    expect(isAppPage('file:///opt/tilde/out/renderer/index.html#/results?x=1', built)).toBe(true);
  });

  it('is not another file, another origin, or garbage', () => {
    for (const url of ['file:///home/u/Downloads/evil.html', 'https://example.com/', 'http://localhost:5173/', 'about:blank', 'not a url', '']) expect(isAppPage(url, built), url).toBe(false);
  });

  it('is the dev server origin in development, and not another port', () => {
    expect(isAppPage('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('file:///opt/tilde/out/renderer/index.html', dev)).toBe(false);
  });
});

describe('a trusted IPC sender', () => {
  const mainFrame = { url: 'file:///opt/tilde/out/renderer/index.html', parent: null };
  const ours = (id: number) => id === 7;

  it('is the main frame of one of our windows showing the app page', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: mainFrame }, ours, built)).toBe(true);
  });

  it('is not a subframe, another web contents, a destroyed frame or a page that navigated away', () => {
    const subframe = { url: mainFrame.url, parent: mainFrame };
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: subframe }, ours, built)).toBe(false);
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: mainFrame }, ours, built)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, ours, built)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'https://example.com/', parent: null } }, ours, built)).toBe(false);
  });
});

describe('remote content', () => {
  it('is anything on the network; the app’s files, inline data and the developer tools are not', () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'ws://localhost:5173/', 'ftp://example.com/', 'garbage']) expect(isRemoteRequest(url, built), url).toBe(true);
    for (const url of ['file:///opt/tilde/out/renderer/assets/index.js', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/inspector.html']) expect(isRemoteRequest(url, built), url).toBe(false);
  });

  it('is not the dev server, nor its hot-reload socket, in development', () => {
    expect(isRemoteRequest('http://localhost:5173/src/main.tsx', dev)).toBe(false);
    expect(isRemoteRequest('ws://localhost:5173/?token=x', dev)).toBe(false);
    expect(isRemoteRequest('http://localhost:5174/', dev)).toBe(true);
  });
});
