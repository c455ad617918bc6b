/**
 * One value as both engines give it back to the same JS type: better-sqlite3 and pg (its int8
 * parser, postgres-sql.ts) both answer integers and reals as numbers, text as strings. What is
 * left to fold is what only one side can hold: bigints (a SQLite file read with safe integers)
 * and bytes.
 */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("hex") };
  return value;
}

/**
 * A row as a line of JSON: the same on both engines exactly when every value is. JSON keeps 5
 * and "5" apart, and writes a real as its shortest exact form on both sides.
 */
export function rowText(values: readonly unknown[]): string {
  return JSON.stringify(values.map(normalise));
}
