import type { Take } from "@/shared/take";

/** The takes of one submit, shown together. */
export type TakeGroup = { batchId: string; takes: Take[] };

/**
 * A shot's row: takes in the order they were made, the takes of one submit together, and the
 * circled take first (its batch leads the row and it leads its batch).
 */
export function boardGroups(takes: readonly Take[], circledTakeId: string | null): TakeGroup[] {
  const made = [...takes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const groups = new Map<string, Take[]>();
  for (const take of made) groups.set(take.batchId, [...(groups.get(take.batchId) ?? []), take]);
  const ordered = [...groups].map(([batchId, members]) => ({ batchId, takes: members }));
  const circled = ordered.findIndex((group) => group.takes.some((take) => take.id === circledTakeId));
  if (circled < 0) return ordered;
  const [lead] = ordered.splice(circled, 1);
  if (!lead) return ordered;
  const take = lead.takes.find((t) => t.id === circledTakeId);
  const first = { batchId: lead.batchId, takes: take ? [take, ...lead.takes.filter((t) => t !== take)] : lead.takes };
  return [first, ...ordered];
}
