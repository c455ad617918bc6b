import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { modelQueryKeys } from "@/lib/model-queries";
import { ERROR_CODES } from "@/shared/api-error";
import type { ModelId } from "@/shared/models";
import { takeSchema } from "@/shared/take";
import type { Take } from "@/shared/take";
import { takeKeys } from "./keys";
import { useRefreshGallery } from "../hooks/use-refresh-gallery";

/** "same" re-runs exactly (also Retry on a failed take); "new" is a variation with a fresh seed. */
export type RerunSeed = "same" | "new";

/** `model`: another model than the take's, which the server adapts the take's settings to. */
export type RerunVariables = { id: string; seed: RerunSeed; model?: ModelId | undefined };

export function rerunTake({ id, seed, model }: RerunVariables) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}/rerun`, {
    schema: takeSchema,
    method: "POST",
    body: model ? { seed, model } : { seed },
  });
}

/**
 * The gallery is refreshed whenever the new take arrives; `onCreated` (the take page opens the
 * new take) runs only while the component that asked is still mounted: a person who has moved
 * on to another page is not pulled back when a slow answer lands (mutate's own callbacks are
 * skipped after an unmount). A model found gone has the models re-read, so the closest
 * available one is offered at once.
 */
export function useRerunTake({ onCreated }: { onCreated?: (take: Take) => void } = {}) {
  const refreshGallery = useRefreshGallery();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationKey: takeKeys.rerun(),
    mutationFn: rerunTake,
    onSuccess: (take) => void refreshGallery([take]),
    onError: (error) => {
      if (error instanceof ApiError && error.code === ERROR_CODES.modelUnavailable) void queryClient.invalidateQueries({ queryKey: modelQueryKeys.all });
    },
  });
  return { ...mutation, mutate: (variables: RerunVariables) => mutation.mutate(variables, { onSuccess: (take) => onCreated?.(take) }) };
}
