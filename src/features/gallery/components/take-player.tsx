import type { Take } from "@/shared/take";
import { MODELS } from "@/shared/models";

/** The finished video with controls; until then, the first frame and what is happening. */
export function TakePlayer({ generation }: { generation: Take }) {
  const { video } = generation;
  const style = { aspectRatio: generation.ratio.replace(":", " / ") };
  if (generation.status === "completed" && video) {
    // Nothing of the video loads until it is played: the poster stands in, and the file is
    // faststart, so playback starts from its first Range reply.
    return (
      <video
        controls
        preload="none"
        src={video.url}
        poster={video.posterUrl ?? generation.image.url}
        aria-label={`Take: ${generation.prompt || "untitled"}`}
        className="max-h-[70vh] w-full rounded-xl bg-black object-contain"
        style={style}
      />
    );
  }
  const waiting =
    generation.status === "failed"
      ? "No video: the take failed."
      : generation.status === "finishing"
        ? "Rendered — saving the video…"
        : `${MODELS[generation.model].label} usually takes about ${MODELS[generation.model].typicalSeconds} s.`;
  return (
    <div className="relative flex max-h-[70vh] w-full items-center justify-center overflow-hidden rounded-xl bg-zinc-200 dark:bg-zinc-800" style={style}>
      <img src={generation.image.url} alt="" className="absolute inset-0 size-full object-cover opacity-30 grayscale" />
      <p className="relative rounded-lg bg-white/80 px-3 py-1.5 text-sm text-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-200">{waiting}</p>
    </div>
  );
}
