import { describe, expect, it } from "vitest";
import { parseLogPage, parseUsageTotals, readCharge } from "./read-charge";

describe("readCharge", () => {
  it("reads the tracing id and the cost headers, integer credits, USD as sent", () => {
    const headers = new Headers({ "x-inference-id": " gen-1 ", "x-aimlapi-credits-used": "250000.4", "x-aimlapi-usd-spent": "0.125000000" });
    expect(readCharge(headers)).toEqual({ inferenceId: "gen-1", credits: 250000, usd: 0.125 });
  });

  it("reads missing, empty, negative or non-numeric figures as unknown, never zero", () => {
    expect(readCharge(new Headers())).toEqual({ inferenceId: null, credits: null, usd: null });
    for (const bad of ["", "  ", "-1", "1e3", "0x10", "NaN", "Infinity", "1.", ".5", "12 credits"]) {
      expect(readCharge(new Headers({ "x-inference-id": "  ", "x-aimlapi-credits-used": bad, "x-aimlapi-usd-spent": bad })), bad).toEqual({ inferenceId: null, credits: null, usd: null });
    }
    expect(readCharge(new Headers({ "x-aimlapi-credits-used": "0", "x-aimlapi-usd-spent": " 0.000 " }))).toEqual({ inferenceId: null, credits: 0, usd: 0 });
  });
});

describe("parseLogPage", () => {
  it("reads each row's ids, status, time and cost, and has_more only when it says so", () => {
    const page = parseLogPage({
      data: [
        { created: "2026-07-02T03:04:05.000Z", status: "succeeded", cost: { usd: 0.25, credits: 500000 }, inference_id: "g1", client_request_id: "take-1" },
        { created: "not a date", status: "pending", cost: { usd: -1, credits: Number.POSITIVE_INFINITY }, inference_id: "", client_request_id: null },
        { status: "failed", cost: null },
        null,
        "row",
        [1, 2],
      ],
      pagination: { has_more: true },
    });
    expect(page.hasMore).toBe(true);
    expect(page.rows).toEqual([
      { clientRequestId: "take-1", inferenceId: "g1", status: "succeeded", createdAt: Date.UTC(2026, 6, 2, 3, 4, 5), credits: 500000, usd: 0.25 },
      { clientRequestId: null, inferenceId: null, status: null, createdAt: null, credits: null, usd: null },
      { clientRequestId: null, inferenceId: null, status: "failed", createdAt: null, credits: null, usd: null },
    ]);
  });

  it("reads a page that isn't one as empty and final", () => {
    for (const body of [null, "x", [], { data: "rows" }, { rows: [] }]) expect(parseLogPage(body)).toEqual({ rows: [], hasMore: false });
    expect(parseLogPage({ data: [], pagination: { has_more: "yes" } }).hasMore).toBe(false);
    expect(parseLogPage({ data: [], pagination: [true] }).hasMore).toBe(false);
  });
});

describe("parseUsageTotals", () => {
  it("reads the spend in USD, whole charged requests and the currency, and nothing it can't read", () => {
    expect(parseUsageTotals({ spend: 13.704199, requests: 9643, currency: "USD" })).toEqual({ usd: 13.704199, requests: 9643, currency: "USD" });
    expect(parseUsageTotals({ spend: "1.50", requests: 2.5, currency: " " })).toEqual({ usd: 1.5, requests: null, currency: null });
    expect(parseUsageTotals({ spend: -1, requests: -3 })).toEqual({ usd: null, requests: null, currency: null });
    expect(parseUsageTotals([1])).toEqual({ usd: null, requests: null, currency: null });
    expect(parseUsageTotals(null)).toEqual({ usd: null, requests: null, currency: null });
  });
});
