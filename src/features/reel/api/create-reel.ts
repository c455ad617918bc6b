import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { reelSchema, type CreateReelRequest } from "@/shared/reel";
import { reelKeys } from "./keys";

export function createReel(projectId: string, body: CreateReelRequest) {
  return apiFetch(`/api/projects/${encodeURIComponent(projectId)}/reel`, { schema: reelSchema, method: "POST", body });
}

/** The new reel goes into the cache as it is, so its polling starts from the answer. */
export function useCreateReel(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: reelKeys.create(),
    mutationFn: (body: CreateReelRequest) => createReel(projectId, body),
    onSuccess: (reel) => {
      queryClient.setQueryData(reelKeys.detail(reel.id), reel);
      return queryClient.invalidateQueries({ queryKey: reelKeys.list(projectId) });
    },
  });
}
