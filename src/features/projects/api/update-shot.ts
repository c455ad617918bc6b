import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { shotSchema } from "@/shared/project";
import type { ProjectDetail, UpdateShotRequest } from "@/shared/project";
import { moveShot } from "../utils/move-shot";
import { projectKeys } from "./keys";

export type ShotChanges = UpdateShotRequest & { id: string; projectId: string };

export function updateShot({ id, projectId: _, ...body }: ShotChanges) {
  return apiFetch(`/api/shots/${encodeURIComponent(id)}`, { schema: shotSchema, method: "PATCH", body });
}

/**
 * A new order shows at once (the board is rearranged in the cache) and is put back if the
 * server refuses; either way the project is read again, since the shots between moved too.
 */
export function useUpdateShot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.updateShot(),
    mutationFn: updateShot,
    onMutate: async ({ id, projectId, order }) => {
      if (order === undefined) return { before: undefined };
      const key = projectKeys.detail(projectId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ProjectDetail>(key);
      if (before) queryClient.setQueryData(key, { ...before, shots: moveShot(before.shots, id, order) });
      return { before };
    },
    onError: (_error, { projectId }, context) => {
      if (context?.before) queryClient.setQueryData(projectKeys.detail(projectId), context.before);
    },
    onSettled: (_shot, _error, { projectId }) => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}
