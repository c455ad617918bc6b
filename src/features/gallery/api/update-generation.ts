import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { generationSchema } from "@/shared/generation";
import { generationKeys } from "./keys";

export function setFavourite({ id, favourite }: { id: string; favourite: boolean }) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, {
    schema: generationSchema,
    method: "PATCH",
    body: { favourite },
  });
}

/** The star shows `variables.favourite` while pending (optimistic in the UI, not the cache). */
export function useSetFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: generationKeys.favourite(),
    mutationFn: setFavourite,
    onSuccess: (generation) => {
      queryClient.setQueryData(generationKeys.detail(generation.id), generation);
      return queryClient.invalidateQueries({ queryKey: generationKeys.lists() });
    },
  });
}
