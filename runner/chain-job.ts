import { prepare } from '../core/lang/index.js';
import { toDiagnostic } from '../core/lang/compile/index.js';
import { sample, type Progress } from '../core/run/index.js';
import type { ChainsLayout } from '../core/chains/index.js';
import { DrawsBuffer } from './draws-buffer.js';
import { toWireError, type ChainJob, type WorkerMessage } from './protocol.js';

/**
 * Samples one chain of a run and streams it: the layout first, then draws and progress together, no
 * more often than every `batchMs` (the sampler hands them over a few iterations at a time), and at
 * the end what is left and the chain's information. A failure is sent as an error, not thrown.
 */
export function runChainJob(job: ChainJob, send: (message: WorkerMessage) => void): void {
  const { request, chain } = job;
  send({ type: 'started', chain });
  const prepared = prepare(request);
  if (!prepared.ok) {
    const first = prepared.diagnostics.find((d) => d.severity === 'error');
    send({ type: 'error', chain, error: { name: 'ModelError', message: first?.message ?? 'the model does not compile', diagnostics: prepared.diagnostics } });
    return;
  }
  const { model, args } = prepared.value;
  const started = performance.now();
  let lastSent = started;
  let buffer: DrawsBuffer | undefined;
  // Where the chain is before its first report: a long first iteration's heartbeat says it is alive and still there.
  let progress: Progress = { chain, phase: request.warmup > 0 ? 'warmup' : 'sampling', iteration: 0, total: request.warmup > 0 ? request.warmup : request.draws, divergences: 0 };
  const flush = (): void => {
    lastSent = performance.now();
    send(progressMessage(progress, request.warmup + request.draws, lastSent - started));
    const draws = buffer?.take();
    if (draws) send(draws);
  };
  const due = (): void => {
    if (performance.now() - lastSent >= job.batchMs) flush();
  };
  try {
    const chains = sample(model, args, request.sampler, {
      draws: request.draws,
      warmup: request.warmup,
      chains: request.chains,
      seed: request.seed,
      chainIndices: [chain],
      // A batch leaves at the first iteration boundary after `batchMs`, however slow the model, and
      // draws are constrained in groups (see `drawsEveryMs`).
      batchMs: job.batchMs,
      drawsEveryMs: job.batchMs,
      ...(request.ad !== undefined ? { ad: request.ad } : {}),
      ...(request.thin !== undefined ? { thin: request.thin } : {}),
      ...(request.init !== undefined ? { init: request.init } : {}),
      onLayout: (layout: ChainsLayout) => {
        const full = { parameters: [...layout.parameters], generated: [...(layout.generated ?? [])], stats: [...(layout.stats ?? [])] };
        buffer = new DrawsBuffer(chain, { parameters: full.parameters.length, generated: full.generated.length, stats: full.stats.length });
        send({ type: 'layout', chain, layout: full });
      },
      onDraws: (_, batch) => {
        buffer!.add(batch);
        due();
      },
      onProgress: (p) => {
        progress = p;
        due();
      },
      heartbeat: due,
    });
    flush();
    send({ type: 'done', chain, info: chains.info(chain) });
  } catch (e) {
    flush();
    const diagnostic = toDiagnostic(request.source, e, model.params[0]?.span ?? { from: 0, to: 0 });
    send({ type: 'error', chain, error: toWireError(e, [diagnostic]) });
  }
}

/** Elapsed time and, from the pace so far over warm-up and sampling together, the time left. */
function progressMessage(p: Progress, iterations: number, elapsedMs: number): WorkerMessage {
  const done = p.phase === 'warmup' ? p.iteration : iterations - p.total + p.iteration;
  const remainingMs = done > 0 ? (elapsedMs / done) * (iterations - done) : null;
  return { type: 'progress', chain: p.chain, phase: p.phase, iteration: p.iteration, total: p.total, divergences: p.divergences, elapsedMs, remainingMs };
}
