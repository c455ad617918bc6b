import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import type { Estimate } from "@/shared/usage";
import { MODELS } from "@/shared/models";
import { costEstimateQueryOptions } from "../api/get-cost-estimate";
import type { EstimateParams } from "../api/keys";
import type { FormValues } from "../utils/form-values";
import { useMoney } from "@/lib/money";
import { formatMoney } from "@/shared/money";

/** "Budget left this month: $0.08 of $0.20 for you · $4.10 of $5.00 for the studio"; null with no budget set. */
export function describeBudget({ user, studio }: Estimate["budget"], money: (usd: number) => string = formatMoney): string | null {
  const parts = [user && `${money(user.leftUsd)} of ${money(user.limitUsd)} for you`, studio && `${money(studio.leftUsd)} of ${money(studio.limitUsd)} for the studio`].filter(Boolean);
  return parts.length ? `Budget left this month: ${parts.join(" · ")}` : null;
}

const tokens = new Intl.NumberFormat("en-US");

/**
 * "Expected: $0.25 (2 takes × $0.125, the AI/ML API's price for Gen-4 Turbo 5 s)" from its
 * catalogue, else "Expected: about $0.25 (…, typical of recent Gen-4 Turbo 5 s takes)" from what
 * it charged; before either, in its own figures: "Expected: about
 * 500,000 tokens (2 takes × 250,000, typical of the last 12 Gen-4 Turbo 5 s takes)".
 */
export function describeEstimate(
  { perTake, total, basis, sampleSize, perTakeUsd, totalUsd, usdBasis }: Estimate,
  { model, duration, variations }: EstimateParams,
  money: (usd: number) => string = formatMoney,
): string {
  if (perTakeUsd !== null && totalUsd !== null) {
    const times = variations > 1 ? `${variations} takes × ${money(perTakeUsd)}, ` : "";
    if (usdBasis === "catalogue") return `Expected: ${money(totalUsd)} (${times}the AI/ML API's price for ${MODELS[model].label} ${duration} s)`;
    return `Expected: about ${money(totalUsd)} (${times}typical of recent ${MODELS[model].label} ${duration} s takes)`;
  }
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
  const money = useMoney();

  const text = estimate.data
    ? describeEstimate(estimate.data.estimate, estimate.data.params, money)
    : estimate.isError
      ? "No cost estimate right now"
      : "Estimating the cost…";
  const budget = estimate.data ? describeBudget(estimate.data.estimate.budget, money) : null;
  return (
    <>
      <p
        role="status"
        aria-label="Cost estimate"
        aria-busy={estimate.isPlaceholderData || undefined}
        className={`text-sm text-zinc-600 transition-opacity dark:text-zinc-400 ${estimate.isPlaceholderData ? "opacity-60" : ""}`}
      >
        {text}
      </p>
      {budget && <p className="text-sm text-zinc-600 dark:text-zinc-400">{budget}</p>}
    </>
  );
}
