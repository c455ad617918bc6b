import { Link } from "react-router";
import type { Take } from "@/shared/take";

const REVIEW_BADGE = {
  circled: { label: "Circled", className: "bg-emerald-600 text-white" },
  maybe: { label: "Maybe", className: "bg-amber-200 text-amber-950" },
  rejected: { label: "Rejected", className: "bg-zinc-700 text-white" },
} as const;

/** A take's name on the board: its prompt and seed, since takes of one shot often share a prompt. */
export function posterLabel(take: Take): string {
  return `${take.prompt || "Untitled take"}, seed ${take.seed ?? "random"}`;
}

type TakePosterProps = { take: Take; selected: boolean; onSelect: (on: boolean) => void };

/** One take on the board: its poster linking to the take, its review state in words, and a tick to select it. */
export function TakePoster({ take, selected, onSelect }: TakePosterProps) {
  const done = take.status === "completed" && take.video !== null;
  const badge = take.review.state === "unreviewed" ? null : REVIEW_BADGE[take.review.state];
  return (
    <div className={`relative w-44 rounded-lg border bg-white dark:bg-zinc-900 ${take.review.state === "circled" ? "border-emerald-500 ring-2 ring-emerald-500/40" : "border-zinc-200 dark:border-zinc-800"}`}>
      <Link
        to={`/g/${encodeURIComponent(take.id)}`}
        className="block rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
      >
        <img
          src={done && take.video?.posterUrl ? take.video.posterUrl : take.image.url}
          alt=""
          loading="lazy"
          className={`aspect-video w-full rounded-t-lg bg-zinc-200 object-cover dark:bg-zinc-800 ${done ? "" : "opacity-40 grayscale"}`}
        />
        <span className="block space-y-1 p-2 text-xs">
          {badge && <span className={`inline-block rounded-full px-2 py-0.5 font-semibold ${badge.className}`}>{badge.label}</span>}
          <span className="line-clamp-2 text-zinc-800 dark:text-zinc-200">{take.prompt || "Untitled take"}</span>
          <span className="block text-zinc-500 tabular-nums dark:text-zinc-400">
            seed {take.seed ?? "random"}
            {take.status === "completed" ? "" : ` · ${take.status}`}
          </span>
        </span>
      </Link>
      <label className="absolute top-1.5 left-1.5 flex rounded bg-white/90 p-1 dark:bg-zinc-900/90">
        <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} className="size-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500" />
        <span className="sr-only">Select {posterLabel(take)}</span>
      </label>
    </div>
  );
}
