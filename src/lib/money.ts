import { useQuery } from "@tanstack/react-query";
import { formatMoney, USD } from "@/shared/money";
import { healthQueryOptions } from "./health-query";

const count = new Intl.NumberFormat("en-US");

/**
 * The formatter for the studio's currency, from `/api/health` (one cached request); amounts
 * show in USD until it has answered, and always when the studio reads money in USD.
 */
export function useMoney(): (usd: number) => string {
  const { data } = useQuery(healthQueryOptions());
  const currency = data?.currency ?? USD;
  return (usd) => formatMoney(usd, currency);
}

/** The provider's own unit, for the hover: "250,000 credits". */
export function formatCredits(value: number): string {
  return `${count.format(value)} credits`;
}
