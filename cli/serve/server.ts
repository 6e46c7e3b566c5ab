import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { ProtocolError, toWireError, WindowSession, type WindowSessionOptions } from '../../runner/index.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { acceptWebSocket } from './websocket.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };
const COOKIE = 'tilde-token';

export interface ServeOptions extends WindowSessionOptions {
  token: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
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

/**
 * Typed arrays as base64 inside JSON: the batches stay exact and a quarter smaller than decimal text.
 * NaN and the infinities (a degenerate R-hat, a missing standard error) as `{num: "NaN"}`, which JSON
 * would otherwise turn into null.
 */
function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float64Array) return { f64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    return typeof v === 'number' && !Number.isFinite(v) ? { num: String(v) } : v;
  });
}

/** A call is `{id, method, params}` with params the method's arguments in order, as window.tilde takes them. */
function parseCallObject(text: string): Record<string, unknown> {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new ProtocolError('a call must be JSON');
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) throw new ProtocolError('a call must be an object {id, method, params}');
  return m as Record<string, unknown>;
}

function parseCall({ method, params }: Record<string, unknown>): { method: string; params: unknown[] } {
  if (typeof method !== 'string') throw new ProtocolError("a call's method must be a name");
  if (!Array.isArray(params)) throw new ProtocolError(`the params of ${method} must be the list of its arguments`);
  return { method, params };
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
 * Web mode: the built renderer and window.tilde's engine and run API over a WebSocket, for a browser
 * on this machine. Every request needs the token; each socket is one window (its engine process,
 * its runs), and the runs a page started are cancelled when its socket closes.
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
    const session = new WindowSession(options);
    ws.onClose(() => session.close());
    const reply = (id: unknown, outcome: { result: unknown } | { error: unknown }) => ws.send(encode({ type: 'reply', id, ...outcome }));
    ws.onText(async (text) => {
      let id: unknown;
      try {
        const message = parseCallObject(text);
        id = message['id'];
        const call = parseCall(message);
        if (call.method !== 'runs.start') return reply(id, { result: (await session.call(call.method, call.params)) ?? null });
        const run = session.start(call.params[0]);
        run.subscribe((event) => ws.send(encode({ type: 'run-event', run: run.id, event })));
        reply(id, { result: run.id });
      } catch (e) {
        // The page shows the message; the server's stack is no use to it.
        const { stack: _stack, ...error } = toWireError(e);
        reply(id, { error });
      }
    });
  });
  return server;
}
