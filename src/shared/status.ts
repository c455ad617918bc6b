/** "finishing": the upstream is done and the video is being archived; not yet safe. */
export const GENERATION_STATUSES = ["queued", "generating", "finishing", "completed", "failed"] as const;
export type TakeStatus = (typeof GENERATION_STATUSES)[number];

const TERMINAL: ReadonlySet<TakeStatus> = new Set(["completed", "failed"]);

export function isTerminal(status: TakeStatus): boolean {
  return TERMINAL.has(status);
}
