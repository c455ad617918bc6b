/**
 * Why the migration can't start or go on, in words fit to print as they are: a wrong flag, a
 * missing file, a database that can't be reached. The command prints the message, not a stack.
 */
export class Refusal extends Error {
  override readonly name = "Refusal";
}

/** An error's own words: pg's connection errors carry only a `code` (an AggregateError of each address tried). */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === "string" ? code : error.name);
}
