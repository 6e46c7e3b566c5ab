/**
 * Okabe and Ito's colour-blind-safe palette, yellow left out (unreadable on white). Chains past the
 * seventh reuse the colours in order.
 */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'] as const;

export function chainColour(chain: number): string {
  return OKABE_ITO[chain % OKABE_ITO.length]!;
}

/** Divergent draws: dark and drawn as a distinct symbol, so they read against every chain colour. */
export const DIVERGENT_COLOUR = '#222222';
