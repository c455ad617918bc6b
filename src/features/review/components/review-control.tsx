import { useId } from "react";
import { useNow } from "@/hooks/use-now";
import { REVIEW_STATES } from "@/shared/review";
import type { ReviewStateControl } from "../hooks/use-review-state";
import { describeReview, REVIEW_LABELS } from "../utils/review-words";

const segment =
  "cursor-pointer px-3 py-1.5 text-sm font-medium text-zinc-700 first:rounded-l-lg last:rounded-r-lg has-checked:bg-zinc-900 has-checked:text-white " +
  "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-500 hover:bg-zinc-100 has-checked:hover:bg-zinc-900 " +
  "dark:text-zinc-200 dark:hover:bg-zinc-800 dark:has-checked:bg-zinc-100 dark:has-checked:text-zinc-900";

/** The studio's verdict on a take as four segments, with who gave it and when. */
export function ReviewControl({ review, tone = "page" }: { review: ReviewStateControl; tone?: "page" | "dark" }) {
  const now = useNow(false);
  const name = useId();
  const said = describeReview(review.take.review, now);
  return (
    <div className="space-y-1">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">Review state</legend>
        <div className="inline-flex max-w-full flex-wrap divide-x divide-zinc-300 rounded-lg border border-zinc-300 bg-white dark:divide-zinc-700 dark:border-zinc-700 dark:bg-zinc-900">
          {REVIEW_STATES.map((state) => (
            <label key={state} className={segment}>
              <input
                type="radio"
                name={name}
                value={state}
                checked={review.state === state}
                onChange={() => review.set(state)}
                className="sr-only"
              />
              {REVIEW_LABELS[state]}
            </label>
          ))}
        </div>
        {(review.pending || said) && <span className={`text-xs ${tone === "dark" ? "text-zinc-300" : "text-zinc-600 dark:text-zinc-400"}`}>{review.pending ? "Saving…" : said}</span>}
      </fieldset>
      {review.error && (
        <p role="alert" className={`text-sm ${tone === "dark" ? "text-red-300" : "text-red-700 dark:text-red-400"}`}>
          {review.error}
        </p>
      )}
    </div>
  );
}
