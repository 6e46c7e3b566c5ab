/** At most `max` items taken at an even stride, the first always among them: for scatter plots, where LTTB's line shape means nothing. */
export function strided<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, k) => items[Math.floor(k * step)]!);
}
