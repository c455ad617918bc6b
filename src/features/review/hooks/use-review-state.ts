import type { ReviewState } from "@/shared/review";
import type { Take } from "@/shared/take";
import { useSetReview } from "../api/update-take";

export type ReviewStateControl = {
  take: Take;
  /** The state asked for while the BFF confirms it, else the take's. */
  state: ReviewState;
  pending: boolean;
  /** The BFF's words when it refused the last change. */
  error: string | null;
  set: (state: ReviewState) => void;
};

/** One take's review state, set optimistically: a refusal leaves the take as it was, and says why. */
export function useReviewState(take: Take, onChanged?: (take: Take) => void): ReviewStateControl {
  const mutation = useSetReview({ onChanged });
  const mine = mutation.variables?.id === take.id;
  const asked = mutation.isPending && mine ? mutation.variables.review : null;
  const state = asked ?? take.review.state;
  return {
    take,
    state,
    pending: asked !== null,
    error: mutation.isError && mine ? mutation.error.message : null,
    set: (next) => {
      if (next !== state) mutation.mutate({ id: take.id, review: next });
    },
  };
}
