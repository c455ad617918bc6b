import type { PlaybackEngine } from "../hooks/playback-engine";
import { TakeBar } from "./take-bar";
import type { TakeSlot } from "./take-slot";
import { TakeVideo } from "./take-video";

const GRID: Record<number, string> = {
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-2 xl:grid-cols-3",
  4: "sm:grid-cols-2",
};

/** Two to four players in a grid; the focused one is ringed. */
export function SideBySide({ slots, engine }: { slots: TakeSlot[]; engine: PlaybackEngine }) {
  return (
    <ul aria-label="Takes side by side" className={`grid gap-3 ${GRID[slots.length] ?? "sm:grid-cols-2"}`}>
      {slots.map((slot) => (
        <li
          key={slot.take.id}
          aria-current={slot.focused ? "true" : undefined}
          className={`min-w-0 space-y-2 rounded-xl border p-2 ${slot.focused ? "border-accent-500 ring-2 ring-accent-500/40 dark:border-accent-400" : "border-zinc-200 dark:border-zinc-800"}`}
        >
          <TakeBar {...slot} />
          {/* A click on the picture focuses the take too; the keyboard has its button and the 1–4 keys. */}
          <div onClick={slot.onFocus}>
            <TakeVideo slot={slot} engine={engine} className="max-h-[60vh] w-full rounded-lg" style={{ aspectRatio: slot.take.ratio.replace(":", " / ") }} />
          </div>
          {slot.extras}
        </li>
      ))}
    </ul>
  );
}
