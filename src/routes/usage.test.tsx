import { afterEach, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { json, makeUsage, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";

afterEach(() => {
  vi.unstubAllGlobals();
});

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => (["columnheader", "rowheader", "cell"] as const).flatMap((role) => within(row).queryAllByRole(role).map((cell) => cell.textContent)));

it("reports spend per period, per person and per model, reached from the header", async () => {
  const today = { takes: 3, tokens: 750_000, usd: 0.375, byUser: [{ name: "ana", takes: 3, tokens: 750_000, usd: 0.375 }], byModel: [{ model: "gen4_turbo" as const, takes: 3, tokens: 750_000, usd: 0.375 }] };
  stubBff({
    "GET /api/usage": () =>
      json(
        200,
        makeUsage({
          today,
          week: today,
          month: {
            takes: 14,
            tokens: 2_400_000,
            usd: 1.2,
            byUser: [
              { name: "ana", takes: 9, tokens: 1_900_000, usd: 0.95 },
              { name: "ben", takes: 5, tokens: 500_000, usd: 0.25 },
            ],
            byModel: [
              { model: "gen3a_turbo", takes: 5, tokens: 500_000, usd: 0.25 },
              { model: "gen4_turbo", takes: 9, tokens: 1_900_000, usd: 0.95 },
            ],
          },
        }),
      ),
  });
  const { user } = renderWithProviders(<AppRoutes />);
  await user.click(await screen.findByRole("link", { name: "Usage" }));

  expect(await screen.findByRole("heading", { level: 2, name: "Usage" }, { timeout: 5000 })).toBeInTheDocument();
  const month = await screen.findByRole("region", { name: "This month" });
  // Money, with the provider's credits on hover.
  expect(within(month).getByText(/takes ·/)).toHaveTextContent("14 takes · $1.20 charged");
  expect(within(month).getByText("$1.20")).toHaveAttribute("title", "2,400,000 credits");
  expect(rowsOf(within(month).getByRole("table", { name: "This month by person" }))).toEqual([
    ["Person", "Takes", "Charged"],
    ["ana", "9", "$0.95"],
    ["ben", "5", "$0.25"],
  ]);
  expect(within(within(month).getByRole("table", { name: "This month by person" })).getByText("$0.95")).toHaveAttribute("title", "1,900,000 credits");
  expect(rowsOf(within(month).getByRole("table", { name: "This month by model" }))).toEqual([
    ["Model", "Takes", "Charged"],
    ["Gen-3 Alpha Turbo", "5", "$0.25"],
    ["Gen-4 Turbo", "9", "$0.95"],
  ]);
  expect(within(screen.getByRole("region", { name: "Today" })).getByRole("table", { name: "Today by person" })).toBeInTheDocument();
  expect(screen.getByRole("region", { name: "This week" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Usage" })).toHaveAttribute("aria-current", "page");
});

it("says so when nothing has been spent yet", async () => {
  stubBff();
  renderWithProviders(<AppRoutes />, { route: "/usage" });
  expect(await screen.findByText(/No takes this month yet/, {}, { timeout: 5000 })).toBeInTheDocument();
  expect(screen.queryByRole("table")).not.toBeInTheDocument();
});
