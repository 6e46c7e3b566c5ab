import { request as httpRequest, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINTWISE_COLUMNS, RunManager, spawnNodeWorker, type Spawner } from '../../runner/index.js';
import { createWebServer } from './server.js';
import { encodeFrame, FrameParser } from './websocket.js';
import { alive } from '../../runner/testing/alive.js';

const token = 'test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'tilde-serve-'));
const manager = new RunManager({ spawn: spawnNodeWorker });
const enginePids: number[] = [];
const spawnEngine: Spawner = () => {
  const handle = spawnNodeWorker();
  if (handle.pid !== undefined) enginePids.push(handle.pid);
  return handle;
};
const examplesDir = join(import.meta.dirname, '../../resources/examples');
let server: Server;
let port = 0;

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<html><body><script type="module" src="/assets/app.js"></script></body></html>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets/app.js'), 'export {};');
  server = createWebServer({ token, rendererDir: dir, manager, engine: { spawn: spawnEngine }, examplesDir });
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

interface TestClient {
  send(value: unknown): void;
  /** Sends a call and waits for its reply. */
  call(id: number, method: string, ...params: unknown[]): Promise<Record<string, unknown>>;
  messages: unknown[];
  next(accept: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): void;
}

/** A minimal WebSocket client: masked text frames out, JSON messages in. */
function connect(path: string): Promise<TestClient> {
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
      const send = (value: unknown) => socket.write(encodeFrame(0x1, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), randomBytes(4)));
      const next = (accept: (m: Record<string, unknown>) => boolean) =>
        new Promise<Record<string, unknown>>((done) => {
          const seen = messages.find((m) => accept(m));
          if (seen) done(seen);
          else waiters.push([accept, done]);
        });
      resolve({
        messages,
        send,
        next,
        call: (id, method, ...params) => {
          send({ id, method, params });
          return next((m) => m['type'] === 'reply' && m['id'] === id);
        },
        close: () => socket.destroy(),
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
    ws.send({ id: 1, method: 'runs.start', params: [{ source: '@model function m()\n    x ~ Normal(0, 1)\nend\n', sampler: { sampler: 'nuts' }, draws: 50, warmup: 50, chains: 1, seed: 1 }] });
    const reply = await ws.next((m) => m['type'] === 'reply' && m['id'] === 1);
    expect(typeof reply['result']).toBe('number');
    const end = await ws.next((m) => m['type'] === 'run-event' && (m['event'] as { type: string }).type === 'end');
    expect(end['event']).toMatchObject({ summary: { partial: false, outcomes: [{ chain: 0, status: 'done' }] } });
    const draws = ws.messages.filter((m) => (m as { event?: { type: string } }).event?.type === 'draws') as { event: { batch: { count: number; parameters: { f64: string } } } }[];
    expect(draws.reduce((n, d) => n + d.event.batch.count, 0)).toBe(50);
    expect(Buffer.from(draws[0]!.event.batch.parameters.f64, 'base64').length).toBe(8 * draws[0]!.event.batch.count);
    ws.send({ id: 2, method: 'runs.start', params: [{ source: '', draws: 0 }] });
    expect(await ws.next((m) => m['id'] === 2)).toMatchObject({ error: { name: 'ProtocolError' } });
  });
});

const read = (file: string) => readFileSync(join(examplesDir, file), 'utf8');
const gdemo = { source: read('gdemo.jl'), data: { text: read('gdemo.json'), format: 'json' } };

