import type { ReviewState } from "@/shared/review";
import type { Take } from "@/shared/take";
import { agoLabel } from "./when";

export const REVIEW_LABELS: Record<ReviewState, string> = {
  unreviewed: "Unreviewed",
  circled: "Circled",
  maybe: "Maybe",
  rejected: "Rejected",
};

/** "Circled by Ana, 2 min ago"; nothing while nobody has reviewed it. */
export function describeReview(review: Take["review"], now: number): string | null {
  if (review.state === "unreviewed" && !review.by) return null;
  const by = review.by ? ` by ${review.by}` : "";
  const when = review.at ? `, ${agoLabel(review.at, now)}` : "";
  return `${REVIEW_LABELS[review.state]}${by}${when}`;
}
