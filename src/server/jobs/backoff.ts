/** Exponential backoff with full jitter, never under `retryAfterMs` when the upstream named one. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}
