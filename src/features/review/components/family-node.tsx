import { Link } from "react-router";
import type { FamilyMember } from "@/shared/family";
import { HOW_LABELS } from "../utils/family-shape";
import { dayLabel } from "../utils/when";

type FamilyNodeProps = {
  member: FamilyMember;
  kids: Map<string, FamilyMember[]>;
  currentId: string;
  chosen: readonly string[];
  /** As many are chosen as compare takes: only unchoosing is offered. */
  full: boolean;
  onToggle: (member: FamilyMember) => void;
};

function tombstone(deleted: NonNullable<FamilyMember["deleted"]>): string {
  const by = deleted.by ? ` by ${deleted.by}` : "";
  const on = deleted.at ? ` on ${dayLabel(deleted.at)}` : "";
  return `deleted${by}${on}`;
}

/** One member and, nested under it, what came from it. A deleted member is a line of text, never a link. */
export function FamilyNode({ member, kids, currentId, chosen, full, onToggle }: FamilyNodeProps) {
  const how = member.how ? HOW_LABELS[member.how] : member.parentId ? "made from it" : null;
  const { take } = member;
  const children = kids.get(member.id) ?? [];
  const title = take ? take.prompt || "Untitled take" : (member.deleted?.prompt ?? "A deleted take");
  const picked = chosen.includes(member.id);

  return (
    <li className="py-1">
      <div className="flex flex-wrap items-center gap-2">
        {take && (
          <input
            type="checkbox"
            aria-label={`Choose “${title}” to compare`}
            checked={picked}
            disabled={full && !picked}
            onChange={() => onToggle(member)}
            className="size-4 accent-accent-600"
          />
        )}
        {how && <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{how}</span>}
        {take ? (
          <Link
            to={`/g/${encodeURIComponent(take.id)}`}
            aria-current={member.id === currentId ? "page" : undefined}
            className="text-accent-700 underline underline-offset-2 aria-[current=page]:font-semibold aria-[current=page]:no-underline dark:text-accent-300"
          >
            {title}
          </Link>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">
            <span className="line-through">{title}</span> ({member.deleted ? tombstone(member.deleted) : "deleted"})
          </span>
        )}
        {member.id === currentId && <span className="text-xs text-zinc-600 dark:text-zinc-400">(this take)</span>}
      </div>
      {children.length > 0 && (
        <ul className="ml-4 border-l border-zinc-200 pl-3 dark:border-zinc-700">
          {children.map((child) => (
            <FamilyNode key={child.id} member={child} kids={kids} currentId={currentId} chosen={chosen} full={full} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
