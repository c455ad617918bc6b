import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { takeSchema } from "@/shared/take";
import { takeKeys } from "./keys";

export function setFavourite({ id, favourite }: { id: string; favourite: boolean }) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, {
    schema: takeSchema,
    method: "PATCH",
    body: { favourite },
  });
}

/** The star shows `variables.favourite` while pending (optimistic in the UI, not the cache). */
export function useSetFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: takeKeys.favourite(),
    mutationFn: setFavourite,
    onSuccess: (take) => {
      queryClient.setQueryData(takeKeys.detail(take.id), take);
      return queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
    },
  });
}
