/**
 * The entry of a worker process (an Electron utility process or a Node child process). A chain
 * worker samples one chain job at a time while streaming, and is then stopped by the run manager or
 * kept for a later chain (a worker pool); the engine process answers engine jobs (check, benchmark,
 * optimise) one after another for as long as its host keeps it.
 */
import { runChainJob } from './chain-job.js';
import { runEngineJob } from './engine/engine-job.js';
import { parseWorkerJob, toWireError } from './protocol.js';
import { connectToParent } from './transport.js';

// Ctrl-C in a terminal reaches the whole process group; the manager decides, so the chain ends as
// cancelled with its draws kept rather than dying first and being reported as crashed.
process.on('SIGINT', () => undefined);

const transport = connectToParent();
// A chain job runs to its end synchronously, so a pooled process reads the next job only after this one's end.
transport.onJob((message) => {
  try {
    const job = parseWorkerJob(message);
    if (job.type === 'engine') return transport.send(runEngineJob(job));
    runChainJob(job, (m) => transport.send(m));
  } catch (e) {
    const { chain, id } = (message ?? {}) as { chain?: unknown; id?: unknown };
    if (typeof id === 'number') transport.send({ type: 'engine-error', id, error: toWireError(e) });
    else transport.send({ type: 'error', chain: typeof chain === 'number' ? chain : 0, error: toWireError(e) });
  }
});
