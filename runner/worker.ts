/**
 * The entry of a run's worker process (an Electron utility process or a Node child process): it
 * waits for one chain job, samples it while streaming, and is then stopped by the run manager.
 */
import { runChainJob } from './chain-job.js';
import { parseChainJob, toWireError } from './protocol.js';
import { connectToParent } from './transport.js';

// Ctrl-C in a terminal reaches the whole process group; the manager decides, so the chain ends as
// cancelled with its draws kept rather than dying first and being reported as crashed.
process.on('SIGINT', () => undefined);

const transport = connectToParent();
transport.onJob((message) => {
  try {
    runChainJob(parseChainJob(message), (m) => transport.send(m));
  } catch (e) {
    const chain = (message as { chain?: unknown } | undefined)?.chain;
    transport.send({ type: 'error', chain: typeof chain === 'number' ? chain : 0, error: toWireError(e) });
  }
});
