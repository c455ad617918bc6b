import { afterEach, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import type { InsightRow } from "@/shared/insights";
import { json, requestsTo, stubBff } from "@/test/fake-bff";
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
      return json(200, { from: "2026-11-04T00:00:00.000Z", to: "2026-12-02T00:00:00.000Z", groupBy, rows, moderatedPrompts: [{ prompt: "a real person, close up", failures: 2 }] });
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

  await user.selectOptions(screen.getByRole("combobox", { name: "By" }), "author");
  const byCreator = await screen.findByRole("table", { name: /by creator/ });
  expect(within(byCreator).getByRole("rowheader", { name: "Ana" })).toBeInTheDocument();
  expect(within(within(byCreator).getByRole("rowheader", { name: "Ana" }).closest("tr")!).getAllByRole("cell")[5]!.textContent).toBe("—");
  expect(screen.getByRole("link", { name: "Download these rows as CSV" })).toHaveAttribute("href", "/api/insights/csv?groupBy=author");
  expect(requestsTo(fetchMock, "GET", "/api/insights").map(({ url }) => url.searchParams.get("groupBy"))).toEqual(["model", "author"]);
});
