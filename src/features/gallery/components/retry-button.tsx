import { useId } from "react";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { useRerunTake } from "../api/rerun-take";
import { useRerunOffer } from "../hooks/use-rerun-offer";
import { mayRetry } from "../utils/may-retry";
import { RerunOfferNote } from "./rerun-offer-note";

type RetryButtonProps = { take: Take; onCreated?: (take: Take) => void };

/** Only for failures worth another go: the same settings and seed, as a new take. */
export function RetryButton({ take, onCreated }: RetryButtonProps) {
  return mayRetry(take) ? <Retry take={take} onCreated={onCreated} /> : null;
}

/** With the closest available model when the take's own is gone, what changes said beside it. */
function Retry({ take, onCreated }: RetryButtonProps) {
  const rerun = useRerunTake({ onCreated });
  const offer = useRerunOffer(take);
  const noteId = useId();
  const model = offer.kind === "swap" ? offer.adaptation.model : undefined;
  return (
    <>
      {offer.kind !== "none" && (
        <Button
          size="sm"
          // A model's name may not fit a narrow card on one line: the button grows rather than clips.
          className={model ? "h-auto min-h-8 py-1 text-center" : ""}
          aria-describedby={model ? noteId : undefined}
          onClick={() => rerun.mutate({ id: take.id, seed: "same", model })}
          disabled={rerun.isPending}
        >
          {rerun.isPending ? "Retrying…" : model ? `Retry with ${MODELS[model].label}` : "Retry"}
        </Button>
      )}
      {offer.kind !== "same" && <RerunOfferNote id={noteId} take={take} offer={offer} compact />}
      {rerun.isError && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {rerun.error.message}
        </span>
      )}
    </>
  );
}
