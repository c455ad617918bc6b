import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { generationSchema } from "@/shared/generation";
import type { Generation } from "@/shared/generation";
import { generationKeys } from "./keys";
import { useRefreshGallery } from "./use-refresh-gallery";

/** "same" re-runs exactly (also Retry on a failed take); "new" is a variation with a fresh seed. */
export type RerunSeed = "same" | "new";

export function rerunGeneration({ id, seed }: { id: string; seed: RerunSeed }) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}/rerun`, {
    schema: generationSchema,
    method: "POST",
    body: { seed },
  });
}

export function useRerunGeneration({ onCreated }: { onCreated?: (generation: Generation) => void } = {}) {
  const refreshGallery = useRefreshGallery();
  return useMutation({
    mutationKey: generationKeys.rerun(),
    mutationFn: rerunGeneration,
    onSuccess: (generation) => {
      void refreshGallery([generation]);
      onCreated?.(generation);
    },
  });
}