describe('tilde serve: the engine and run analysis over the WebSocket', () => {
  it('checks, benchmarks and optimises in an engine process of the connection’s own, lists examples and the vocabulary, and ends the process with the socket', async () => {
    const ws = await connect(`/api?token=${token}`);
    const check = await ws.call(1, 'engine.check', gdemo);
    expect(check['result']).toMatchObject({ ok: true, models: ['gdemo'], arguments: [{ name: 'x', status: 'given', shape: [2] }], parameters: [{ name: 's²' }, { name: 'm' }] });
    const broken = await ws.call(2, 'engine.check', { ...gdemo, source: gdemo.source.replace('InverseGamma(2, 3)', 'InverseGama(2, 3)') });
    expect(broken['result']).toMatchObject({ ok: false, diagnostics: [{ line: 6, message: expect.stringContaining('`InverseGama`') }] });
    const optimized = await ws.call(3, 'engine.optimize', { ...gdemo, kind: 'mle' });
    expect(optimized['result']).toMatchObject({ ok: true, value: { kind: 'mle', converged: true } });
    const benchmark = await ws.call(4, 'engine.benchmark', gdemo);
    expect((benchmark['result'] as { value: { rows: unknown[] } }).value.rows).toHaveLength(4);
    const examples = (await ws.call(5, 'engine.examples'))['result'] as { id: string; data?: { name: string } }[];
    expect(examples.find((e) => e.id === 'eight_schools')?.data?.name).toBe('eight_schools.json');
    const vocabulary = (await ws.call(6, 'engine.vocabulary'))['result'] as { name: string; signature: string }[];
    expect(vocabulary.find((v) => v.name === 'Normal')?.signature).toBe('Normal(μ, σ)');
    expect(enginePids).toHaveLength(1);
    ws.close();
    await expect.poll(() => alive(enginePids[0]!), { timeout: 5000 }).toBe(false);
  });

  it('diagnoses, plots and exports a run after its end, with NaN kept as such; malformed calls get error replies and the connection goes on', async () => {
    const ws = await connect(`/api?token=${token}`);
    const withConstant = gdemo.source.replace(/end\n*$/, '    c := 2.0\nend\n');
    const started = await ws.call(1, 'runs.start', { ...gdemo, source: withConstant, sampler: { sampler: 'nuts' }, draws: 40, warmup: 40, chains: 2, seed: 5 });
    const run = started['result'] as number;
    await ws.next((m) => m['type'] === 'run-event' && (m['event'] as { type: string }).type === 'end');
    const diagnosis = (await ws.call(2, 'runs.diagnose', run, null))['result'] as { draws: number[]; summary: { parameter: string; rhat: unknown }[]; stats: { parameter: string }[] };
    expect(diagnosis.draws).toEqual([40, 40]);
    expect(diagnosis.summary.map((r) => r.parameter)).toEqual(['s²', 'm', 'c']);
    expect(diagnosis.stats.map((r) => r.parameter)).toContain('lp');
    // A constant's R-hat is NaN, which plain JSON would turn into null.
    expect(diagnosis.summary[2]!.rhat).toEqual({ num: 'NaN' });
    const plots = (await ws.call(3, 'runs.plots', run, 'm'))['result'] as { density: { x: number[] }; ranks: { chains: number[][] }; energy: unknown };
    expect(plots.density.x).toHaveLength(128);
    expect(plots.ranks.chains.map((c) => c.reduce((a, b) => a + b))).toEqual([40, 40]);
    expect(plots.energy).not.toBeNull();
    // The browser's client sends an argument left out as null.
    const files = (await ws.call(4, 'runs.export', run, 'draws-stan', null))['result'] as { name: string }[];
    expect(files.map((f) => f.name)).toEqual(['draws_1.csv', 'draws_2.csv']);
    // Further quantiles of the summary, on screen and in its export, as posterior names them.
    const quantiled = (await ws.call(44, 'runs.diagnose', run, [0.025, 0.975]))['result'] as { summary: { quantiles: Record<string, unknown> }[] };
    expect(Object.keys(quantiled.summary[0]!.quantiles)).toEqual(['q2.5', 'q97.5']);
    const summaryCsv = (await ws.call(45, 'runs.export', run, 'summary', [0.25]))['result'] as { text: string }[];
    expect(summaryCsv[0]!.text.split('\n')[0]!.split(',').at(-1)).toBe('q25');
    expect(await ws.call(46, 'runs.diagnose', run, [0.5, 1.5])).toMatchObject({ error: { name: 'ProtocolError', message: expect.stringContaining('probabilities between 0 and 1') } });
    // The leave-one-out's pointwise table once it is computed, in the columns tilde loo --pointwise writes.
    expect(await ws.call(41, 'runs.export', run, 'loo-pointwise')).toMatchObject({ error: { message: expect.stringContaining('compute PSIS-LOO first') } });
    const loo = (await ws.call(42, 'runs.loo', run))['result'] as { ok: boolean; value: { names: string[] } };
    const pointwise = (await ws.call(43, 'runs.export', run, 'loo-pointwise'))['result'] as { text: string }[];
    expect(pointwise[0]!.text.split('\n').map((line) => line.split(',')[0])).toEqual([POINTWISE_COLUMNS[0], ...loo.value.names, '']);
    expect(await ws.call(5, 'runs.cancel', run)).toMatchObject({ result: null });

    expect(await ws.call(6, 'runs.plots', run, 'nope')).toMatchObject({ error: { message: expect.stringContaining("no parameter named 'nope'") } });
    expect(await ws.call(7, 'runs.export', run, 'xlsx')).toMatchObject({ error: { name: 'ProtocolError', message: expect.stringContaining('draws-wide') } });
    expect(await ws.call(8, 'runs.diagnose', 999)).toMatchObject({ error: { message: expect.stringContaining('no run 999') } });
    expect(await ws.call(9, 'runs.diagnose', '1')).toMatchObject({ error: { name: 'ProtocolError' } });
    expect(await ws.call(10, 'engine.check', { source: 42 })).toMatchObject({ error: { name: 'ProtocolError', message: "'source' must be a string" } });
    expect(await ws.call(11, 'engine.optimize', { source: '' })).toMatchObject({ error: { name: 'ProtocolError', message: "'kind' must be map or mle" } });
    expect(await ws.call(12, 'files.save', {})).toMatchObject({ error: { name: 'ProtocolError', message: "unknown method 'files.save'" } });
    ws.send({ id: 13, method: 'engine.check', params: 'not a list' });
    expect(await ws.next((m) => m['id'] === 13)).toMatchObject({ error: { name: 'ProtocolError' } });
    ws.send('{not json');
    expect(await ws.next((m) => m['type'] === 'reply' && m['id'] === undefined)).toMatchObject({ error: { message: 'a call must be JSON' } });
    expect((await ws.call(14, 'engine.vocabulary'))['result']).toBeInstanceOf(Array);
    ws.close();
  });
});
