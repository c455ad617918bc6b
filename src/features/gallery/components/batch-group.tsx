import type { ReactNode } from "react";
import type { Take } from "@/shared/take";
import { GRID } from "./grid-class";

/** The takes of one submit: framed together, the prompt said once. */
export function BatchGroup({ takes, children }: { takes: readonly [Take, ...Take[]]; children: ReactNode }) {
  const [first] = takes;
  const headingId = `batch-heading-${first.batchId}`;
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border-2 border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <div className="mb-3 space-y-0.5">
        <h3 id={headingId} className="text-sm font-semibold">
          {takes.length} variations
        </h3>
        <p className="line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{first.prompt || <span className="italic text-zinc-500">Untitled take</span>}</p>
      </div>
      <ul className={GRID}>{children}</ul>
    </section>
  );
}
