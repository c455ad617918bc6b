import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { json, makeCompleted, makeTake, stubBff } from "@/test/fake-bff";
import type { Take } from "@/shared/take";
import { renderWithProviders } from "@/test/render";
import { forgetScrollIntoView, recordScrollIntoView } from "@/test/scroll-into-view";
import { Gallery } from "./gallery";

const list = (items: Take[]) => () => json(200, { items, nextCursor: null });
const cardOf = async (name: string) => (await screen.findByRole("link", { name })).closest("article") as HTMLElement;

afterEach(() => {
  vi.unstubAllGlobals();
  forgetScrollIntoView();
});

describe("Cards for review", () => {
  it("name the review state in words and count the notes", async () => {
    stubBff({
      "GET /api/generations": list([
        makeCompleted({ id: "g1", prompt: "Circled one", review: { state: "circled", by: "ana", at: "2025-01-02T10:00:00.000Z" }, noteCount: 3 }),
        makeCompleted({ id: "g2", prompt: "Maybe one", review: { state: "maybe", by: "ana", at: "2025-01-02T10:00:00.000Z" }, noteCount: 1 }),
        makeCompleted({ id: "g3", prompt: "Rejected one", review: { state: "rejected", by: "ben", at: "2025-01-02T10:00:00.000Z" } }),
        makeCompleted({ id: "g4", prompt: "Unseen one" }),
      ]),
    });
    renderWithProviders(<Gallery />);
    const circled = await cardOf("Circled one");
    expect(within(circled).getByText("Circled")).toHaveTextContent("Review: Circled");
    expect(within(circled).getByText("3 notes")).toBeInTheDocument();
    expect(within(await cardOf("Maybe one")).getByText("Maybe")).toBeInTheDocument();
    expect(within(await cardOf("Maybe one")).getByText("1 note")).toBeInTheDocument();
    expect(within(await cardOf("Rejected one")).getByText("Rejected")).toBeInTheDocument();
    const unseen = await cardOf("Unseen one");
    expect(within(unseen).queryByText(/^Review:/)).not.toBeInTheDocument();
    expect(within(unseen).queryByText(/notes?$/)).not.toBeInTheDocument();
  });
});

describe("Batches", () => {
  it("frame the takes of one submit together, the prompt said once", async () => {
    const batch = ["b1", "b2", "b3", "b4"].map((id, i) => makeTake({ id, batchId: "b1", seed: 40 + i, status: "generating", prompt: "Waves at the pier" }));
    stubBff({ "GET /api/generations": list([makeCompleted({ id: "solo", prompt: "A lone take" }), ...batch]) });
    renderWithProviders(<Gallery />);

    const group = await screen.findByRole("region", { name: "4 variations" });
    expect(within(group).getByText("Waves at the pier")).toBeInTheDocument();
    expect(screen.getAllByText("Waves at the pier")).toHaveLength(1);
    const links = within(group).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Variation 1", "/g/b1"],
      ["Variation 2", "/g/b2"],
      ["Variation 3", "/g/b3"],
      ["Variation 4", "/g/b4"],
    ]);
    expect(within(group).getByText("seed 43")).toBeInTheDocument();
    // A take alone is a card of its own, outside any group.
    expect((await cardOf("A lone take")).closest("section")).toBeNull();
  });

  it("brings the batch just made into view and marks it", async () => {
    const scrolled = recordScrollIntoView();
    const batch = ["n1", "n2"].map((id) => makeTake({ id, batchId: "n1", prompt: "New batch" }));
    stubBff({ "GET /api/generations": list([...batch, makeCompleted({ id: "old", prompt: "Older take" })]) });
    renderWithProviders(<Gallery highlight="n1" />);

    const group = await screen.findByRole("region", { name: "2 variations" });
    const place = group.closest("li") as HTMLElement;
    await waitFor(() => expect(scrolled).toEqual([place]));
    expect(place).toHaveAttribute("data-highlighted");
    expect((await cardOf("Older take")).closest("li")).not.toHaveAttribute("data-highlighted");
  });
});

describe("Selecting takes for compare and review", () => {
  it("counts the selection and links to compare (2 to 4 takes) and review", async () => {
    const takes = ["a", "b", "c", "d", "e"].map((id) => makeCompleted({ id, prompt: `Take ${id}` }));
    stubBff({ "GET /api/generations": list(takes) });
    const { user } = renderWithProviders(<Gallery />);
    const pick = async (id: string) => user.click(within(await cardOf(`Take ${id}`)).getByRole("checkbox", { name: "Select for compare" }));

    await pick("c");
    const bar = screen.getByRole("region", { name: "Selected takes" });
    expect(bar).toHaveTextContent("1 selected");
    expect(within(bar).getByRole("link", { name: "Compare" })).toHaveAttribute("aria-disabled", "true");
    expect(within(bar).getByRole("link", { name: "Compare" })).not.toHaveAttribute("href");
    expect(within(bar).getByRole("link", { name: "Compare" })).toHaveAccessibleDescription("Compare takes 2 to 4.");
    expect(within(bar).getByRole("link", { name: "Review" })).toHaveAttribute("href", "/review?ids=c");

    await pick("a");
    expect(bar).toHaveTextContent("2 selected");
    expect(within(bar).getByRole("link", { name: "Compare" })).toHaveAttribute("href", "/compare?ids=c,a");
    await pick("b");
    await pick("d");
    expect(within(bar).getByRole("link", { name: "Compare" })).toHaveAttribute("href", "/compare?ids=c,a,b,d");
    await pick("e");
    expect(bar).toHaveTextContent("5 selected");
    expect(within(bar).getByRole("link", { name: "Compare" })).toHaveAttribute("aria-disabled", "true");
    expect(within(bar).getByRole("link", { name: "Review" })).toHaveAttribute("href", "/review?ids=c,a,b,d,e");

    await pick("a");
    expect(within(bar).getByRole("link", { name: "Compare" })).toHaveAttribute("href", "/compare?ids=c,b,d,e");
    expect(within(await cardOf("Take a")).getByRole("checkbox", { name: "Select for compare" })).not.toBeChecked();
    await user.click(within(bar).getByRole("button", { name: "Clear selection" }));
    expect(screen.queryByRole("region", { name: "Selected takes" })).not.toBeInTheDocument();
  });
});
