import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Generation } from "@/shared/generation";
import { generationKeys } from "./keys";

/** What the studio route hands the form: seed each new take's detail, then refetch the lists. */
export function useRefreshGallery() {
  const queryClient = useQueryClient();
  return useCallback(
    (created: readonly Generation[]) => {
      for (const generation of created) queryClient.setQueryData(generationKeys.detail(generation.id), generation);
      return queryClient.invalidateQueries({ queryKey: generationKeys.lists() });
    },
    [queryClient],
  );
}
