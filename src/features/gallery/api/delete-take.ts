import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { takeKeys } from "./keys";

export function deleteTake(id: string) {
  // 204: no body to parse.
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: z.unknown(), method: "DELETE" });
}

export function useDeleteTake({ onDeleted }: { onDeleted?: (id: string) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: takeKeys.remove(),
    mutationFn: deleteTake,
    onSuccess: (_, id) => {
      // Leave the page first, so nothing is still watching the take when its data goes.
      onDeleted?.(id);
      queryClient.removeQueries({ queryKey: takeKeys.detail(id), exact: true });
      return queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
    },
  });
}
