import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { projectKeys } from "./keys";

export function deleteShot({ id }: { id: string; projectId: string }) {
  // 204: no body to parse.
  return apiFetch(`/api/shots/${encodeURIComponent(id)}`, { schema: z.unknown(), method: "DELETE" });
}

/** Refused with 409 while takes belong to the shot: the message says how many. */
export function useDeleteShot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: projectKeys.deleteShot(),
    mutationFn: deleteShot,
    onSuccess: (_, { projectId }) => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}
