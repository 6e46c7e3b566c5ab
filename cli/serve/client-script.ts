/**
 * The browser's `window.tilde`: the preload's run API over the server's WebSocket. Served as a classic
 * script before the renderer's module, so the renderer finds the same API it has in the app.
 * Float64Arrays travel as `{"f64": base64}` inside the JSON.
 */
export const CLIENT_SCRIPT = `(() => {
  const socket = new WebSocket('ws://' + location.host + '/api');
  const open = new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  const calls = new Map();
  const listeners = new Map();
  const early = new Map();
  let next = 1;
  const revive = (_key, v) => {
    if (!v || typeof v.f64 !== 'string') return v;
    const bytes = Uint8Array.from(atob(v.f64), (c) => c.charCodeAt(0));
    return new Float64Array(bytes.buffer);
  };
  socket.addEventListener('message', (e) => {
    const m = JSON.parse(e.data, revive);
    if (m.type === 'reply') {
      const call = calls.get(m.id);
      calls.delete(m.id);
      if (m.error) call.reject(Object.assign(new Error(m.error.message), { name: m.error.name }));
      else call.resolve(m.result);
    } else if (m.type === 'run-event') {
      const listener = listeners.get(m.run);
      if (listener) listener(m.event);
      else early.set(m.run, [...(early.get(m.run) || []), m.event]);
      if (m.event.type === 'end') listeners.delete(m.run);
    }
  });
  const call = async (method, params) => {
    await open;
    const id = next++;
    return new Promise((resolve, reject) => {
      calls.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  };
  window.tilde = {
    platform: 'web',
    versions: {},
    runs: {
      start: (request) => call('runs.start', request),
      cancel: (id) => call('runs.cancel', id),
      subscribe: (id, listener) => {
        listeners.set(id, listener);
        for (const event of early.get(id) || []) listener(event);
        early.delete(id);
      },
    },
  };
})();
`;
