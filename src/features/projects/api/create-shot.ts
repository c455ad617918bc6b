import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { shotSchema } from "@/shared/project";
import type { CreateShotRequest } from "@/shared/project";
import { projectKeys } from "./keys";

export function createShot({ projectId, ...body }: CreateShotRequest & { projectId: string }) {
  return apiFetch(`/api/projects/${encodeURIComponent(projectId)}/shots`, { schema: shotSchema, method: "POST", body });
}

/** The new shot goes last. */
export function useCreateShot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.createShot(),
    mutationFn: createShot,
    onSuccess: (shot) => queryClient.invalidateQueries({ queryKey: projectKeys.detail(shot.projectId) }),
  });
}
