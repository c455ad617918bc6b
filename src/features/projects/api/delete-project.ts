import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { projectKeys } from "./keys";

export function deleteProject(id: string) {
  // 204: no body to parse.
  return apiFetch(`/api/projects/${encodeURIComponent(id)}`, { schema: z.unknown(), method: "DELETE" });
}

/** Refused with 409 while takes belong to the project: the message says how many. */
export function useDeleteProject({ onDeleted }: { onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.remove(),
    mutationFn: deleteProject,
    onSuccess: (_, id) => {
      onDeleted?.();
      queryClient.removeQueries({ queryKey: projectKeys.detail(id), exact: true });
      return queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}
