import { afterEach, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import type { InsightRow } from "@/shared/insights";
import { json, makeSession, requestsTo, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";

afterEach(() => {
  vi.unstubAllGlobals();
});

const row = (key: string, patch: Partial<InsightRow> = {}): InsightRow => ({
  key,
  takes: 4,
  completed: 2,
  failed: 2,
  successRate: 0.5,
  failures: { moderation: 1, provider: 1, timeout: 0, unknown: 0 },
  medianSeconds: 30,
  p90Seconds: 38,
  spendUsd: 0.5,
  circled: 1,
  favourites: 2,
  costPerCircledUsd: 0.5,
  costPerFavouriteUsd: 0.25,
  ...patch,
});

it("shows per model and per creator how takes went and what they cost, with outcome bars, a CSV of the same rows and the prompts moderation refused", async () => {
  const fetchMock = stubBff({
    "GET /api/insights": ({ url }) => {
      const groupBy = url.searchParams.get("groupBy") ?? "model";
      const rows = groupBy === "author" ? [row("Ana", { costPerCircledUsd: null, circled: 0 })] : [row("gen3a_turbo"), row("gen4_turbo", { takes: 3, spendUsd: 0.375 })];
      return json(200, { from: "2026-11-04T00:00:00.000Z", to: "2026-12-02T00:00:00.000Z", groupBy, rows, moderatedPrompts: [{ prompt: "a real person, close up", failures: 2 }], moderatedFrames: [{ url: "/media/uploads/upl_1", uploadId: "upl_1", thumbUrl: "/media/uploads/upl_1/thumb", failures: 2 }, { url: "https://images.example.com/crowd.jpg", uploadId: null, thumbUrl: null, failures: 1 }] });
    },
  });
  const { user } = renderWithProviders(<AppRoutes />);
  await user.click(await screen.findByRole("link", { name: "Insights" }));

  const table = await screen.findByRole("table", { name: /by model/ }, { timeout: 5000 });
  const cells = (name: string) => within(within(table).getByRole("rowheader", { name }).closest("tr")!).getAllByRole("cell").map((cell) => cell.textContent);
  expect(cells("Gen-3 Alpha Turbo")).toEqual(["4", "", "50 %", "30 s · 38 s", "$0.50", "$0.50", "$0.25"]);
  expect(cells("Gen-4 Turbo")[4]).toBe("$0.375");
  expect(within(table).getAllByRole("img")[0]).toHaveAccessibleName("2 completed, 1 moderation, 1 provider error");
  expect(screen.getByRole("link", { name: "Download these rows as CSV" })).toHaveAttribute("href", "/api/insights/csv?groupBy=model");
  expect(screen.getByText("“a real person, close up” — 2 takes")).toBeInTheDocument();
  const frames = screen.getByRole("region", { name: "First frames that failed moderation most" });
  expect(within(frames).getByRole("img", { name: "First frame of 2 takes refused by moderation" })).toHaveAttribute("src", "/media/uploads/upl_1/thumb");
  expect(within(frames).getByRole("link", { name: "images.example.com/crowd.jpg" })).toHaveAttribute("href", "https://images.example.com/crowd.jpg");

  await user.selectOptions(screen.getByRole("combobox", { name: "By" }), "author");
  const byCreator = await screen.findByRole("table", { name: /by creator/ });
  expect(within(byCreator).getByRole("rowheader", { name: "Ana" })).toBeInTheDocument();
  expect(within(within(byCreator).getByRole("rowheader", { name: "Ana" }).closest("tr")!).getAllByRole("cell")[5]!.textContent).toBe("—");
  expect(screen.getByRole("link", { name: "Download these rows as CSV" })).toHaveAttribute("href", "/api/insights/csv?groupBy=author");
  expect(requestsTo(fetchMock, "GET", "/api/insights").map(({ url }) => url.searchParams.get("groupBy"))).toEqual(["model", "author"]);
});

const insightsReply = () => json(200, { from: "2026-11-04T00:00:00.000Z", to: "2026-12-02T00:00:00.000Z", groupBy: "model", rows: [row("gen4_turbo")], moderatedPrompts: [], moderatedFrames: [] });
const day = (date: string, patch: Record<string, unknown> = {}) => ({
  day: date,
  partial: false,
  ledgerUsd: 0.5,
  ledgerTakes: 2,
  providerUsd: 0.5,
  providerRequests: 2,
  differenceUsd: 0,
  error: null,
  checkedAt: "2026-12-01T09:00:00.000Z",
  ...patch,
});

it("shows an admin the ledger against the provider's bill, checks it again on request, and the models that came and went", async () => {
  let checked = false;
  const fetchMock = stubBff({
    "GET /api/insights": insightsReply,
    "GET /api/insights/reconciliation": () => json(200, { days: [], note: null }),
    "POST /api/insights/reconciliation": () => {
      checked = true;
      return json(200, { days: [day("2026-12-01", { partial: true, providerUsd: 0.75, providerRequests: 3, differenceUsd: 0.25 }), day("2026-11-30"), day("2026-11-29", { providerUsd: null, providerRequests: null, differenceUsd: null, error: "The AI/ML API refused the key (HTTP 403)." })], note: null });
    },
    "GET /api/insights/catalogue": () =>
      json(200, { readAt: "2026-12-01T08:00:00.000Z", listed: 1, changes: [{ model: "gen3a_turbo", change: "disappeared", at: "2026-11-30T08:00:00.000Z", usedHere: true }] }),
  });
  const { user } = renderWithProviders(<AppRoutes />);
  await user.click(await screen.findByRole("link", { name: "Insights" }));

  expect(await screen.findByText(/Not checked yet/, {}, { timeout: 5000 })).toBeInTheDocument();
  expect((await screen.findByText("gen3a_turbo")).closest("li")).toHaveTextContent("gen3a_turbo disappeared on 30 Nov 2026, 08:00 UTC — Dailies makes takes with it: new ones may be refused");
  expect(screen.getByText(/1 video model listed when last read/)).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Check now" }));
  const table = await screen.findByRole("table", { name: /Spend per UTC day/ });
  const cells = (name: RegExp) => within(within(table).getByRole("rowheader", { name }).closest("tr")!).getAllByRole("cell").map((cell) => cell.textContent);
  expect(checked).toBe(true);
  expect(cells(/2026-12-01/)).toEqual(["$0.50", "$0.75", "+$0.25", "1 Dec 2026, 09:00 UTC"]);
  expect(within(table).getByRole("rowheader", { name: /2026-12-01/ })).toHaveTextContent("2026-12-01 (so far)");
  expect(cells(/2026-11-30/)[2]).toBe("none");
  expect(cells(/2026-11-29/)).toEqual(["$0.50", "—", "—", "Not read: The AI/ML API refused the key (HTTP 403)."]);
  expect(screen.getByText(/^1 of 2 days compared differ; 1 could not be read from the provider\. Over those days: Dailies \$1\.00, the provider \$1\.25\.$/)).toBeInTheDocument();
  expect(requestsTo(fetchMock, "POST", "/api/insights/reconciliation")).toHaveLength(1);
});

it("shows someone who is not an admin the insights, and asks nothing of the provider's side", async () => {
  const fetchMock = stubBff({ "GET /api/session": () => json(200, makeSession("password", { name: "Ana" })), "GET /api/insights": insightsReply });
  const { user } = renderWithProviders(<AppRoutes />);
  await user.click(await screen.findByRole("link", { name: "Insights" }));
  expect(await screen.findByRole("table", { name: /by model/ }, { timeout: 5000 })).toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: /provider’s bill/ })).toBeNull();
  expect(requestsTo(fetchMock, "GET", "/api/insights/reconciliation")).toHaveLength(0);
  expect(requestsTo(fetchMock, "GET", "/api/insights/catalogue")).toHaveLength(0);
});

