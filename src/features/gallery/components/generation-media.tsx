import type { Generation } from "@/shared/generation";
import { MODELS, ratioValue } from "@/shared/models";

// Every card gets the same stage so rows line up; the take keeps its own ratio inside it.
const STAGE_RATIO = 16 / 10;

/** The picture area of a card: the video once done, the first frame while waiting. */
export function GenerationMedia({ generation }: { generation: Generation }) {
  const { status, video, ratio } = generation;
  const fit = ratioValue(ratio) >= STAGE_RATIO ? "w-full" : "h-full";
  const style = { aspectRatio: ratio.replace(":", " / ") };

  return (
    <div className="relative flex aspect-[16/10] items-center justify-center overflow-hidden bg-zinc-100 dark:bg-zinc-950">
      {status === "completed" && video ? (
        <video
          controls
          preload="metadata"
          src={video.url}
          poster={generation.image.url}
          aria-label={`Take: ${generation.prompt || "untitled"}`}
          className={`${fit} bg-black`}
          style={style}
        />
      ) : (
        <div className={`${fit} relative overflow-hidden bg-zinc-200 dark:bg-zinc-800`} style={style}>
          <img src={generation.image.url} alt="" className="size-full object-cover opacity-40 grayscale" />
        </div>
      )}
      {status !== "completed" && status !== "failed" && (
        <>
          <p className="absolute inset-x-0 bottom-0 bg-linear-to-t from-zinc-950/70 to-transparent px-3 pt-6 pb-2 text-xs text-white">
            {MODELS[generation.model].label} usually takes about {MODELS[generation.model].typicalSeconds} s
          </p>
          <div aria-hidden="true" className="absolute inset-x-0 top-0 h-0.5 overflow-hidden bg-accent-500/20">
            <div className="h-full w-1/3 bg-accent-500 motion-safe:animate-progress" />
          </div>
        </>
      )}
    </div>
  );
}
