import { prepare } from '../core/lang/index.js';
import { sample } from '../core/run/index.js';
import { request } from './streaming-request.js';

/**
 * Run from its bundle with the workers' V8 flags (see streaming.ts) and a seed: the streaming bench's
 * chain sampled in this process with no one listening; prints its sampling-phase draws per second.
 */
function main(): void {
  const seed = Number(process.argv[2]);
  if (!Number.isInteger(seed)) throw new Error(`usage: streaming-baseline.ts SEED (got ${process.argv[2]})`);
  const p = prepare(request);
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  const chains = sample(p.value.model, p.value.args, request.sampler, { ...request, chains: 1, seed, ad: request.ad! });
  process.stdout.write(String(request.draws / chains.info(0).samplingSeconds!));
}

main();
