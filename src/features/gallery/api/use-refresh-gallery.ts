import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Generation } from "@/shared/generation";
import { generationKeys } from "./keys";

/** What the studio route hands the form: seed the new take's detail, then refetch the lists. */
export function useRefreshGallery() {
  const queryClient = useQueryClient();
  return useCallback(
    (created: Generation) => {
      queryClient.setQueryData(generationKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: generationKeys.lists() });
    },
    [queryClient],
  );
}
