import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { noteSchema } from "@/shared/note";
import type { UpdateNoteRequest } from "@/shared/note";
import { reviewKeys } from "./keys";

export function updateNote({ id, changes }: { id: string; changes: UpdateNoteRequest }) {
  return apiFetch(`/api/notes/${encodeURIComponent(id)}`, { schema: noteSchema, method: "PATCH", body: changes });
}

export function useUpdateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: reviewKeys.updateNote(),
    mutationFn: updateNote,
    onSuccess: (note) => queryClient.invalidateQueries({ queryKey: reviewKeys.notes(note.takeId) }),
  });
}
