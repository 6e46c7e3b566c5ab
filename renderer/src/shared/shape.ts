/** Dimensions as people write them: `scalar`, `8`, `3×4`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}
