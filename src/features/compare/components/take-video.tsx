import { useCallback } from "react";
import type { CSSProperties } from "react";
import type { PlaybackEngine } from "../hooks/playback-engine";
import { takeTitle } from "../utils/take-title";
import type { TakeSlot } from "./take-slot";

type TakeVideoProps = {
  slot: Pick<TakeSlot, "take" | "index" | "muted">;
  engine: PlaybackEngine;
  className?: string;
  style?: CSSProperties;
};

/** One take's picture, driven by the transport (it has no controls of its own). */
export function TakeVideo({ slot: { take, index, muted }, engine, className = "", style }: TakeVideoProps) {
  const video = take.video;
  const duration = video?.durationSeconds ?? take.duration;
  const attach = useCallback(
    (el: HTMLVideoElement | null) => {
      if (!el) return;
      engine.attach(take.id, el, duration);
      return () => engine.detach(take.id, el);
    },
    [engine, take.id, duration],
  );
  return (
    <video
      ref={attach}
      src={video?.url}
      poster={video?.posterUrl ?? take.image.url}
      muted={muted}
      playsInline
      preload="auto"
      aria-label={`Take ${index + 1}: ${takeTitle(take)}`}
      className={`bg-black object-contain ${className}`}
      style={style}
    />
  );
}
