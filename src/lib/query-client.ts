import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { DefaultOptions, Query } from "@tanstack/react-query";
import { ERROR_CODES } from "@/shared/api-error";
import { ApiError } from "./api-client";

const STUDIO_DEFAULTS: DefaultOptions = {
  queries: {
    staleTime: 10_000,
    // A 4xx will not change on retry; only network and 5xx failures are worth another try.
    retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
  },
};

/** The query that says who is signed in marks itself with this meta, so lib needs no feature import. */
export const SESSION_META = { session: true } as const;

const isSessionQuery = (query: Pick<Query, "meta">) => query.meta?.["session"] === true;

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === ERROR_CODES.unauthenticated;
}

/**
 * One client for the app (and, with `retry: false` defaults, for each test). Any request the
 * server refuses for want of a session (an expired cookie) asks the session again, once: the
 * session gate then shows the sign-in page instead of a page of errors.
 */
export function createQueryClient(defaultOptions: DefaultOptions = STUDIO_DEFAULTS) {
  const recheckSession = (error: unknown) => {
    if (!isUnauthenticated(error)) return;
    void queryClient.invalidateQueries({ predicate: isSessionQuery });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // The session query itself is never refused; skipping it rules out a refetch loop.
      onError: (error, query) => {
        if (!isSessionQuery(query)) recheckSession(error);
      },
    }),
    mutationCache: new MutationCache({ onError: recheckSession }),
    defaultOptions,
  });
  return queryClient;
}
