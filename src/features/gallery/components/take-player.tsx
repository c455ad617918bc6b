import type { Take } from "@/shared/take";
import type { CompletionTimes } from "@/shared/completion-times";
import { describeWait } from "../utils/describe-wait";

/** The finished video with controls; until then, the first frame and what is happening. */
export function TakePlayer({ take, times, now }: { take: Take; times: CompletionTimes | null; now: number }) {
  const { video } = take;
  const style = { aspectRatio: take.ratio.replace(":", " / ") };
  if (take.status === "completed" && video) {
    // Nothing of the video loads until it is played: the poster stands in, and the file is
    // faststart, so playback starts from its first Range reply.
    return (
      <video
        controls
        preload="none"
        src={video.url}
        poster={video.posterUrl ?? take.image.url}
        aria-label={`Take: ${take.prompt || "untitled"}`}
        className="max-h-[70vh] w-full rounded-xl bg-black object-contain"
        style={style}
      />
    );
  }
  const waiting = describeWait(take, times, now) ?? "No video: the take failed.";
  return (
    <div className="relative flex max-h-[70vh] w-full items-center justify-center overflow-hidden rounded-xl bg-zinc-200 dark:bg-zinc-800" style={style}>
      <img src={take.image.url} alt="" className="absolute inset-0 size-full object-cover opacity-30 grayscale" />
      <p className="relative rounded-lg bg-white/80 px-3 py-1.5 text-sm text-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-200">{waiting}</p>
    </div>
  );
}
