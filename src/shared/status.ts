export const GENERATION_STATUSES = ["queued", "generating", "completed", "failed"] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

const TERMINAL: ReadonlySet<GenerationStatus> = new Set(["completed", "failed"]);

export function isTerminal(status: GenerationStatus): boolean {
  return TERMINAL.has(status);
}
