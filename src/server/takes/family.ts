import type { SourceKind } from "../../shared/family";
import type { TakeRecord } from "./take";

/** What stays of a deleted take; all null when it was deleted before tombstones were kept. */
type Tombstone = { at: number | null; by: string | null; prompt: string | null };

/** One member of a take's family: a live take or a tombstone, and how it came from its source. */
export type FamilyNode = {
  id: string;
  /** The member it came from, when that is in the family as returned; null for the root. */
  parentId: string | null;
  sourceId: string | null;
  how: SourceKind | null;
  createdAt: number | null;
  take: TakeRecord | null;
  deleted: Tombstone | null;
};

export type FamilyRecord = { takeId: string; rootId: string; members: FamilyNode[]; truncated: boolean };
