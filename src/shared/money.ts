import type { DisplayCurrency } from "./api";

/** To the micro-dollar: sums of reported charges carry float noise ($0.075000000000001). */
export const toMicroUsd = (usd: number) => Math.round(usd * 1e6) / 1e6;

export const USD: DisplayCurrency = { code: "USD", perUsd: 1 };
const formats = new Map<string, Intl.NumberFormat>();

/**
 * A USD amount as people read money in the studio's currency (CURRENCY, at CURRENCY_PER_USD):
 * cents, or a tenth of a cent where a price needs it: $0.20, $0.125, €0.115. The one formatter of
 * the UI and of the BFF's messages (a budget refusal says what the form's budget line says).
 */
export function formatMoney(usd: number, currency: DisplayCurrency = USD): string {
  let format = formats.get(currency.code);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.code, minimumFractionDigits: 2, maximumFractionDigits: 3 });
    formats.set(currency.code, format);
  }
  return format.format(usd * currency.perUsd);
}
