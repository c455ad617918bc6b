import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { reviewKeys } from "./keys";

export function deleteNote({ id }: { id: string; takeId: string }) {
  // 204: no body to parse.
  return apiFetch(`/api/notes/${encodeURIComponent(id)}`, { schema: z.unknown(), method: "DELETE" });
}

export function useDeleteNote({ onChanged }: { onChanged?: (() => void) | undefined } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: reviewKeys.deleteNote(),
    mutationFn: deleteNote,
    onSuccess: (_, { takeId }) => {
      onChanged?.();
      return queryClient.invalidateQueries({ queryKey: reviewKeys.notes(takeId) });
    },
  });
}
