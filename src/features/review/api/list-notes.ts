import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { noteListSchema } from "@/shared/note";
import { reviewKeys } from "./keys";

export function listNotes(takeId: string, signal?: AbortSignal) {
  return apiFetch(`/api/generations/${encodeURIComponent(takeId)}/notes`, { schema: noteListSchema, signal });
}

/** A take's notes in the order they come up in it (the BFF's order, kept if it ever changes). */
export const notesQueryOptions = (takeId: string) =>
  queryOptions({
    queryKey: reviewKeys.notes(takeId),
    queryFn: ({ signal }) => listNotes(takeId, signal),
    select: (list) => [...list.items].sort((a, b) => a.atSeconds - b.atSeconds || a.createdAt.localeCompare(b.createdAt)),
  });
