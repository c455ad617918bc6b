import type { Take } from "@/shared/take";
import { formatCredits } from "@/lib/money";
import { formatMoney } from "@/shared/money";

/**
 * The take's charge in words, and its credits for the hover: "charged $0.125", "not charged
 * (failed)", "charge pending" while the video's charge has not posted, "charge unknown" when the
 * create may have started a job nobody could track.
 */
export function describeCharge(charge: Take["charge"], money: (usd: number) => string = formatMoney): { text: string; credits: string | null } {
  const credits = charge.credits === null ? null : formatCredits(charge.credits);
  switch (charge.state) {
    case "charged":
      if (charge.usd === null) return { text: "charged (amount not reported)", credits };
      if (charge.estimated) return { text: `charged about ${money(charge.usd)} (the AI/ML API's price; the charge itself was not reported)`, credits };
      return { text: `charged ${money(charge.usd)}`, credits };
    case "not_charged":
      return { text: "not charged (failed)", credits: null };
    case "pending":
      return { text: "charge pending", credits: null };
    case "unknown":
      return { text: "charge unknown: check the provider's dashboard", credits: null };
  }
}
