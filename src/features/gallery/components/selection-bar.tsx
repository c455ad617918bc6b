import { Link } from "react-router";
import { Button } from "@/components/ui/button";

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

const linkClass =
  "inline-flex h-8 items-center rounded-lg px-3 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500";
const enabledClass = `${linkClass} bg-accent-600 text-white hover:bg-accent-700 dark:bg-accent-500 dark:hover:bg-accent-400`;
const disabledClass = `${linkClass} cursor-not-allowed bg-zinc-200 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400`;

type SelectionBarProps = { ids: readonly string[]; onClear: () => void };

/** What the picked takes can be opened in: compare takes 2 to 4, review any number. */
export function SelectionBar({ ids, onClear }: SelectionBarProps) {
  if (ids.length === 0) return null;
  const query = `ids=${ids.map(encodeURIComponent).join(",")}`;
  const canCompare = ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX;

  return (
    <div
      role="region"
      aria-label="Selected takes"
      className="sticky top-2 z-20 mb-4 flex flex-wrap items-center gap-2 rounded-xl border border-accent-200 bg-white/95 p-2 pl-4 text-sm shadow-md dark:border-accent-800 dark:bg-zinc-900/95"
    >
      <p aria-live="polite" className="font-medium">
        {ids.length} selected
      </p>
      {canCompare ? (
        <Link to={`/compare?${query}`} className={enabledClass}>
          Compare
        </Link>
      ) : (
        // A link with nowhere to go yet: it stays in the tab order and says why.
        <a role="link" aria-disabled="true" tabIndex={0} aria-describedby="compare-why" className={disabledClass}>
          Compare
        </a>
      )}
      <Link to={`/review?${query}`} className={enabledClass}>
        Review
      </Link>
      {!canCompare && (
        <span id="compare-why" className="text-xs text-zinc-500 dark:text-zinc-400">
          Compare takes {COMPARE_MIN} to {COMPARE_MAX}.
        </span>
      )}
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
