import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { projectDetailSchema } from "@/shared/project";
import { takeKeys } from "./keys";

export function getProject(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/projects/${encodeURIComponent(id)}`, { schema: projectDetailSchema, signal });
}

/** One project's shots in order, for the Shot filter. */
export const shotOptionsQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: takeKeys.shotOptions(projectId), queryFn: ({ signal }) => getProject(projectId, signal) });
