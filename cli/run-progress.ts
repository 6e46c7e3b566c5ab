import type { ChainOutcome, ProgressMessage, RunEvent } from '../runner/index.js';

const BAR = 24;
const REDRAW_MS = 100;

export interface ProgressView {
  onEvent(event: RunEvent): void;
  /** Draws the final state once more, so the last figures stay on screen. */
  close(): void;
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function ending(outcome: ChainOutcome): string {
  return outcome.status === 'done' ? 'done' : `${outcome.reason}: ${outcome.error.message.split('\n')[0]}`;
}

/** A line of bar per chain, redrawn in place on a terminal, at most ten times a second. */
function terminalView(stream: NodeJS.WriteStream, chains: number): ProgressView {
  const progress: (ProgressMessage | undefined)[] = Array.from({ length: chains }, () => undefined);
  const ended: (ChainOutcome | undefined)[] = Array.from({ length: chains }, () => undefined);
  let drawn = false;
  let lastDraw = 0;
  const line = (c: number): string => {
    const p = progress[c];
    const head = `chain ${c + 1} `;
    if (!p) return `${head}${ended[c] ? ending(ended[c]!) : 'starting'}`;
    const warm = p.phase === 'warmup';
    const filled = Math.round((BAR * p.iteration) / Math.max(1, p.total));
    const bar = (warm ? '▒' : '█').repeat(filled) + '·'.repeat(BAR - filled);
    const divergent = p.divergences ? `, ${p.divergences} divergent` : '';
    const time = ended[c] ? ending(ended[c]!) : `${seconds(p.elapsedMs)}${p.remainingMs === null ? '' : `, ${seconds(p.remainingMs)} left`}`;
    return `${head}${bar} ${warm ? 'warm-up ' : 'sampling'} ${p.iteration}/${p.total}${divergent}  ${time}`;
  };
  const draw = (): void => {
    lastDraw = performance.now();
    const up = drawn ? `\x1b[${chains}A` : '';
    drawn = true;
    stream.write(up + Array.from({ length: chains }, (_, c) => `\x1b[2K${line(c)}\n`).join(''));
  };
  return {
    onEvent: (e) => {
      if (e.type === 'progress') progress[e.progress.chain] = e.progress;
      else if (e.type === 'chain-end') ended[e.outcome.chain] = e.outcome;
      else return;
      if (e.type === 'chain-end' || performance.now() - lastDraw >= REDRAW_MS) draw();
    },
    close: draw,
  };
}

/** Plain lines for logs and pipes: one per tenth of each phase, and how each chain ended. */
function lineView(stream: NodeJS.WritableStream): ProgressView {
  const shown = new Map<string, number>();
  return {
    onEvent: (e) => {
      if (e.type === 'chain-end') stream.write(`chain ${e.outcome.chain + 1}: ${ending(e.outcome)}\n`);
      if (e.type !== 'progress') return;
      const p = e.progress;
      const key = `${p.chain}:${p.phase}`;
      const tenth = Math.floor((10 * p.iteration) / Math.max(1, p.total));
      if ((shown.get(key) ?? -1) >= tenth) return;
      shown.set(key, tenth);
      stream.write(`chain ${p.chain + 1}: ${p.phase} ${p.iteration}/${p.total}${p.divergences ? `, ${p.divergences} divergent` : ''}\n`);
    },
    close: () => undefined,
  };
}

/** Progress on stderr, so piping the summary stays clean. */
export function progressView(stream: NodeJS.WriteStream, chains: number): ProgressView {
  return stream.isTTY ? terminalView(stream, chains) : lineView(stream);
}
