import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { projectDetailSchema, projectListSchema } from "@/shared/project";
import { generateKeys } from "./keys";

/** The projects a new take can land in, newest first. */
export const projectChoicesQueryOptions = () =>
  queryOptions({
    queryKey: generateKeys.projects(),
    queryFn: ({ signal }) => apiFetch("/api/projects", { schema: projectListSchema, signal }),
    select: (data) => data.items,
  });

/** The shots of one project, in order. */
export const shotChoicesQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: generateKeys.projectShots(projectId),
    queryFn: ({ signal }) => apiFetch(`/api/projects/${encodeURIComponent(projectId)}`, { schema: projectDetailSchema, signal }),
    select: (data) => data.shots,
  });
