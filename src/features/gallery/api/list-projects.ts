import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { projectListSchema } from "@/shared/project";
import { takeKeys } from "./keys";

// The gallery reads projects only to offer them as filters; the projects feature edits them.
export function listProjects(signal?: AbortSignal) {
  return apiFetch("/api/projects", { schema: projectListSchema, signal });
}

/** Every project, for the Project filter. */
export const projectOptionsQueryOptions = () =>
  queryOptions({ queryKey: takeKeys.projectOptions(), queryFn: ({ signal }) => listProjects(signal) });
