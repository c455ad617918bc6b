import { describe, expect, it } from "vitest";
import { describeCharge } from "./charge";

describe("describeCharge", () => {
  it("says each state in words, with credits for the hover only where the provider reported them", () => {
    expect(describeCharge({ state: "charged", usd: 0.5, credits: 1_000_000, estimated: false })).toEqual({ text: "charged $0.50", credits: "1,000,000 credits" });
    expect(describeCharge({ state: "charged", usd: 0.125, credits: 250_000, estimated: false }).text).toBe("charged $0.125");
    expect(describeCharge({ state: "charged", usd: null, credits: null, estimated: false })).toEqual({ text: "charged (amount not reported)", credits: null });
    expect(describeCharge({ state: "not_charged", usd: 0, credits: 0, estimated: false })).toEqual({ text: "not charged (failed)", credits: null });
    expect(describeCharge({ state: "pending", usd: null, credits: null, estimated: false })).toEqual({ text: "charge pending", credits: null });
    expect(describeCharge({ state: "unknown", usd: null, credits: null, estimated: false }).text).toBe("charge unknown: check the provider's dashboard");
    expect(describeCharge({ state: "charged", usd: 0.125, credits: null, estimated: true })).toEqual({ text: "charged about $0.125 (the AI/ML API's price; the charge itself was not reported)", credits: null });
  });
});
