/**
 * "checking": the create ended ambiguously (a timeout after sending, a reset, a 5xx, a reply
 * without an id) and the provider's usage log is being read to learn whether it arrived.
 * "finishing": the upstream is done and the video is being archived; not yet safe.
 */
export const GENERATION_STATUSES = ["checking", "queued", "generating", "finishing", "completed", "failed"] as const;
export type TakeStatus = (typeof GENERATION_STATUSES)[number];

const TERMINAL: ReadonlySet<TakeStatus> = new Set(["completed", "failed"]);

export function isTerminal(status: TakeStatus): boolean {
  return TERMINAL.has(status);
}
