import type { ReviewState } from "@/shared/review";

const LOOK: Record<ReviewState, { label: string; className: string; mark: string }> = {
  unreviewed: { label: "Unreviewed", className: "", mark: "" },
  circled: {
    label: "Circled",
    className: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-200",
    mark: "◎",
  },
  maybe: {
    label: "Maybe",
    className: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200",
    mark: "?",
  },
  rejected: {
    label: "Rejected",
    className: "border-zinc-300 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
    mark: "✕",
  },
};

export function reviewLabel(state: ReviewState): string {
  return LOOK[state].label;
}

/** The studio's review state in words (colour and mark are second cues); nothing while unreviewed. */
export function ReviewBadge({ state }: { state: ReviewState }) {
  if (state === "unreviewed") return null;
  const look = LOOK[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs font-semibold ${look.className}`}>
      <span aria-hidden="true">{look.mark}</span>
      <span className="sr-only">Review:</span> {look.label}
    </span>
  );
}
