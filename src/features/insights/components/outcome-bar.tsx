import type { InsightRow } from "@/shared/insights";

const PARTS = [
  { key: "completed", label: "completed", className: "fill-emerald-500" },
  { key: "moderation", label: "moderation", className: "fill-amber-500" },
  { key: "provider", label: "provider error", className: "fill-red-500" },
  { key: "timeout", label: "timed out", className: "fill-sky-500" },
  { key: "unknown", label: "outcome unknown", className: "fill-zinc-400" },
] as const;

/** One row's outcomes as a bar (hand-drawn SVG: no chart library for five rectangles), said in words for screen readers. */
export function OutcomeBar({ row }: { row: InsightRow }) {
  const counts: Record<(typeof PARTS)[number]["key"], number> = { completed: row.completed, ...row.failures };
  const settled = row.completed + row.failed;
  const words = PARTS.filter((part) => counts[part.key] > 0)
    .map((part) => `${counts[part.key]} ${part.label}`)
    .join(", ");
  let x = 0;
  return (
    <svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={settled ? words : "nothing settled yet"} className="h-3 w-full min-w-24 rounded-sm bg-zinc-100 dark:bg-zinc-800">
      {settled > 0 &&
        PARTS.map((part) => {
          const width = (counts[part.key] / settled) * 100;
          const rect = <rect key={part.key} x={x} y={0} width={width} height={8} className={part.className} />;
          x += width;
          return width > 0 ? rect : null;
        })}
    </svg>
  );
}
