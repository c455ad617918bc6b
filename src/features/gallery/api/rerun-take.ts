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

/**
 * The gallery is refreshed whenever the new take arrives; `onCreated` (the take page opens the
 * new take) runs only while the component that asked is still mounted: a person who has moved
 * on to another page is not pulled back when a slow answer lands (mutate's own callbacks are
 * skipped after an unmount).
 */
export function useRerunTake({ onCreated }: { onCreated?: (take: Take) => void } = {}) {
  const refreshGallery = useRefreshGallery();
  const mutation = useMutation({
    mutationKey: takeKeys.rerun(),
    mutationFn: rerunTake,
    onSuccess: (take) => void refreshGallery([take]),
  });
  return { ...mutation, mutate: (variables: { id: string; seed: RerunSeed }) => mutation.mutate(variables, { onSuccess: (take) => onCreated?.(take) }) };
}
