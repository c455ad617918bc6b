import { Button } from "@/components/ui/button";
import { labelClass } from "@/components/ui/styles";
import type { PlaybackEngine, PlaybackState } from "../hooks/playback-engine";
import { formatTimecode } from "../utils/frames";

export const SPEEDS = [0.25, 0.5, 1, 2] as const;

const selectClass =
  "h-8 rounded-lg border border-zinc-300 bg-white px-2 text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** The one transport every player follows. */
export function TransportBar({ engine, state, fps }: { engine: PlaybackEngine; state: PlaybackState; fps: number }) {
  const { playing, frame, lastFrame, speed, loop } = state;
  const timecode = (n: number) => formatTimecode(n, fps);
  return (
    <section aria-label="Transport" className="space-y-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" aria-label="Previous frame" title="Previous frame (←)" onClick={() => engine.step(-1)}>
          <span aria-hidden="true">◂|</span>
        </Button>
        <Button size="sm" variant="primary" className="w-20" onClick={() => engine.toggle()} title="Play or pause (Space)">
          {playing ? "Pause" : "Play"}
        </Button>
        <Button size="sm" aria-label="Next frame" title="Next frame (→)" onClick={() => engine.step(1)}>
          <span aria-hidden="true">|▸</span>
        </Button>
        <p className="font-mono text-xs tabular-nums text-zinc-700 dark:text-zinc-300">
          {timecode(frame)} / {timecode(lastFrame)} <span className="text-zinc-500 dark:text-zinc-400">· frame {frame} of 0–{lastFrame}</span>
        </p>
        <label className="ml-auto flex items-center gap-2 text-xs">
          <span className={labelClass}>Speed</span>
          <select className={selectClass} value={speed} onChange={(event) => engine.setSpeed(Number(event.target.value))}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="relative">
        {loop && (
          <span
            aria-hidden="true"
            className="absolute top-0 h-1 rounded bg-accent-500"
            style={{ left: `${(loop.start / Math.max(lastFrame, 1)) * 100}%`, width: `${((loop.end - loop.start) / Math.max(lastFrame, 1)) * 100}%` }}
          />
        )}
        <input
          type="range"
          aria-label="Position"
          aria-valuetext={`${timecode(frame)}, frame ${frame} of 0 to ${lastFrame}`}
          min={0}
          max={lastFrame}
          step={1}
          value={frame}
          onChange={(event) => engine.seekFrame(Number(event.target.value))}
          className="w-full accent-accent-600"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button size="sm" title="Key I" onClick={() => engine.markLoopStart()}>
          Set loop start
        </Button>
        <Button size="sm" title="Key O" onClick={() => engine.markLoopEnd()}>
          Set loop end
        </Button>
        <Button size="sm" variant="ghost" disabled={!loop} onClick={() => engine.setLoop(null)}>
          Clear loop
        </Button>
        <p role="status" className="text-zinc-600 dark:text-zinc-400">
          {loop ? `Looping ${timecode(loop.start)} – ${timecode(loop.end)}` : "No loop"}
        </p>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Keys: Space play/pause · ←/→ one frame · I/O loop start/end · 1–4 focus a take</p>
    </section>
  );
}
