import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { projectSchema } from "@/shared/project";
import type { CreateProjectRequest, Project } from "@/shared/project";
import { projectKeys } from "./keys";

export function createProject(body: CreateProjectRequest) {
  return apiFetch("/api/projects", { schema: projectSchema, method: "POST", body });
}

export function useCreateProject({ onCreated }: { onCreated?: (project: Project) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.create(),
    mutationFn: createProject,
    onSuccess: (project) => {
      onCreated?.(project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}
