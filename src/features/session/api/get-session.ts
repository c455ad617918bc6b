import { queryOptions } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { sessionSchema, type Session } from "@/shared/session";
import { apiFetch } from "@/lib/api-client";
import { SESSION_META } from "@/lib/query-client";
import { sessionKeys } from "./keys";

export { sessionSchema, type Session };
export type SessionUser = NonNullable<Session["user"]>;

export function getSession(signal?: AbortSignal) {
  return apiFetch("/api/session", { schema: sessionSchema, signal });
}

/**
 * Asked once; it changes only by signing in or out here, or when another request is refused
 * for want of a session (the query client then marks this one stale: see SESSION_META).
 */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
    meta: SESSION_META,
  });

/**
 * A new session (or none): drop everything the previous person's requests put in the cache,
 * then set the session, which the gate and the sign-in page follow.
 */
export function replaceSession(queryClient: QueryClient, session: Session) {
  queryClient.setQueryData(sessionKeys.current(), session);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
}
