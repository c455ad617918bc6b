import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { json, makeCompleted, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import type { Family, FamilyMember } from "@/shared/family";
import { FamilyTree } from "./family-tree";

const live = (id: string, parentId: string | null, how: FamilyMember["how"], prompt: string): FamilyMember => ({
  id,
  parentId,
  how,
  take: makeCompleted({ id, prompt }),
  deleted: null,
});

const family: Family = {
  takeId: "g2",
  rootId: "g1",
  truncated: false,
  members: [
    live("g1", null, null, "Harbour at dusk"),
    live("g2", "g1", "variation", "Harbour at dusk, seed 7"),
    { id: "g3", parentId: "g1", how: "rerun", take: null, deleted: { at: "2025-11-30T09:00:00.000Z", by: "Ana", prompt: "Harbour at dusk again" } },
    live("g4", "g2", "last_frame", "The boat sails on"),
    live("g5", "g2", "edited", "Harbour at night"),
  ],
};

function renderTree(answer: Family = family) {
  stubBff({ "GET /api/generations/:id/family": () => json(200, answer) });
  return renderWithProviders(<FamilyTree takeId="g2" />);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("FamilyTree", () => {
  it("nests each take under its source, saying how it was made, with the current one marked", async () => {
    renderTree();
    const root = await screen.findByRole("link", { name: "Harbour at dusk" });
    expect(root).toHaveAttribute("href", "/g/g1");
    const rootItem = root.closest("li")!;
    const variation = within(rootItem).getByRole("link", { name: "Harbour at dusk, seed 7" });
    expect(variation).toHaveAttribute("aria-current", "page");
    const variationItem = variation.closest("li")!;
    expect(within(variationItem).getByText("new variation")).toBeInTheDocument();
    expect(within(variationItem).getByText("continued from its last frame")).toBeInTheDocument();
    expect(within(variationItem).getByText("edited in the form")).toBeInTheDocument();
    expect(within(variationItem).getByRole("link", { name: "The boat sails on" })).toHaveAttribute("href", "/g/g4");
  });

  it("keeps a deleted member as a tombstone line, never a link", async () => {
    renderTree();
    const tombstone = await screen.findByText(/deleted by Ana on 30 Nov/);
    expect(tombstone.closest("li")).toHaveTextContent("re-run exactly");
    expect(tombstone.closest("li")).toHaveTextContent("Harbour at dusk again");
    expect(screen.queryByRole("link", { name: /Harbour at dusk again/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: /Harbour at dusk again/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole("link").map((link) => link.getAttribute("href"))).not.toContain("/g/g3");
  });

  it("opens any two members in compare", async () => {
    const { user } = renderTree();
    await user.click(await screen.findByRole("checkbox", { name: "Choose “Harbour at dusk” to compare" }));
    expect(screen.queryByRole("link", { name: "Compare" })).not.toBeInTheDocument();
    expect(screen.getByText("Choose two takes to compare them.")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Choose “The boat sails on” to compare" }));
    expect(screen.getByRole("link", { name: "Compare" })).toHaveAttribute("href", "/compare?ids=g1,g4");

    await user.click(screen.getByRole("checkbox", { name: "Choose “Harbour at dusk” to compare" }));
    expect(screen.queryByRole("link", { name: "Compare" })).not.toBeInTheDocument();
  });

  it("says so when the take has no relatives", async () => {
    renderTree({ takeId: "g2", rootId: "g2", truncated: false, members: [live("g2", null, null, "Alone")] });
    expect(await screen.findByText("Nothing came from this take yet, and it came from no other.")).toBeInTheDocument();
  });
});
