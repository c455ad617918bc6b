import type { FramePlayer } from "@/hooks/use-frame-player";
import { frameLabel } from "./frame-math";
import { PlayerIcon } from "./player-icons";
import type { PlayerIconName } from "./player-icons";

// Not the ghost Button: its grey text is too faint on the review mode's near-black.
const BUTTON = {
  page: "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
  dark: "text-zinc-200 hover:bg-zinc-800 hover:text-white",
};

function ControlButton({ label, tone, onClick, icon }: { label: string; tone: "page" | "dark"; onClick: () => void; icon: PlayerIconName }) {
  return (
    <button type="button" aria-label={label} onClick={onClick} className={`inline-flex h-8 min-w-8 items-center justify-center rounded-lg px-2 text-sm ${BUTTON[tone]}`}>
      <PlayerIcon name={icon} />
    </button>
  );
}

/** Play/pause, one frame back and forward, and where the player is, to the frame. */
export function PlayerControls({ player, tone = "page" }: { player: FramePlayer; tone?: "page" | "dark" }) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      <ControlButton tone={tone} label="Back one frame" icon="back" onClick={() => player.step(-1)} />
      <ControlButton tone={tone} label={player.playing ? "Pause" : "Play"} icon={player.playing ? "pause" : "play"} onClick={player.toggle} />
      <ControlButton tone={tone} label="Forward one frame" icon="forward" onClick={() => player.step(1)} />
      <output aria-label="Current frame" className={`ml-2 text-xs tabular-nums ${tone === "dark" ? "text-zinc-300" : "text-zinc-600 dark:text-zinc-400"}`}>
        {frameLabel(player.frame, player.fps)}
        {player.rate !== 1 && ` · ${player.rate}×`}
      </output>
    </div>
  );
}
