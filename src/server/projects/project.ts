/** A project as the server works with it. Times are epoch milliseconds. */
export type ProjectRecord = {
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
  createdBy: string;
};

export type ShotCounts = { takes: number; circled: number; rejected: number; notes: number };

/** A shot with what its takes add up to. */
export type ShotRecord = {
  id: string;
  projectId: string;
  code: string;
  description: string | null;
  /** 1, 2, 3… within the project: unique and dense. */
  order: number;
  createdAt: number;
  counts: ShotCounts;
  circledTakeId: string | null;
};

/** Deleting a project or shot: refused while takes belong to it (they are never deleted along with it). */
export type DeleteEmptyOutcome = { outcome: "missing" } | { outcome: "has_takes"; takes: number } | { outcome: "deleted" };

/** Adding or changing a shot: done, or what stopped it (nothing is written then). */
export type ShotOutcome = { outcome: "missing" } | { outcome: "code_taken"; code: string } | { outcome: "bad_order"; max: number } | { outcome: "done"; shot: ShotRecord };
