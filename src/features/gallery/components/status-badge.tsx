import type { TakeStatus } from "@/shared/status";

const LOOK: Record<TakeStatus, { label: string; className: string; dot: string }> = {
  checking: {
    label: "Checking",
    className: "bg-amber-50 text-amber-800 dark:bg-amber-950/50 dark:text-amber-300",
    dot: "bg-amber-500 motion-safe:animate-pulse",
  },
  queued: {
    label: "Queued",
    className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
    dot: "bg-zinc-400",
  },
  generating: {
    label: "Generating",
    className: "bg-accent-50 text-accent-700 dark:bg-accent-900/40 dark:text-accent-300",
    dot: "bg-accent-500 motion-safe:animate-pulse",
  },
  finishing: {
    label: "Finishing",
    className: "bg-sky-50 text-sky-800 dark:bg-sky-950/50 dark:text-sky-300",
    dot: "bg-sky-500 motion-safe:animate-pulse",
  },
  completed: {
    label: "Completed",
    className: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300",
    dot: "bg-emerald-500",
  },
  failed: {
    label: "Failed",
    className: "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-300",
    dot: "bg-red-500",
  },
};

export function statusLabel(status: TakeStatus): string {
  return LOOK[status].label;
}

/** The status in words, with colour only as a second cue. */
export function StatusBadge({ status }: { status: TakeStatus }) {
  const look = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}
