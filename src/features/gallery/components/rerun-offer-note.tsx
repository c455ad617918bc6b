import { ERROR_CODES } from "@/shared/api-error";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import type { RerunOffer } from "../hooks/use-rerun-offer";
import { describeSwap } from "../utils/describe-swap";

type RerunOfferNoteProps = {
  id: string;
  take: Take;
  offer: Exclude<RerunOffer, { kind: "same" }>;
  /** The card's short form: the reason is the card's own error line, or the take page's. */
  compact?: boolean;
};

/** Why the take's model can't make it again, and what the closest available one changes, said before anything is sent. */
export function RerunOfferNote({ id, take, offer, compact = false }: RerunOfferNoteProps) {
  const verb = take.status === "failed" ? "Retry" : "Re-run";
  // A take refused as retired already says why in its error.
  const saysWhy = !compact && take.error?.code !== ERROR_CODES.modelUnavailable;
  const changes = offer.kind === "swap" ? describeSwap(take, offer.adaptation).join("; ") : "";
  const text =
    offer.kind === "swap"
      ? compact
        ? `${changes.charAt(0).toUpperCase()}${changes.slice(1)}.` // under a button that names the model
        : `${verb} with ${MODELS[offer.adaptation.model].label}: ${changes}.`
      : compact
        ? `${MODELS[take.model].label} is unavailable and no other model can take this. Open it to edit in the form.`
        : `No available model can make this take again. ${offer.why} Edit it in the form to choose other settings.`;
  return (
    <div
      id={id}
      className={
        compact
          ? "basis-full text-xs text-amber-900 dark:text-amber-200"
          : "space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
      }
    >
      {saysWhy && <p>{offer.reason}</p>}
      <p>{text}</p>
    </div>
  );
}
