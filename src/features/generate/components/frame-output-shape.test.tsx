import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { MODELS } from "@/shared/models";
import { json, makeUpload, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import { UploadFramePreview } from "./frame-value-preview";

afterEach(() => vi.unstubAllGlobals());

function renderPreview(model: keyof typeof MODELS) {
  stubBff({ "GET /api/uploads/:id": () => json(200, makeUpload({ id: "up_1", width: 1920, height: 1080 })) });
  const view = renderWithProviders(<UploadFramePreview uploadId="up_1" alt="First frame preview" model={MODELS[model]} ratio="16:9" dimmed={false} onUseRatio={() => undefined} />);
  return view.container;
}

describe("The framing preview", () => {
  it("draws Gen-3 Alpha Turbo's 16:9 as the 1280×768 (5:3) it really outputs", async () => {
    const container = renderPreview("gen3a_turbo");
    expect(await screen.findByText("At 16:9 (1280×768) the model keeps the outlined 94%; the dimmed 6% is cropped.")).toBeInTheDocument();
    // A 1920×1080 frame cut to 5:3 keeps 1800×1080, centred.
    const kept = container.querySelector("svg rect");
    expect(kept).toHaveAttribute("width", "1800");
    expect(kept).toHaveAttribute("height", "1080");
    expect(kept).toHaveAttribute("x", "60");
  });

  it("draws Gen-4 Turbo's 16:9 (1280×720) as the ratio says", async () => {
    const container = renderPreview("gen4_turbo");
    expect(await screen.findByText("Fits 16:9 exactly: nothing is cropped.")).toBeInTheDocument();
    expect(container.querySelector("svg rect")).toBeNull();
  });
});
