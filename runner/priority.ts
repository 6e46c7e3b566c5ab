import { getPriority, setPriority } from 'node:os';

/** Sampling yields the CPU to whatever the user is doing (the window, the terminal); alone it still gets all of it. */
const NICER_BY = 10;
const NICEST = 19;

/**
 * Raises a chain worker's niceness (inherited from its parent) by 10, best effort: a system that
 * refuses, or a process whose id is not known yet (an Electron utility process before it has
 * spawned), leaves it at normal priority.
 */
export function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, Math.min(NICEST, getPriority(pid) + NICER_BY));
  } catch {
    // Refused (a sandbox without the capability): the chain runs at normal priority, only slower to share.
  }
}
