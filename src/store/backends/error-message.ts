/** The message of anything thrown, for start-up errors that name what could not be opened. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
