import { request as httpRequest, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunManager, spawnNodeWorker } from '../../runner/index.js';
import { createWebServer } from './server.js';
import { encodeFrame, FrameParser } from './websocket.js';

const token = 'test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'tilde-serve-'));
const manager = new RunManager({ spawn: spawnNodeWorker });
let server: Server;
let port = 0;

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<html><body><script type="module" src="/assets/app.js"></script></body></html>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets/app.js'), 'export {};');
  server = createWebServer({ token, rendererDir: dir, manager });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  manager.cancelAll();
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, cookie?: string): Promise<{ status: number; body: string; cookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
    });
    req.on('error', reject).end();
  });
}

/** A minimal WebSocket client: masked text frames out, JSON messages in. */
function connect(path: string): Promise<{ send(value: unknown): void; messages: unknown[]; next(accept: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') } });
    req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on('upgrade', (_res, socket: Duplex) => {
      const messages: Record<string, unknown>[] = [];
      const waiters: [(m: Record<string, unknown>) => boolean, (m: Record<string, unknown>) => void][] = [];
      const parser = new FrameParser((_op, payload) => {
        const m = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
        messages.push(m);
        for (const [accept, done] of waiters.splice(0)) {
          if (accept(m)) done(m);
          else waiters.push([accept, done]);
        }
      });
      socket.on('data', (chunk: Buffer) => parser.push(chunk));
      resolve({
        messages,
        send: (value) => socket.write(encodeFrame(0x1, Buffer.from(JSON.stringify(value)), randomBytes(4))),
        next: (accept) =>
          new Promise((done) => {
            const seen = messages.find((m) => accept(m));
            if (seen) done(seen);
            else waiters.push([accept, done]);
          }),
      });
    });
    req.on('error', reject).end();
  });
}

describe('tilde serve', () => {
  it('answers 401 without the token, serves the renderer with the API script once it is given, and nothing outside the renderer', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    const page = await get(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/tilde-web.js"></script>');
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/assets/app.js', page.cookie)).status).toBe(200);
    expect((await get('/tilde-web.js', page.cookie)).body).toContain('window.tilde');
    expect((await get('/%2e%2e/%2e%2e/etc/passwd', page.cookie)).status).toBe(404);
    expect((await get('/..%2f..%2fetc%2fpasswd', page.cookie)).status).toBe(403);
  });

  it('runs a model over the WebSocket: the run id, draw batches as exact doubles, and the end; a malformed request is an error reply', async () => {
    await expect(connect('/api')).rejects.toThrow(/401/);
    const ws = await connect(`/api?token=${token}`);
    ws.send({ id: 1, method: 'runs.start', params: { source: '@model function m()\n    x ~ Normal(0, 1)\nend\n', sampler: { sampler: 'nuts' }, draws: 50, warmup: 50, chains: 1, seed: 1 } });
    const reply = await ws.next((m) => m['type'] === 'reply' && m['id'] === 1);
    expect(typeof reply['result']).toBe('number');
    const end = await ws.next((m) => m['type'] === 'run-event' && (m['event'] as { type: string }).type === 'end');
    expect(end['event']).toMatchObject({ summary: { partial: false, outcomes: [{ chain: 0, status: 'done' }] } });
    const draws = ws.messages.filter((m) => (m as { event?: { type: string } }).event?.type === 'draws') as { event: { batch: { count: number; parameters: { f64: string } } } }[];
    expect(draws.reduce((n, d) => n + d.event.batch.count, 0)).toBe(50);
    expect(Buffer.from(draws[0]!.event.batch.parameters.f64, 'base64').length).toBe(8 * draws[0]!.event.batch.count);
    ws.send({ id: 2, method: 'runs.start', params: { source: '', draws: 0 } });
    expect(await ws.next((m) => m['id'] === 2)).toMatchObject({ error: { name: 'ProtocolError' } });
  });
});
