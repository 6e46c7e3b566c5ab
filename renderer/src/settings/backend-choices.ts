export interface BackendChoice {
  /** What the engine reads (`parseBackend`'s syntax). */
  value: string;
  /** As the benchmark labels it. */
  label: string;
}

export const BACKEND_CHOICES: readonly BackendChoice[] = [
  { value: 'auto', label: 'auto' },
  { value: 'forwarddiff', label: 'forwarddiff' },
  { value: 'reversediff', label: 'reversediff' },
  { value: 'reversediff:compile', label: 'reversediff (compiled)' },
  { value: 'tracker', label: 'tracker' },
];

/** The selector's value for a benchmark row's label, if the selector offers that backend. */
export function backendValueOfLabel(label: string): string | undefined {
  return BACKEND_CHOICES.find((c) => c.label === label)?.value;
}
