import { CONNECTION_SCRIPT } from './client/connection.js';
import { FILES_SCRIPT } from './client/files.js';

/**
 * The browser's `window.tilde`: the whole TildeApi but `files.saveTo` and `app` (the app's menu and
 * windows), over the server's WebSocket. Served as one classic script before the renderer's module,
 * so the renderer finds the same API it has in the app.
 */
export const CLIENT_SCRIPT = `(() => {
${CONNECTION_SCRIPT}
${FILES_SCRIPT}
  const { call, subscribe } = connect();
  window.tilde = {
    platform: 'web',
    versions: {},
    engine: {
      check: (request) => call('engine.check', request),
      auto: (request) => call('engine.auto', request),
      benchmark: (request) => call('engine.benchmark', request),
      optimize: (request) => call('engine.optimize', request),
      cancel: (method) => call('engine.cancel', method),
      examples: () => call('engine.examples'),
      vocabulary: () => call('engine.vocabulary'),
    },
    runs: {
      start: (request) => call('runs.start', request),
      cancel: (id) => call('runs.cancel', id),
      subscribe,
      diagnose: (id, probs) => call('runs.diagnose', id, probs),
      plots: (id, parameter) => call('runs.plots', id, parameter),
      export: (id, kind, probs) => call('runs.export', id, kind, probs),
      predict: (id, replicate) => call('runs.predict', id, replicate),
      loo: (id, options) => call('runs.loo', id, options),
      compareLoo: (ids) => call('runs.compareLoo', ids),
    },
    files: { save: saveFile, open: openFile },
  };
})();
`;
