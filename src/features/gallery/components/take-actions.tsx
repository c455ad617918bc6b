import { useId } from "react";
import type { Upload } from "@/shared/api";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { useExtractLastFrame } from "../api/extract-last-frame";
import { useRerunTake } from "../api/rerun-take";
import { useRerunOffer } from "../hooks/use-rerun-offer";
import { mayRetry } from "../utils/may-retry";
import { RerunOfferNote } from "./rerun-offer-note";

export type ReuseHandlers = {
  /** Load every parameter into the form (the route decides how). */
  onEdit: (take: Take) => void;
  /** Continue the shot: the take's final frame, as a new upload, becomes the form's first frame. */
  onUseLastFrame: (upload: Upload, take: Take) => void;
  /** A re-run, variation or retry was created. */
  onCreated: (take: Take) => void;
};

/**
 * The ways to make another take from this one. When the take's model is gone, re-runs use the
 * closest available model, and the note says what that changes before anything is sent; when
 * no model can take it, only the form is offered.
 */
export function TakeReuseActions({ take, onEdit, onUseLastFrame, onCreated }: { take: Take } & ReuseHandlers) {
  const rerun = useRerunTake({ onCreated });
  const lastFrame = useExtractLastFrame({ onExtracted: (upload) => onUseLastFrame(upload, take) });
  const offer = useRerunOffer(take);
  const noteId = useId();
  const completed = take.status === "completed";
  const canRerun = offer.kind !== "none";
  const model = offer.kind === "swap" ? offer.adaptation.model : undefined;
  const withModel = model ? ` with ${MODELS[model].label}` : "";
  const describedBy = offer.kind === "same" ? undefined : noteId;
  const error = rerun.error ?? lastFrame.error;

  return (
    <section aria-labelledby="take-reuse" className="space-y-2">
      <h3 id="take-reuse" className="text-sm font-semibold">
        Make another
      </h3>
      {offer.kind !== "same" && <RerunOfferNote id={noteId} take={take} offer={offer} />}
      <div className="flex flex-wrap gap-2">
        {canRerun && mayRetry(take) && (
          <Button variant="primary" disabled={rerun.isPending} aria-describedby={describedBy} onClick={() => rerun.mutate({ id: take.id, seed: "same", model })}>
            Retry{withModel}
          </Button>
        )}
        {canRerun && take.status !== "failed" && (
          <Button
            disabled={rerun.isPending}
            aria-describedby={describedBy}
            onClick={() => rerun.mutate({ id: take.id, seed: "same", model })}
            title={model ? "The same seed, the settings adapted as said above" : "Same settings, same seed"}
          >
            {model ? `Re-run${withModel}` : "Re-run exactly"}
          </Button>
        )}
        {canRerun && (
          <Button
            disabled={rerun.isPending}
            aria-describedby={describedBy}
            onClick={() => rerun.mutate({ id: take.id, seed: "new", model })}
            title={model ? "A new seed, the settings adapted as said above" : "Same settings, a new seed"}
          >
            New variation{withModel}
          </Button>
        )}
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
