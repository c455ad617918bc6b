import { useRef } from "react";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Button } from "@/components/ui/button";
import { LoadingNote } from "@/components/ui/query-state";
import { takeQueryOptions } from "@/features/gallery/api/get-take";
import { takeKeys } from "@/features/gallery/api/keys";
import { CompareTakeReview, type CompareReviewHandler } from "@/features/review/components/compare-take-review";
import { reviewActionOf } from "@/features/review/utils/review-keys";
import type { Take } from "@/shared/take";
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
  // Review keys (C, M, X, N, F) go to the focused take's controls, with the keys of review mode.
  const queryClient = useQueryClient();
  const reviewers = useRef(new Map<string, CompareReviewHandler>());
  const registrars = useRef(new Map<string, (handler: CompareReviewHandler | null) => void>());
  /** One stable registrar per take, so its controls register once, not on every frame. */
  function registrarOf(id: string) {
    let registrar = registrars.current.get(id);
    if (!registrar) {
      registrar = (handler) => void (handler ? reviewers.current.set(id, handler) : reviewers.current.delete(id));
      registrars.current.set(id, registrar);
    }
    return registrar;
  }
  function takeChanged(take: Take) {
    queryClient.setQueryData(takeKeys.detail(take.id), take);
    void queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
  }
  function notesChanged() {
    void queryClient.invalidateQueries({ queryKey: takeKeys.all });
  }

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
      {readiness.kind === "ready" && (
        <CompareView
          key={ids.join(",")}
          takes={readiness.takes}
          renderTakeExtras={(take, seconds) => (
            <CompareTakeReview take={take} seconds={seconds} register={registrarOf(take.id)} onTakeChanged={takeChanged} onNotesChanged={notesChanged} />
          )}
          onKey={(event, focused) => {
            const action = reviewActionOf(event);
            return action !== null && (reviewers.current.get(focused.id)?.(action) ?? false);
          }}
        />
      )}
    </section>
  );
}
