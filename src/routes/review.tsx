import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { takeKeys } from "@/features/gallery/api/keys";
import { reviewSessionQueryOptions } from "@/features/review/api/list-review-takes";
import type { ReviewSource } from "@/features/review/api/list-review-takes";
import { ReviewMode } from "@/features/review/components/review-mode";
import { takeFiltersSchema } from "@/shared/take";
import type { Take } from "@/shared/take";

/** The list filters the review can go through, as the gallery writes them in its address. */
const FILTERS = Object.keys(takeFiltersSchema.shape);

/** `?ids=a,b,c` is a selection in its order; anything else is a filter of the list. */
export function reviewSourceOf(params: URLSearchParams): ReviewSource {
  const ids = params.get("ids");
  if (ids !== null) return { ids: [...new Set(ids.split(",").map((id) => id.trim()).filter(Boolean))] };
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { filters };
}

const page = "fixed inset-0 z-40 space-y-3 bg-zinc-950 p-6 text-zinc-100";
const linkClass = "text-sm font-medium text-zinc-100 underline underline-offset-4";

/** `/review?…`: keyboard review of a selection, a shot, a batch or a gallery filter. Esc goes back. */
export function ReviewRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const source = reviewSourceOf(params);
  const session = useQuery(reviewSessionQueryOptions(source));

  // Opened from a link in the studio, back is where the reviewer came from; opened directly, the gallery.
  const leave = () => void (location.key === "default" ? navigate("/") : navigate(-1));
  function takeChanged(take: Take) {
    queryClient.setQueryData(takeKeys.detail(take.id), take);
    void queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
  }
  function notesChanged() {
    void queryClient.invalidateQueries({ queryKey: takeKeys.all });
  }

  if (session.isPending) {
    return (
      <main className={page}>
        <LoadingNote>Finding the takes to review…</LoadingNote>
      </main>
    );
  }
  if (session.isError) {
    return (
      <main className={page}>
        <LoadFailed what="the takes to review" error={session.error} onRetry={session.refetch} box />
        <Link to="/" className={linkClass}>
          Back to all takes
        </Link>
      </main>
    );
  }
  const { takes, missing, more } = session.data;
  if (takes.length === 0) {
    return (
      <main className={page}>
        <h1 className="text-lg font-semibold">Nothing to review here</h1>
        <p className="text-sm text-zinc-300">{missing.length > 0 ? `No take has the id ${missing.join(", ")}.` : "No take matches these filters."}</p>
        <Link to="/" className={linkClass}>
          Back to all takes
        </Link>
      </main>
    );
  }
  const notice = [missing.length > 0 && `Not found (deleted?): ${missing.join(", ")}.`, more && `Only the first ${takes.length} takes are in this review.`].filter(Boolean).join(" ");
  return <ReviewMode takes={takes} onTakeChanged={takeChanged} onNotesChanged={notesChanged} onLeave={leave} notice={notice || undefined} />;
}
