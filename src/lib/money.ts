import { useQuery } from "@tanstack/react-query";
import type { DisplayCurrency } from "@/shared/api";
import { healthQueryOptions } from "./health-query";

const USD: DisplayCurrency = { code: "USD", perUsd: 1 };
const formats = new Map<string, Intl.NumberFormat>();
const count = new Intl.NumberFormat("en-US");

function formatOf(code: string): Intl.NumberFormat {
  let format = formats.get(code);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency: code, minimumFractionDigits: 2, maximumFractionDigits: 3 });
    formats.set(code, format);
  }
  return format;
}

/** What the provider charged, as people read money: $0.125, $12.50. The AI/ML API bills in USD. */
export function formatUsd(value: number): string {
  return formatOf("USD").format(value);
}

/** A USD amount in the studio's currency (CURRENCY, converted at CURRENCY_PER_USD): €0.115. */
export function formatMoney(usd: number, currency: DisplayCurrency = USD): string {
  return formatOf(currency.code).format(usd * currency.perUsd);
}

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
