import type { Take } from "@/shared/take";
import { formatSeconds, secondsBetween } from "../utils/elapsed";

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** queued → started → finished → saved, each with the time it took to get there. */
export function TakeTimings({ take }: { take: Take }) {
  const { createdAt, completedAt, timings } = take;
  const steps = [
    { label: "Queued", at: createdAt, from: null, took: "" },
    { label: "Started", at: timings.startedAt, from: createdAt, took: "waited" },
    { label: "Finished", at: timings.finishedAt, from: timings.startedAt, took: "rendered in" },
    { label: "Saved", at: take.status === "completed" ? completedAt : null, from: timings.finishedAt, took: "archived in" },
  ];
  const total = secondsBetween(createdAt, completedAt);

  return (
    <section aria-labelledby="take-timings">
      <h3 id="take-timings" className="mb-2 text-sm font-semibold">
        Timings
      </h3>
      <ol className="space-y-1 text-sm">
        {steps.map((step) => {
          const took = secondsBetween(step.from, step.at);
          return (
            <li key={step.label} className="flex gap-2 tabular-nums">
              <span className="w-20 font-medium">{step.label}</span>
              <span className="text-zinc-600 dark:text-zinc-400">
                {step.at ? <time dateTime={step.at}>{TIME.format(new Date(step.at))}</time> : "—"}
                {took !== null && ` · ${step.took} ${formatSeconds(took)}`}
              </span>
            </li>
          );
        })}
      </ol>
      {total !== null && <p className="mt-1 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">Total {formatSeconds(total)}</p>}
    </section>
  );
}
