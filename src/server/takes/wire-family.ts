import type { Family } from "../../shared/family";
import type { FamilyRecord } from "./family";
import { wireTake } from "./wire-take";
import { isoOrNull } from "../iso-time";

/** The one mapper from a take's family to what goes on the wire (`Family` in src/shared/family.ts). */
export function wireFamily(family: FamilyRecord): Family {
  return {
    takeId: family.takeId,
    rootId: family.rootId,
    truncated: family.truncated,
    members: family.members.map((member) => ({
      id: member.id,
      parentId: member.parentId,
      how: member.how,
      take: member.take && wireTake(member.take),
      deleted: member.deleted && { at: isoOrNull(member.deleted.at), by: member.deleted.by, prompt: member.deleted.prompt },
    })),
  };
}
