import type { Upload } from "@/shared/api";
import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { useExtractLastFrame } from "../api/extract-last-frame";
import { useRerunTake } from "../api/rerun-take";

export type ReuseHandlers = {
  /** Load every parameter into the form (the route decides how). */
  onEdit: (take: Take) => void;
  /** Continue the shot: the take's final frame, as a new upload, becomes the form's first frame. */
  onUseLastFrame: (upload: Upload, take: Take) => void;
  /** A re-run, variation or retry was created. */
  onCreated: (take: Take) => void;
};

/** The ways to make another take from this one. */
export function TakeReuseActions({ take, onEdit, onUseLastFrame, onCreated }: { take: Take } & ReuseHandlers) {
  const rerun = useRerunTake({ onCreated });
  const lastFrame = useExtractLastFrame({ onExtracted: (upload) => onUseLastFrame(upload, take) });
  const completed = take.status === "completed";
  const retryable = take.status === "failed" && take.error?.retryable === true;
  const error = rerun.error ?? lastFrame.error;

  return (
    <section aria-labelledby="take-reuse" className="space-y-2">
      <h3 id="take-reuse" className="text-sm font-semibold">
        Make another
      </h3>
      <div className="flex flex-wrap gap-2">
        {retryable && (
          <Button variant="primary" disabled={rerun.isPending} onClick={() => rerun.mutate({ id: take.id, seed: "same" })}>
            Retry
          </Button>
        )}
        {take.status !== "failed" && (
          <Button disabled={rerun.isPending} onClick={() => rerun.mutate({ id: take.id, seed: "same" })} title="Same settings, same seed">
            Re-run exactly
          </Button>
        )}
        <Button disabled={rerun.isPending} onClick={() => rerun.mutate({ id: take.id, seed: "new" })} title="Same settings, a new seed">
          New variation
        </Button>
        <Button onClick={() => onEdit(take)}>Edit in form</Button>
        {completed && (
          <Button disabled={lastFrame.isPending} onClick={() => lastFrame.mutate(take.id)}>
            {lastFrame.isPending ? "Taking the last frame…" : "Use last frame"}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error.message}
        </p>
      )}
    </section>
  );
}

/** Download the video under its descriptive name, or everything as a handoff zip. */
export function TakeFiles({ take }: { take: Take }) {
  const { video } = take;
  if (take.status !== "completed" || !video) return null;
  const linkClass =
    "inline-flex h-10 items-center rounded-lg border border-zinc-300 bg-white px-4 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";
  return (
    <div className="flex flex-wrap gap-2">
      <a className={linkClass} href={`${video.url}?download=1`} download={video.downloadName}>
        Download
      </a>
      <a className={linkClass} href={`/api/generations/${encodeURIComponent(take.id)}/handoff.zip`} download>
        Handoff (.zip)
      </a>
    </div>
  );
}
