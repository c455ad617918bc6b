import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { noteSchema } from "@/shared/note";
import type { CreateNoteRequest } from "@/shared/note";
import { reviewKeys } from "./keys";

export function createNote({ takeId, note }: { takeId: string; note: CreateNoteRequest }) {
  return apiFetch(`/api/generations/${encodeURIComponent(takeId)}/notes`, { schema: noteSchema, method: "POST", body: note });
}

export function useCreateNote({ onChanged }: { onChanged?: (() => void) | undefined } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: reviewKeys.createNote(),
    mutationFn: createNote,
    onSuccess: (note) => {
      onChanged?.();
      return queryClient.invalidateQueries({ queryKey: reviewKeys.notes(note.takeId) });
    },
  });
}
