import { useQueries } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Button } from "@/components/ui/button";
import { LoadingNote } from "@/components/ui/query-state";
import { takeQueryOptions } from "@/features/gallery/api/get-take";
import { CompareView } from "@/features/compare/components/compare-view";
import { parseCompareIds } from "@/features/compare/utils/compare-ids";
import { compareReadiness, type Readiness } from "@/features/compare/utils/compare-readiness";

const backLinkClass = "text-sm font-medium text-accent-700 underline underline-offset-4 dark:text-accent-300";

/** `/compare?ids=a,b[,c[,d]]`: two to four takes under one transport. Loaded on demand (React.lazy). */
export function CompareRoute() {
  const [params] = useSearchParams();
  const parsed = parseCompareIds(params.get("ids"));
  const ids = parsed.ok ? parsed.ids : [];
  // Unfinished takes poll (the gallery's schedule), so the comparison opens once they are done.
  const queries = useQueries({ queries: ids.map((id) => takeQueryOptions(id)) });
  const readiness: Readiness = parsed.ok
    ? compareReadiness(queries.map((query, index) => ({ id: ids[index] ?? "", take: query.data, error: query.error })))
    : { kind: "blocked", problems: [parsed.message], canRetry: false };

  return (
    <section aria-labelledby="compare-heading" className="space-y-4">
      <div className="space-y-2">
        <Link to="/" className={backLinkClass}>
          ← All takes
        </Link>
        <h2 id="compare-heading" className="text-base font-semibold">
          Compare takes
        </h2>
      </div>
      {readiness.kind === "loading" && <LoadingNote>Loading the takes…</LoadingNote>}
      {readiness.kind === "blocked" && (
        <div role="alert" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">These takes can't be compared yet:</p>
          <ul className="list-disc space-y-1 pl-5">
            {readiness.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {readiness.canRetry && (
            <Button size="sm" onClick={() => queries.forEach((query) => query.isError && void query.refetch())}>
              Try again
            </Button>
          )}
        </div>
      )}
      {readiness.kind === "ready" && <CompareView key={ids.join(",")} takes={readiness.takes} />}
    </section>
  );
}
