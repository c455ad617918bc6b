import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import type { Estimate } from "@/shared/usage";
import { MODELS } from "@/shared/models";
import { costEstimateQueryOptions } from "../api/get-cost-estimate";
import type { EstimateParams } from "../api/keys";
import type { FormValues } from "../utils/form-values";

const tokens = new Intl.NumberFormat("en-US");

/** "Expected: about 500,000 tokens (2 takes × 250,000, typical of the last 12 Gen-4 Turbo 5 s takes)". */
export function describeEstimate({ perTake, total, basis, sampleSize }: Estimate, { model, duration, variations }: EstimateParams): string {
  if (basis === "unknown" || perTake === null || total === null) return "No cost estimate yet";
  const times = variations > 1 ? `${variations} takes × ${tokens.format(perTake)}, ` : "";
  const past = sampleSize === 1 ? "take" : `${tokens.format(sampleSize)} ${MODELS[model].label} ${duration} s takes`;
  const source =
    basis === "learned"
      ? sampleSize === 1
        ? `from the one ${MODELS[model].label} ${duration} s ${past} so far`
        : `typical of the last ${past}`
      : "from the studio's price table";
  return `Expected: about ${tokens.format(total)} tokens (${times}${source})`;
}

/** What the submit is expected to cost, for the model, duration and number of takes on screen. */
export function CostEstimate({ variations }: { variations: number }) {
  const model = useWatch<FormValues, "model">({ name: "model" });
  const duration = useWatch<FormValues, "duration">({ name: "duration" });
  const estimate = useQuery(costEstimateQueryOptions({ model, duration, variations }));

  const text = estimate.data
    ? describeEstimate(estimate.data.estimate, estimate.data.params)
    : estimate.isError
      ? "No cost estimate right now"
      : "Estimating the cost…";
  return (
    <p
      role="status"
      aria-label="Cost estimate"
      aria-busy={estimate.isPlaceholderData || undefined}
      className={`text-sm text-zinc-600 transition-opacity dark:text-zinc-400 ${estimate.isPlaceholderData ? "opacity-60" : ""}`}
    >
      {text}
    </p>
  );
}
