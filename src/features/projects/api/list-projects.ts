import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { projectListSchema } from "@/shared/project";
import { projectKeys } from "./keys";

export function listProjects(signal?: AbortSignal) {
  return apiFetch("/api/projects", { schema: projectListSchema, signal });
}

/** Every project, newest first (the server's order). */
export const projectListQueryOptions = () =>
  queryOptions({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => listProjects(signal),
    select: (data) => data.items,
  });
