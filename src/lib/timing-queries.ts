import { queryOptions } from "@tanstack/react-query";
import { timingsResponseSchema } from "@/shared/api";
import { apiFetch } from "./api-client";

export const timingKeys = { all: ["timings"] as const };

/**
 * How long takes have taken in this studio (`GET /api/timings`), for the cards' time left, the
 * form's "usually ready in" and the tab's poll pace. A minute old is fresh enough: it moves
 * with each finished take, slowly.
 */
export const timingsQueryOptions = () =>
  queryOptions({
    queryKey: timingKeys.all,
    queryFn: ({ signal }) => apiFetch("/api/timings", { schema: timingsResponseSchema, signal }),
    select: (data) => data.timings,
    staleTime: 60_000,
  });
