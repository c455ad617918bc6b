import { Button } from "@/components/ui/button";
import type { FramePlayer } from "@/hooks/use-frame-player";
import { frameLabel } from "./frame-math";

const darkButton = "text-zinc-200 hover:bg-zinc-800 hover:text-white";

/** Play/pause, one frame back and forward, and where the player is, to the frame. */
export function PlayerControls({ player, tone = "page" }: { player: FramePlayer; tone?: "page" | "dark" }) {
  const look = tone === "dark" ? darkButton : "";
  return (
    <div className="flex flex-wrap items-center gap-1">
      <Button size="sm" variant="ghost" className={look} aria-label="Back one frame" onClick={() => player.step(-1)}>
        <span aria-hidden="true">⏮</span>
      </Button>
      <Button size="sm" variant="ghost" className={look} aria-label={player.playing ? "Pause" : "Play"} onClick={player.toggle}>
        <span aria-hidden="true">{player.playing ? "⏸" : "▶"}</span>
      </Button>
      <Button size="sm" variant="ghost" className={look} aria-label="Forward one frame" onClick={() => player.step(1)}>
        <span aria-hidden="true">⏭</span>
      </Button>
      <output aria-label="Current frame" className={`ml-2 text-xs tabular-nums ${tone === "dark" ? "text-zinc-300" : "text-zinc-600 dark:text-zinc-400"}`}>
        {frameLabel(player.frame, player.fps)}
        {player.rate !== 1 && ` · ${player.rate}×`}
      </output>
    </div>
  );
}
