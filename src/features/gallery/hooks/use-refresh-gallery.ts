import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Take } from "@/shared/take";
import { takeKeys } from "../api/keys";

/** What the studio route hands the form: seed each new take's detail, then refetch the lists. */
export function useRefreshGallery() {
  const queryClient = useQueryClient();
  return useCallback(
    (created: readonly Take[]) => {
      for (const take of created) queryClient.setQueryData(takeKeys.detail(take.id), take);
      return queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
    },
    [queryClient],
  );
}
