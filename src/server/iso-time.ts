/** Times are epoch milliseconds inside the server and ISO 8601 (UTC) on the wire. */
export const iso = (ms: number) => new Date(ms).toISOString();

export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
