import type { FramePlayer } from "@/hooks/use-frame-player";
import { frameAt, frameLabel } from "./frame-math";

/** Something pinned to a time in the take, shown on the scrubber (a note, a loop point). */
export type ScrubberMarker = { id: string; seconds: number; label: string };

type ScrubberProps = {
  player: FramePlayer;
  markers?: readonly ScrubberMarker[];
  /** "dark" for the full-window review player. */
  tone?: "page" | "dark";
};

/**
 * A slider that moves one frame per step (so arrow keys step frames too), with the markers as
 * buttons above it; a marker seeks to the start of its frame.
 */
export function Scrubber({ player, markers = [], tone = "page" }: ScrubberProps) {
  const { fps, lastFrame, frame } = player;
  const span = Math.max(1, lastFrame);
  const markerTone = tone === "dark" ? "bg-amber-300" : "bg-amber-500 dark:bg-amber-400";
  return (
    <div className="space-y-1">
      {markers.length > 0 && (
        <ul aria-label="Notes on the scrubber" className="relative h-6">
          {markers.map((marker) => {
            const at = frameAt(marker.seconds, fps);
            return (
              <li key={marker.id} className="absolute top-0 -translate-x-1/2" style={{ left: `${(Math.min(at, span) / span) * 100}%` }}>
                <button
                  type="button"
                  aria-label={marker.label}
                  title={marker.label}
                  onClick={() => player.seekFrame(at)}
                  className="flex size-6 items-center justify-center rounded-full"
                >
                  <span aria-hidden="true" className={`block size-2.5 rotate-45 ${markerTone} ${at === frame ? "ring-2 ring-accent-500" : ""}`} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        type="range"
        aria-label="Position"
        min={0}
        max={lastFrame}
        step={1}
        value={Math.min(frame, lastFrame)}
        aria-valuetext={frameLabel(frame, fps)}
        onChange={(event) => player.seekFrame(Number(event.target.value))}
        className={`block w-full ${tone === "dark" ? "accent-zinc-100" : "accent-accent-600 dark:accent-accent-400"}`}
      />
    </div>
  );
}
