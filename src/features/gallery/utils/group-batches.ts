import type { Take } from "@/shared/take";

export type GridEntry = { batchId: string; takes: readonly [Take, ...Take[]] };

/** The takes of one submit together, at the place of the first one listed (newest first). */
export function groupBatches(takes: readonly Take[]): GridEntry[] {
  const entries = new Map<string, [Take, ...Take[]]>();
  for (const take of takes) {
    const entry = entries.get(take.batchId);
    if (entry) entry.push(take);
    else entries.set(take.batchId, [take]);
  }
  return [...entries].map(([batchId, members]) => ({ batchId, takes: members }));
}

/** The DOM id of a batch's place in the grid, for scrolling to it. */
export const batchAnchor = (batchId: string) => `batch-${batchId}`;
