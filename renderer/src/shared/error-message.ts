/** A failure's message for the user, whatever was thrown (the API's errors cross process boundaries as Errors). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
