import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { json, makeGeneration, stubBff } from "@/test/fake-bff";
import type { Generation } from "@/shared/generation";
import { renderWithProviders } from "@/test/render";
import { StudioRoute } from "./studio";

const SIMULATOR_NOTE = "Running on the built-in simulator — no AI/ML API key is set; videos are local previews, not Runway output.";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("StudioRoute", () => {
  it("warns calmly when the BFF runs on the simulator", async () => {
    stubBff({ "GET /api/health": () => json(200, { status: "ok", provider: "simulator" }) });
    renderWithProviders(<StudioRoute />);
    expect(await screen.findByRole("note")).toHaveTextContent(SIMULATOR_NOTE);
    expect(screen.getByRole("heading", { level: 1, name: "Dailies" })).toBeInTheDocument();
  });

  it("shows no banner against the real API", async () => {
    stubBff();
    renderWithProviders(<StudioRoute />);
    await screen.findByText("No takes yet — your generations will appear here.");
    await screen.findByRole("combobox", { name: "Model" });
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("puts a new take in the gallery as soon as it is created", async () => {
    const stored: Generation[] = [];
    const created = makeGeneration({ id: "fresh", status: "queued", prompt: "Fog rolls over the bay" });
    stubBff({
      "POST /api/uploads": () =>
        json(201, { id: "up_1", url: "/media/uploads/up_1.png", width: 1280, height: 720, contentType: "image/png", bytes: 8 }),
      "POST /api/generations": () => {
        stored.unshift(created);
        return json(201, created);
      },
      "GET /api/generations": () => json(200, { items: stored, nextCursor: null }),
      "GET /api/generations/:id": () => json(200, created),
    });
    const { user } = renderWithProviders(<StudioRoute />);
    await screen.findByText("No takes yet — your generations will appear here.");

    await user.upload(await screen.findByLabelText(/choose first frame file/i), new File(["x"], "f.png", { type: "image/png" }));
    await screen.findByText("1280×720 · 1.78:1");
    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Fog rolls over the bay");
    await user.click(screen.getByRole("button", { name: "Generate" }));

    const takes = screen.getByRole("region", { name: "Takes" });
    const card = await within(takes).findByRole("article");
    expect(within(card).getByText("Fog rolls over the bay")).toBeInTheDocument();
    expect(within(card).getByText("Queued")).toBeInTheDocument();
  });
});
