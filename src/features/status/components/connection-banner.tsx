import { useSyncExternalStore } from "react";
import { useQueryClient, type QueryCache } from "@tanstack/react-query";
import { isUnreachable } from "@/lib/api-client";

/** Is the latest try of any query a failure to reach the server (no answer at all)? */
function unreachable(cache: QueryCache): boolean {
  return cache.getAll().some((query) => query.state.fetchFailureCount > 0 && isUnreachable(query.state.fetchFailureReason));
}

/**
 * Says so while the studio's server cannot be reached, instead of polling in silence: the
 * takes' polls back off meanwhile (poll-delay.ts) and the banner goes once one gets through.
 */
export function ConnectionBanner() {
  const cache = useQueryClient().getQueryCache();
  const offline = useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => unreachable(cache),
    () => false,
  );
  if (!offline) return null;
  return (
    <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-2.5 text-center text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200">
      Can't reach the Dailies server — reconnecting…
    </div>
  );
}
