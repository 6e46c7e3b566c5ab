import { useEffect, useState } from 'react';

/**
 * How many of `total` items to render: `step` at first, then `step` more at each animation frame until
 * all are. A long list put in the page at once is styled, laid out and painted in one task; added a slice
 * a frame, each frame does a part of it.
 */
export function useGradualCount(total: number, step: number): number {
  const [count, setCount] = useState(step);
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => setCount((n) => n + step));
    return () => cancelAnimationFrame(frame);
  }, [count, total, step]);
  return Math.min(count, total);
}
