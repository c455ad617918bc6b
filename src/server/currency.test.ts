import { afterEach, describe, expect, it } from "vitest";
import { healthSchema } from "../shared/api";
import { parseEnv } from "./env";
import { signIn, startPasswordHarness } from "./testing/password-studio";
import { startHarness, type Harness } from "./testing/studio-harness";

describe("CURRENCY and CURRENCY_PER_USD", () => {
  it("default to USD at 1, take an ISO 4217 code with its rate, and say what to change otherwise", () => {
    expect(parseEnv({}).CURRENCY).toBe("USD");
    expect(parseEnv({}).CURRENCY_PER_USD).toBeUndefined();
    expect(parseEnv({ CURRENCY: " eur ", CURRENCY_PER_USD: "0.92" })).toMatchObject({ CURRENCY: "EUR", CURRENCY_PER_USD: 0.92 });
    expect(parseEnv({ CURRENCY: "", CURRENCY_PER_USD: "" }).CURRENCY).toBe("USD");
    expect(() => parseEnv({ CURRENCY: "EUR" })).toThrow(/CURRENCY_PER_USD: CURRENCY is EUR: set CURRENCY_PER_USD to how many EUR one US dollar buys/);
    expect(() => parseEnv({ CURRENCY: "EURO", CURRENCY_PER_USD: "0.9" })).toThrow(/CURRENCY must be an ISO 4217 code/);
    expect(() => parseEnv({ CURRENCY: "XYZ", CURRENCY_PER_USD: "0.9" })).toThrow(/CURRENCY must be an ISO 4217 code/);
    expect(() => parseEnv({ CURRENCY: "GBP", CURRENCY_PER_USD: "-1" })).toThrow(/CURRENCY_PER_USD must be a number above 0/);
    expect(() => parseEnv({ CURRENCY_PER_USD: "0.9" })).toThrow(/CURRENCY_PER_USD must be 1 \(or unset\) while CURRENCY is USD/);
  });
});

describe("the currency, over HTTP", () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it("is in /api/health for someone signed in, beside the provider; amounts on the wire stay USD", async () => {
    h = await startHarness({ CURRENCY: "EUR", CURRENCY_PER_USD: "0.92" });
    expect(healthSchema.parse(await (await fetch(`${h.url}/api/health`)).json())).toEqual({ status: "ok", provider: "simulator", currency: { code: "EUR", perUsd: 0.92 } });
    const usage = (await (await fetch(`${h.url}/api/usage`)).json()) as { periods: Record<string, unknown>[] };
    expect(usage.periods[0]).toHaveProperty("usd");
  });

  it("is told only to someone signed in, as the provider is", async () => {
    h = await startPasswordHarness({ CURRENCY: "GBP", CURRENCY_PER_USD: "0.79" });
    expect(await (await fetch(`${h.url}/api/health`)).json()).toEqual({ status: "ok" });
    const cookie = await signIn(h.url, "Ana");
    expect(await (await fetch(`${h.url}/api/health`, { headers: { cookie } })).json()).toEqual({ status: "ok", provider: "simulator", currency: { code: "GBP", perUsd: 0.79 } });
  });
});
