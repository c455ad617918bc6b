import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import type { TakeSelection } from "../hooks/use-take-selection";

const COMPARE_MIN = 2;
const COMPARE_MAX = 4;

const linkClass =
  "inline-flex h-8 items-center rounded-lg bg-accent-600 px-3 text-xs font-medium text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-accent-500 dark:hover:bg-accent-400";
const offClass = "inline-flex h-8 items-center rounded-lg border border-dashed border-zinc-300 px-3 text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400";

const withIds = (path: string, ids: readonly string[]) => `${path}?ids=${ids.map(encodeURIComponent).join(",")}`;

/** What the picked takes can be opened in: compare (2 to 4 of them) and review (any). */
export function SelectionBar({ selection }: { selection: TakeSelection }) {
  const { ids, clear } = selection;
  const n = ids.length;
  const comparable = n >= COMPARE_MIN && n <= COMPARE_MAX;
  return (
    <div role="group" aria-label="Selected takes" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{n === 0 ? "Tick takes to compare or review them." : `${n} selected`}</span>
      {comparable ? (
        <Link to={withIds("/compare", ids)} className={linkClass}>
          Compare ({n})
        </Link>
      ) : (
        n > 0 && <span className={offClass}>{n < COMPARE_MIN ? "Compare needs 2 to 4 takes" : `Compare takes at most ${COMPARE_MAX}`}</span>
      )}
      {n > 0 && (
        <>
          <Link to={withIds("/review", ids)} className={linkClass}>
            Review ({n})
          </Link>
          <Button size="sm" variant="ghost" onClick={clear}>
            Clear selection
          </Button>
        </>
      )}
    </div>
  );
}
