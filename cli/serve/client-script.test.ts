import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from './client-script.js';

type Listener = (event: unknown) => void;

/** Just enough of a browser's event target for the script's sockets and elements. */
class Target {
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, event: unknown = {}): void {
    const listeners = this.listeners.get(type) ?? [];
    this.listeners.set(type, []);
    // `{ once: true }` is how the script listens to everything but messages.
    if (type === 'message') this.listeners.set(type, listeners);
    listeners.forEach((l) => l(event));
  }
}

class FakeSocket extends Target {
  static last: FakeSocket;
  readonly sent: { id: number; method: string; params: unknown[] }[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.last = this;
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  receive(message: unknown): void {
    this.dispatch('message', { data: JSON.stringify(message) });
  }
}

class FakeElement extends Target {
  clicked = 0;
  removed = false;
  href = '';
  download = '';
  files: { name: string; text(): Promise<string> }[] | null = null;
  click(): void {
    this.clicked++;
  }
  remove(): void {
    this.removed = true;
  }
}

function load() {
  const elements: FakeElement[] = [];
  const blobs: Blob[] = [];
  const window: Record<string, unknown> = {};
  runInNewContext(CLIENT_SCRIPT, {
    window,
    location: { protocol: 'http:', host: '127.0.0.1:4680' },
    WebSocket: FakeSocket,
    atob,
    Blob,
    setTimeout: () => 0,
    URL: {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:1';
      },
      revokeObjectURL: () => undefined,
    },
    document: {
      body: { append: () => undefined },
      createElement: () => {
        const e = new FakeElement();
        elements.push(e);
        return e;
      },
    },
  });
  return { tilde: window['tilde'] as import('../../runner/api.js').TildeApi, socket: FakeSocket.last, elements, blobs };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the web client script', () => {
  it('is the TildeApi of web mode: no saveTo, no app', () => {
    const { tilde, socket } = load();
    expect(socket.url).toBe('ws://127.0.0.1:4680/api');
    expect(tilde.platform).toBe('web');
    expect(Object.keys(tilde.engine).sort()).toEqual(['auto', 'benchmark', 'cancel', 'check', 'examples', 'optimize', 'vocabulary']);
    expect(Object.keys(tilde.runs).sort()).toEqual(['cancel', 'compareLoo', 'diagnose', 'export', 'loo', 'plots', 'predict', 'start', 'subscribe']);
    expect(Object.keys(tilde.files).sort()).toEqual(['open', 'save']);
    expect(tilde.app).toBeUndefined();
  });

  it('sends each call with its arguments in order and revives doubles, NaN and errors from the replies', async () => {
    const { tilde, socket } = load();
    const plots = tilde.runs.plots(3, 'm');
    const check = tilde.engine.check({ source: 'x' });
    socket.dispatch('open');
    await tick();
    expect(socket.sent).toEqual([
      { id: 1, method: 'runs.plots', params: [3, 'm'] },
      { id: 2, method: 'engine.check', params: [{ source: 'x' }] },
    ]);
    const doubles = Buffer.from(new Float64Array([0.1, -2]).buffer).toString('base64');
    socket.receive({ type: 'reply', id: 1, result: { a: { num: 'NaN' }, b: { num: '-Infinity' }, c: { f64: doubles } } });
    const revived = (await plots) as unknown as { a: number; b: number; c: Float64Array };
    expect([revived.a, revived.b]).toEqual([NaN, -Infinity]);
    // The script's Float64Array is its own realm's, so compared by kind and contents.
    expect(revived.c.constructor.name).toBe('Float64Array');
    expect(Array.from(revived.c)).toEqual([0.1, -2]);
    socket.receive({ type: 'reply', id: 2, error: { name: 'EngineTimeout', message: 'took too long' } });
    await expect(check).rejects.toMatchObject({ name: 'EngineTimeout', message: 'took too long' });
  });

  it('hands a run’s events to its listener, those before it subscribed too; a closed socket rejects the calls', async () => {
    const { tilde, socket } = load();
    socket.dispatch('open');
    socket.receive({ type: 'run-event', run: 7, event: { type: 'started', chain: 0 } });
    const events: unknown[] = [];
    tilde.runs.subscribe(7, (e) => events.push(e));
    socket.receive({ type: 'run-event', run: 7, event: { type: 'end', summary: {} } });
    expect(events).toEqual([{ type: 'started', chain: 0 }, { type: 'end', summary: {} }]);
    const waiting = tilde.engine.vocabulary();
    await tick();
    socket.dispatch('close');
    await expect(waiting).rejects.toMatchObject({ name: 'ConnectionClosed' });
    await expect(tilde.engine.examples()).rejects.toMatchObject({ name: 'ConnectionClosed' });
  });

  it('saves by downloading and opens through a file input, null when its dialog is cancelled', async () => {
    const { tilde, elements } = load();
    expect(await tilde.files.save({ name: 'draws.csv', text: 'a\n1\n' }, 'csv')).toBe('draws.csv');
    expect(elements[0]).toMatchObject({ href: 'blob:1', download: 'draws.csv', clicked: 1, removed: true });
    const cancelled = tilde.files.open('data');
    expect(elements[1]).toMatchObject({ type: 'file', accept: '.json,.csv', clicked: 1 });
    elements[1]!.dispatch('cancel');
    expect(await cancelled).toBeNull();
    const opened = tilde.files.open('model');
    elements[2]!.files = [{ name: 'm.jl', text: async () => 'model text' }];
    elements[2]!.dispatch('change');
    expect(await opened).toEqual({ name: 'm.jl', text: 'model text' });
  });

  it('downloads a PNG as the bytes its base64 stands for, an SVG as its text', async () => {
    const { tilde, elements, blobs } = load();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x80]);
    expect(await tilde.files.save({ name: 'trace-mu.png', base64: Buffer.from(png).toString('base64') }, 'png')).toBe('trace-mu.png');
    expect(elements[0]).toMatchObject({ download: 'trace-mu.png', clicked: 1 });
    expect(blobs[0]!.type).toBe('image/png');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(png);
    await tilde.files.save({ name: 'trace-mu.svg', text: '<svg>μ</svg>' }, 'svg');
    expect(blobs[1]!.type).toBe('image/svg+xml;charset=utf-8');
    expect(await blobs[1]!.text()).toBe('<svg>μ</svg>');
  });
});
