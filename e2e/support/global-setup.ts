import { rmSync } from 'node:fs';
import { SCREENSHOTS } from './workbench.js';

/** The screenshots of the last run only: a stale picture of an older UI would mislead whoever looks. */
export default function clearScreenshots(): void {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
}
