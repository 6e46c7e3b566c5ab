import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Run, RunManager, RunRequest } from '../../runner/index.js';
import { toWireError } from '../../runner/index.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { acceptWebSocket } from './websocket.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };
const COOKIE = 'tilde-token';

export interface ServeOptions {
  token: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  manager: RunManager;
}

function sameToken(given: string | undefined, token: string): boolean {
  return given !== undefined && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** The token from `?token=` (the printed address) or, after the first page, from its cookie. */
function authorised(req: IncomingMessage, token: string): { ok: boolean; fromQuery: boolean } {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = url.searchParams.get('token') ?? undefined;
  if (sameToken(query, token)) return { ok: true, fromQuery: true };
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).find(([k]) => k === COOKIE)?.[1];
  return { ok: sameToken(cookie, token), fromQuery: false };
}

/** Typed arrays as base64 inside JSON: the batches stay exact and a quarter smaller than decimal text. */
function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Float64Array ? { f64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') } : v));
}

function serveFile(res: ServerResponse, dir: string, path: string, setCookie: string | undefined): void {
  const file = resolve(dir, '.' + (path === '/' ? '/index.html' : decodeURIComponent(path)));
  if (!file.startsWith(resolve(dir) + sep)) return void res.writeHead(403).end();
  if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
  let body: string | Buffer = readFileSync(file);
  if (file.endsWith('index.html')) body = body.toString('utf8').replace('<script', '<script src="/tilde-web.js"></script>\n    <script');
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...(setCookie ? { 'Set-Cookie': setCookie } : {}) });
  res.end(body);
}

/**
 * Web mode: the built renderer and the run API over a WebSocket, for a browser on this machine.
 * Every request needs the token; runs a page started are cancelled when its socket closes.
 */
export function createWebServer(options: ServeOptions): Server {
  const server = createServer((req, res) => {
    const auth = authorised(req, options.token);
    if (!auth.ok) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('401: open the address tilde serve printed (it carries the token)\n');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/tilde-web.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(CLIENT_SCRIPT);
    const setCookie = auth.fromQuery ? `${COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/` : undefined;
    serveFile(res, options.rendererDir, path, setCookie);
  });
  server.on('upgrade', (req, socket) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/api' || !authorised(req, options.token).ok) return void socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    const ws = acceptWebSocket(req, socket);
    const started: Run[] = [];
    ws.onClose(() => started.forEach((run) => run.cancel()));
    ws.onText((text) => {
      let id: unknown;
      try {
        const m = JSON.parse(text) as { id: unknown; method: unknown; params: unknown };
        id = m.id;
        if (m.method === 'runs.start') {
          const run = options.manager.start(m.params as RunRequest);
          started.push(run);
          run.subscribe((event) => ws.send(encode({ type: 'run-event', run: run.id, event })));
          return ws.send(encode({ type: 'reply', id, result: run.id }));
        }
        if (m.method === 'runs.cancel') {
          started.find((run) => run.id === m.params)?.cancel();
          return ws.send(encode({ type: 'reply', id, result: null }));
        }
        throw new Error(`unknown method ${String(m.method)}`);
      } catch (e) {
        ws.send(encode({ type: 'reply', id, error: toWireError(e) }));
      }
    });
  });
  return server;
}
