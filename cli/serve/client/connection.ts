/**
 * The browser's end of the WebSocket (classic-script source): calls with their replies, and each
 * run's events for its one listener, kept until it subscribes. Float64Arrays arrive as
 * `{f64: base64}`, NaN and the infinities as `{num: "NaN"}`; an error reply rejects with the
 * engine's error name and message. A closed socket rejects every waiting and later call.
 */
export const CONNECTION_SCRIPT = `
const connect = () => {
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api');
  const calls = new Map();
  const listeners = new Map();
  const early = new Map();
  let next = 1;
  let closed = null;
  const open = new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  const revive = (_key, v) => {
    if (!v || typeof v !== 'object') return v;
    if (typeof v.f64 === 'string') return new Float64Array(Uint8Array.from(atob(v.f64), (c) => c.charCodeAt(0)).buffer);
    if (typeof v.num === 'string' && Object.keys(v).length === 1) return Number(v.num);
    return v;
  };
  const failure = (error) => Object.assign(new Error(error.message), { name: error.name });
  socket.addEventListener('message', (e) => {
    const m = JSON.parse(e.data, revive);
    if (m.type === 'reply') {
      const call = calls.get(m.id);
      calls.delete(m.id);
      if (!call) return;
      if (m.error) call.reject(failure(m.error));
      else call.resolve(m.result);
    } else if (m.type === 'run-event') {
      const listener = listeners.get(m.run);
      if (listener) listener(m.event);
      else early.set(m.run, [...(early.get(m.run) || []), m.event]);
      if (m.event.type === 'end') listeners.delete(m.run);
    }
  });
  socket.addEventListener('close', () => {
    closed = failure({ name: 'ConnectionClosed', message: 'the connection to tilde serve closed: restart it and reload the page' });
    for (const call of calls.values()) call.reject(closed);
    calls.clear();
  });
  const call = async (method, ...params) => {
    await Promise.race([open, new Promise((resolve) => socket.addEventListener('close', resolve, { once: true }))]);
    if (closed) throw closed;
    const id = next++;
    return new Promise((resolve, reject) => {
      calls.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  };
  const subscribe = (id, listener) => {
    listeners.set(id, listener);
    for (const event of early.get(id) || []) listener(event);
    early.delete(id);
  };
  return { call, subscribe };
};
`;
