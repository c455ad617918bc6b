import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { ReviewState } from "@/shared/review";
import { takeSchema } from "@/shared/take";
import type { Take } from "@/shared/take";
import { reviewKeys } from "./keys";

/** `PATCH /api/generations/:id` with the studio's verdict or the viewer's bookmark. */
export function updateTake(id: string, body: { review: ReviewState } | { favourite: boolean }) {
  return apiFetch(`/api/generations/${encodeURIComponent(id)}`, { schema: takeSchema, method: "PATCH", body });
}

/** The caller shows `variables` while pending (optimistic in the UI), so a refusal rolls back by itself. */
export function useSetReview({ onChanged }: { onChanged?: ((take: Take) => void) | undefined } = {}) {
  return useMutation({
    mutationKey: reviewKeys.setReview(),
    mutationFn: ({ id, review }: { id: string; review: ReviewState }) => updateTake(id, { review }),
    onSuccess: (take) => onChanged?.(take),
  });
}

export function useSetFavourite({ onChanged }: { onChanged?: ((take: Take) => void) | undefined } = {}) {
  return useMutation({
    mutationKey: reviewKeys.favourite(),
    mutationFn: ({ id, favourite }: { id: string; favourite: boolean }) => updateTake(id, { favourite }),
    onSuccess: (take) => onChanged?.(take),
  });
}
