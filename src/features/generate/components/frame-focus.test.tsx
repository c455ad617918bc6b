import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { json, makeTake, requestsTo, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import { forgetScrollIntoView, recordScrollIntoView } from "@/test/scroll-into-view";
import { TakePanel } from "./take-panel";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetScrollIntoView();
});

describe("A submit with no first frame", () => {
  it("puts focus on the frame slot and brings its message into view", async () => {
    const scrolled = recordScrollIntoView();
    const fetchMock = stubBff({ "POST /api/generations/batch": () => json(201, { items: [makeTake()] }) });
    const { user } = renderWithProviders(<TakePanel />);
    await screen.findByRole("combobox", { name: "Model" });

    await user.click(screen.getByRole("button", { name: "Generate" }));
    const file = screen.getByLabelText(/choose first frame file/i);
    expect(file).toHaveFocus();
    expect(file).toHaveAccessibleDescription("Add a first frame: upload an image or paste an https:// address.");
    const slot = screen.getByRole("group", { name: "First frame" });
    expect(new Set(scrolled)).toEqual(new Set([slot]));
    expect(requestsTo(fetchMock, "POST", "/api/generations/batch")).toHaveLength(0);

    // Pasting an address instead: the same, on the address field.
    await user.click(screen.getByText("Paste URL"));
    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(screen.getByRole("textbox", { name: "First frame address" })).toHaveFocus();
  });
});
