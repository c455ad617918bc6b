import { FAMILY_LIMITS } from "../../shared/family";
import type { Sql } from "../db/sql";
import type { FamilyNode, FamilyRecord } from "../takes/family";
import { rowToTake, type TakeRow } from "./take-row";

type TombstoneRow = { id: string; source_id: string | null; source_kind: FamilyNode["how"]; prompt: string; created_at: number; deleted_at: number; deleted_by: string };

const live = (row: TakeRow): FamilyNode => ({ id: row.id, parentId: null, sourceId: row.source_id, how: row.source_kind, createdAt: row.created_at, take: rowToTake(row), deleted: null });
const gone = (row: TombstoneRow): FamilyNode => ({
  id: row.id,
  parentId: null,
  sourceId: row.source_id,
  how: row.source_kind,
  createdAt: row.created_at,
  take: null,
  deleted: { at: row.deleted_at, by: row.deleted_by, prompt: row.prompt },
});
// Deleted before tombstones were kept: the link still resolves, to a member that says so.
const unknown = (id: string): FamilyNode => ({ id, parentId: null, sourceId: null, how: null, createdAt: null, take: null, deleted: { at: null, by: null, prompt: null } });


/** Reads a take's family: its sources up to the root and what came from it, live or deleted. */
export function createFamilyStore(sql: Sql) {
  const takeById = (id: string) => sql.get<TakeRow>("SELECT * FROM generations WHERE id = ?", [id]);
  const lookup = async (id: string): Promise<FamilyNode> => {
    const row = await takeById(id);
    if (row) return live(row);
    const tombstone = await sql.get<TombstoneRow>("SELECT * FROM deleted_takes WHERE id = ?", [id]);
    return tombstone ? gone(tombstone) : unknown(id);
  };
  const childrenOf = async (id: string): Promise<FamilyNode[]> =>
    [
      ...(await sql.all<TakeRow>("SELECT * FROM generations WHERE source_id = ? ORDER BY seq", [id])).map(live),
      ...(await sql.all<TombstoneRow>("SELECT * FROM deleted_takes WHERE source_id = ?", [id])).map(gone),
    ].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));

  async function familyOf(id: string): Promise<FamilyRecord | undefined> {
    const row = await takeById(id);
    if (!row) return undefined;
    const start = live(row);
    const seen = new Set([id]);
    const members: FamilyNode[] = [start];
    let truncated = false;
    for (let at = start; at.sourceId && !seen.has(at.sourceId); ) {
      if (members.length > FAMILY_LIMITS.ancestors) {
        truncated = true;
        break;
      }
      at = await lookup(at.sourceId);
      seen.add(at.id);
      members.unshift(at);
    }
    // Down by levels, oldest child first: whole levels to FAMILY_LIMITS.depth, members up to FAMILY_LIMITS.members.
    let level = [start];
    for (let depth = 1; level.length; depth++) {
      const next = (await Promise.all(level.map((node) => childrenOf(node.id)))).flat().filter((child) => !seen.has(child.id));
      const kept = depth > FAMILY_LIMITS.depth ? [] : next.slice(0, FAMILY_LIMITS.members - members.length);
      if (kept.length < next.length) truncated = true;
      for (const child of kept) seen.add(child.id);
      members.push(...kept);
      level = kept.length < next.length ? [] : kept;
    }
    const inFamily = new Set(members.map((member) => member.id));
    for (const member of members) member.parentId = member.sourceId && inFamily.has(member.sourceId) ? member.sourceId : null;
    return { takeId: id, rootId: members[0]!.id, members, truncated };
  }

  return { familyOf };
}
