import type { Ref } from "react";
import type { Take } from "@/shared/take";
import { ratioValue } from "@/shared/models";

// Every card gets the same stage so rows line up; the take keeps its own ratio inside it.
const STAGE_RATIO = 16 / 10;

type CardPreviewProps = { take: Take; videoRef: Ref<HTMLVideoElement>; /** describeWait's words while it runs. */ wait: string | null };

/**
 * The poster (lazy) with the video laid over it. `preload="none"`: nothing of the video
 * loads until the card is hovered or focused and starts it.
 */
export function CardPreview({ take, videoRef, wait }: CardPreviewProps) {
  const { status, video, ratio } = take;
  const fit = ratioValue(ratio) >= STAGE_RATIO ? "w-full" : "h-full";
  const style = { aspectRatio: ratio.replace(":", " / ") };
  const done = status === "completed" && video !== null;

  return (
    <div className="relative flex aspect-[16/10] items-center justify-center overflow-hidden rounded-t-xl bg-zinc-100 dark:bg-zinc-950">
      <div className={`${fit} relative overflow-hidden bg-zinc-200 dark:bg-zinc-800`} style={style}>
        <img
          src={done && video.posterUrl ? video.posterUrl : take.image.url}
          alt=""
          loading="lazy"
          className={`size-full object-cover ${done ? "" : "opacity-40 grayscale"}`}
        />
        {done && (
          <video
            ref={videoRef}
            src={video.url}
            muted
            loop
            playsInline
            preload="none"
            aria-hidden="true"
            tabIndex={-1}
            className="absolute inset-0 size-full object-cover opacity-0 transition-opacity data-playing:opacity-100"
            onPlaying={(event) => event.currentTarget.setAttribute("data-playing", "")}
            onPause={(event) => event.currentTarget.removeAttribute("data-playing")}
          />
        )}
      </div>
      {status !== "completed" && status !== "failed" && (
        <>
          <p className="absolute inset-x-0 bottom-0 bg-linear-to-t from-zinc-950/70 to-transparent px-3 pt-6 pb-2 text-xs text-white">
            {wait}
          </p>
          <div aria-hidden="true" className="absolute inset-x-0 top-0 h-0.5 overflow-hidden bg-accent-500/20">
            <div className="h-full w-1/3 bg-accent-500 motion-safe:animate-progress" />
          </div>
        </>
      )}
    </div>
  );
}
