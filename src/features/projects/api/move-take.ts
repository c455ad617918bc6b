import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { takeSchema } from "@/shared/take";
import type { Take } from "@/shared/take";
import { projectKeys } from "./keys";

/** `shotId: null` takes the take out of its shot. */
export function moveTake({ id, shotId }: { id: string; shotId: string | null }) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: takeSchema, method: "PATCH", body: { shotId } });
}

/** The route passes `onMoved` so the take's own page can show the change without this feature knowing its keys. */
export function useMoveTake({ onMoved }: { onMoved?: (take: Take) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.moveTake(),
    mutationFn: moveTake,
    onSuccess: (take) => {
      onMoved?.(take);
      // Counts and rows of both shots change.
      return queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}
