/** Time the charts may take in one animation frame before the rest wait for the next one. */
const FRAME_BUDGET_MS = 12;

const waiting = new Set<() => void>();
let scheduled = false;

function drawWaiting(): void {
  scheduled = false;
  const start = performance.now();
  let drawn = 0;
  for (const draw of [...waiting]) {
    // At least one chart a frame, so a chart slower than the budget is still drawn.
    if (drawn > 0 && performance.now() - start > FRAME_BUDGET_MS) break;
    waiting.delete(draw);
    draw();
    drawn++;
  }
  if (waiting.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(drawWaiting);
}

/**
 * Draws in the next animation frame with time to spare: charts that all change at once are spread over
 * frames instead of making one long task. A chart asking again before its turn keeps its place.
 */
export function requestDraw(draw: () => void): void {
  waiting.add(draw);
  schedule();
}

export function cancelDraw(draw: () => void): void {
  waiting.delete(draw);
}
