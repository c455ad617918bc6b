import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { familySchema } from "@/shared/family";
import { reviewKeys } from "./keys";

export function getFamily(takeId: string, signal?: AbortSignal) {
  return apiFetch(`/api/generations/${encodeURIComponent(takeId)}/family`, { schema: familySchema, signal });
}

export const familyQueryOptions = (takeId: string) =>
  queryOptions({ queryKey: reviewKeys.family(takeId), queryFn: ({ signal }) => getFamily(takeId, signal) });
