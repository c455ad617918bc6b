import type { FamilyMember, SourceKind } from "@/shared/family";

export const HOW_LABELS: Record<SourceKind, string> = {
  rerun: "re-run exactly",
  variation: "new variation",
  edited: "edited in the form",
  last_frame: "continued from its last frame",
  other_model: "re-run with another model",
};

/** Each member's children, in the order the BFF lists them (parents before children). */
export function childrenOf(members: readonly FamilyMember[]): Map<string, FamilyMember[]> {
  const kids = new Map<string, FamilyMember[]>();
  for (const member of members) {
    if (member.parentId === null) continue;
    kids.set(member.parentId, [...(kids.get(member.parentId) ?? []), member]);
  }
  return kids;
}
