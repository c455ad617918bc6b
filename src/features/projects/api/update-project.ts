import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { projectSchema } from "@/shared/project";
import type { Project, UpdateProjectRequest } from "@/shared/project";
import { projectKeys } from "./keys";

export function updateProject({ id, ...body }: UpdateProjectRequest & { id: string }) {
  return apiFetch(`/api/projects/${encodeURIComponent(id)}`, { schema: projectSchema, method: "PATCH", body });
}

export function useUpdateProject({ onUpdated }: { onUpdated?: (project: Project) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.update(),
    mutationFn: updateProject,
    onSuccess: (project) => {
      onUpdated?.(project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}
