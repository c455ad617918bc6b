import type { KeyboardEvent, ReactNode } from "react";
import type { FramePlayer as Player } from "@/hooks/use-frame-player";
import { PlayerControls } from "./player-controls";
import { Scrubber } from "./scrubber";
import type { ScrubberMarker } from "./scrubber";

type FramePlayerProps = {
  player: Player;
  src: string;
  poster?: string | undefined;
  /** The video's accessible name. */
  label: string;
  /** Width / height of the picture, so the box (and what is drawn over it) is the picture's before the file loads. */
  aspectRatio: number;
  /** The tallest the picture may be, as CSS: "70vh". */
  maxHeight?: string;
  markers?: readonly ScrubberMarker[];
  /** Drawn over the picture (note pins, a pin picker), in the picture's own box. */
  overlay?: ReactNode;
  /** Space and ←/→ on the focused video; off where the page handles keys itself. */
  keys?: boolean;
  tone?: "page" | "dark";
};

/** A video without the browser's controls: its own scrubber to the frame, markers and frame steps. */
export function FramePlayer({ player, src, poster, label, aspectRatio, markers, overlay, keys = true, tone = "page", maxHeight = "70vh" }: FramePlayerProps) {
  function onKeyDown(event: KeyboardEvent<HTMLVideoElement>) {
    if (!keys) return;
    const move = { " ": 0, ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    if (move === 0) player.toggle();
    else player.step(move);
  }
  const { attach, toggle } = player;
  return (
    <div className="space-y-2">
      {/* As wide as fits both the column and the height limit, so the box is exactly the picture. */}
      <div className="relative mx-auto" style={{ aspectRatio: String(aspectRatio), width: `min(100%, calc(${maxHeight} * ${aspectRatio}))` }}>
        {/* Focusable so Space plays it from the keyboard; a click plays or pauses, as a player's picture does. */}
        <video
          ref={attach}
          src={src}
          poster={poster}
          preload="metadata"
          playsInline
          tabIndex={0}
          aria-label={label}
          onClick={toggle}
          onKeyDown={onKeyDown}
          className="block size-full rounded-xl bg-black object-contain"
        />
        {overlay}
      </div>
      <Scrubber player={player} markers={markers ?? []} tone={tone} />
      <PlayerControls player={player} tone={tone} />
    </div>
  );
}
