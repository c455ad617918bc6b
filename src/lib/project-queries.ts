import { queryOptions } from "@tanstack/react-query";
import { projectDetailSchema, projectListSchema } from "@/shared/project";
import { apiFetch } from "./api-client";

/**
 * Projects and their shots are read by the projects pages and by the form's shot picker: one
 * cache entry each, so a project or shot made on one shows in the other without a reload.
 */
export const projectQueryKeys = {
  all: ["projects"] as const,
  lists: () => [...projectQueryKeys.all, "list"] as const,
  list: () => [...projectQueryKeys.lists(), {}] as const,
  details: () => [...projectQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...projectQueryKeys.details(), id] as const,
};

/** Every project, newest first (the server's order). */
export const projectListQueryOptions = () =>
  queryOptions({
    queryKey: projectQueryKeys.list(),
    queryFn: ({ signal }) => apiFetch("/api/projects", { schema: projectListSchema, signal }),
    select: (data) => data.items,
  });

/** The project and its shots in order, with each shot's counts and circled take. */
export const projectQueryOptions = (id: string) =>
  queryOptions({
    queryKey: projectQueryKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/projects/${encodeURIComponent(id)}`, { schema: projectDetailSchema, signal }),
  });
