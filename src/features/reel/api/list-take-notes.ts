import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { noteListSchema } from "@/shared/note";
import { reelKeys } from "./keys";

/** A take's notes in the order they come up in it. */
export const takeNotesQueryOptions = (takeId: string) =>
  queryOptions({
    queryKey: reelKeys.takeNotes(takeId),
    queryFn: ({ signal }) => apiFetch(`/api/generations/${encodeURIComponent(takeId)}/notes`, { schema: noteListSchema, signal }),
  });
