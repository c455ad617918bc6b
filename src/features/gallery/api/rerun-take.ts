import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { takeSchema } from "@/shared/take";
import type { Take } from "@/shared/take";
import { takeKeys } from "./keys";
import { useRefreshGallery } from "../hooks/use-refresh-gallery";

/** "same" re-runs exactly (also Retry on a failed take); "new" is a variation with a fresh seed. */
export type RerunSeed = "same" | "new";

export function rerunTake({ id, seed }: { id: string; seed: RerunSeed }) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}/rerun`, {
    schema: takeSchema,
    method: "POST",
    body: { seed },
  });
}

export function useRerunTake({ onCreated }: { onCreated?: (take: Take) => void } = {}) {
  const refreshGallery = useRefreshGallery();
  return useMutation({
    mutationKey: takeKeys.rerun(),
    mutationFn: rerunTake,
    onSuccess: (take) => {
      void refreshGallery([take]);
      onCreated?.(take);
    },
  });
}
