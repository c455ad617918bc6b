import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { makeCompletedOfLength } from "@/test/fake-bff";
import { manualAnimationFrames } from "@/test/fake-media";
import { renderWithProviders } from "@/test/render";
import { CompareView } from "./compare-view";

const a = makeCompletedOfLength("a", 5, { prompt: "Take A" });
const b = makeCompletedOfLength("b", 5, { prompt: "Take B" });

function renderWipe() {
  manualAnimationFrames();
  const view = renderWithProviders(<CompareView takes={[a, b]} />);
  return view;
}

const top = () => screen.getByLabelText("Take 2: Take B");

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("A/B wipe", () => {
  it("stacks take 2 over take 1, clipped at a divider the arrow keys move", async () => {
    const { user } = renderWipe();
    expect(screen.queryByRole("slider", { name: "Wipe divider" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Wipe" }));
    expect(screen.getByRole("button", { name: "Wipe" })).toHaveAttribute("aria-pressed", "true");

    const divider = screen.getByRole("slider", { name: "Wipe divider" });
    expect(divider).toHaveAttribute("aria-valuenow", "50");
    expect(top().style.clipPath).toBe("inset(0 0 0 50%)");

    divider.focus();
    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(divider).toHaveAttribute("aria-valuenow", "52");
    expect(top().style.clipPath).toBe("inset(0 0 0 52%)");
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    expect(divider).toHaveAttribute("aria-valuenow", "42");
    await user.keyboard("{Home}");
    expect(divider).toHaveAttribute("aria-valuenow", "0");
    await user.keyboard("{ArrowLeft}");
    expect(divider).toHaveAttribute("aria-valuenow", "0");
    await user.keyboard("{End}");
    expect(divider).toHaveAttribute("aria-valuenow", "100");
    expect(top().style.clipPath).toBe("inset(0 0 0 100%)");
    // The arrows moved the divider, not the transport.
    expect(screen.getByText(/frame 0 of 0–119/)).toBeInTheDocument();
  });

  it("follows a drag on the picture", async () => {
    const { user } = renderWipe();
    await user.click(screen.getByRole("button", { name: "Wipe" }));
    const stage = screen.getByTestId("wipe-stage");
    stage.getBoundingClientRect = () => ({ left: 100, width: 400, top: 0, height: 225, right: 500, bottom: 225, x: 100, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(stage, { clientX: 200, pointerId: 1 });
    expect(screen.getByRole("slider", { name: "Wipe divider" })).toHaveAttribute("aria-valuenow", "25");
    fireEvent.pointerMove(stage, { clientX: 400, pointerId: 1 });
    expect(top().style.clipPath).toBe("inset(0 0 0 75%)");
    fireEvent.pointerUp(stage, { clientX: 400, pointerId: 1 });
    fireEvent.pointerMove(stage, { clientX: 150, pointerId: 1 });
    expect(screen.getByRole("slider", { name: "Wipe divider" })).toHaveAttribute("aria-valuenow", "75");
  });

  it("keeps both players on the transport's frame when the view changes", async () => {
    const { user } = renderWipe();
    fireEvent.change(screen.getByRole("slider", { name: "Position" }), { target: { value: "30" } });
    await user.click(screen.getByRole("button", { name: "Wipe" }));
    expect([screen.getByLabelText("Take 1: Take A"), top()].map((video) => (video as HTMLVideoElement).currentTime)).toEqual([30.5 / 24, 30.5 / 24]);
    await user.click(screen.getByRole("button", { name: "Side by side" }));
    expect(screen.queryByRole("slider", { name: "Wipe divider" })).not.toBeInTheDocument();
    expect((top() as HTMLVideoElement).currentTime).toBe(30.5 / 24);
  });

  it("keeps playing from the same frame when the view changes during playback", async () => {
    const frames = manualAnimationFrames();
    // The wipe makes new <video>s: every player, old and new, gets the parts jsdom lacks.
    const play = vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(() => Promise.resolve());
    vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => undefined);
    vi.spyOn(HTMLMediaElement.prototype, "readyState", "get").mockReturnValue(4);
    const { user } = renderWithProviders(<CompareView takes={[a, b]} />);
    const videos = () => [screen.getByLabelText("Take 1: Take A"), top()] as HTMLVideoElement[];
    await user.click(screen.getByRole("button", { name: "Play" }));
    await vi.waitFor(() => expect(play).toHaveBeenCalledTimes(2));
    videos().forEach((video) => (video.currentTime = 2.01));
    frames.nextFrame();

    await user.click(screen.getByRole("button", { name: "Wipe" }));
    expect(videos().map((video) => video.currentTime)).toEqual([48.5 / 24, 48.5 / 24]);
    await vi.waitFor(() => expect(play.mock.contexts.slice(2)).toEqual(expect.arrayContaining(videos())));
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
  });

  it("is offered for two takes only", () => {
    manualAnimationFrames();
    renderWithProviders(<CompareView takes={[a, b, makeCompletedOfLength("c", 5, { prompt: "Take C" })]} />);
    expect(screen.queryByRole("button", { name: "Wipe" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Takes side by side" })).getAllByRole("listitem")).toHaveLength(3);
  });
});