it("reads money in the studio's currency (CURRENCY) once /api/health names it", async () => {
  stubBff({
    "GET /api/health": () => json(200, { status: "ok", provider: "aimlapi", currency: { code: "EUR", perUsd: 0.9 } }),
    "GET /api/insights": insightsReply,
    "GET /api/insights/reconciliation": () => json(200, { days: [day("2026-11-30", { providerUsd: 0.7, differenceUsd: 0.2 })], note: null }),
    "GET /api/insights/catalogue": () => json(200, { readAt: null, listed: 0, changes: [] }),
  });
  const { user } = renderWithProviders(<AppRoutes />);
  await user.click(await screen.findByRole("link", { name: "Insights" }));
  const table = await screen.findByRole("table", { name: /by model/ }, { timeout: 5000 });
  // $0.50 spent, $0.50 per circled take and $0.25 per favourite, at 0.9 EUR to the dollar.
  await within(table).findAllByText("€0.45");
  const row = within(within(table).getByRole("rowheader", { name: "Gen-4 Turbo" }).closest("tr")!).getAllByRole("cell").map((cell) => cell.textContent);
  expect(row.slice(4)).toEqual(["€0.45", "€0.45", "€0.225"]);
  const days = await screen.findByRole("table", { name: /Spend per UTC day/ });
  const cells = within(within(days).getByRole("rowheader", { name: /2026-11-30/ }).closest("tr")!).getAllByRole("cell").map((cell) => cell.textContent);
  expect(cells.slice(0, 3)).toEqual(["€0.45", "€0.63", "+€0.18"]);
});
