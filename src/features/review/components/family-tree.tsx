import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { panelClass } from "@/components/ui/styles";
import type { FamilyMember } from "@/shared/family";
import { familyQueryOptions } from "../api/get-family";
import { childrenOf } from "../utils/family-shape";
import { FamilyNode } from "./family-node";

/** Compare opens two to four takes side by side. */
const COMPARE_MAX = 4;

/** Where a take came from and what came from it, as a nested list; any two members open in compare. */
export function FamilyTree({ takeId }: { takeId: string }) {
  const query = useQuery(familyQueryOptions(takeId));
  const [chosen, setChosen] = useState<string[]>([]);

  let body;
  if (query.isPending) body = <LoadingNote>Loading the family…</LoadingNote>;
  else if (query.isError) body = <LoadFailed what="the family" error={query.error} onRetry={query.refetch} />;
  else if (query.data.members.length < 2) body = <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing came from this take yet, and it came from no other.</p>;
  else {
    const family = query.data;
    const kids = childrenOf(family.members);
    const root = family.members.find((member) => member.id === family.rootId) ?? family.members[0];
    const toggle = (member: FamilyMember) => setChosen((ids) => (ids.includes(member.id) ? ids.filter((id) => id !== member.id) : [...ids, member.id]));
    body = (
      <>
        <ul className="text-sm">
          {root && <FamilyNode member={root} kids={kids} currentId={takeId} chosen={chosen} full={chosen.length >= COMPARE_MAX} onToggle={toggle} />}
        </ul>
        {family.truncated && <p className="text-xs text-zinc-600 dark:text-zinc-400">Only the nearest relatives are shown: this family goes further.</p>}
        <div className="flex items-center gap-3 text-sm">
          {chosen.length >= 2 ? (
            <Link to={`/compare?ids=${chosen.map(encodeURIComponent).join(",")}`} className="font-medium text-accent-700 underline underline-offset-4 dark:text-accent-300">
              Compare
            </Link>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">Choose two takes to compare them.</span>
          )}
        </div>
      </>
    );
  }

  return (
    <section aria-labelledby="family-heading" className={`${panelClass} space-y-3 p-4`}>
      <h3 id="family-heading" className="text-sm font-semibold">
        Family
      </h3>
      {body}
    </section>
  );
}
