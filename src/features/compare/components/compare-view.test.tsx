import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { makeCompletedOfLength } from "@/test/fake-bff";
import { fakePlayback, manualAnimationFrames } from "@/test/fake-media";
import { renderWithProviders } from "@/test/render";
import type { Take } from "@/shared/take";
import { CompareView, type CompareViewProps } from "./compare-view";

const FPS = 24;
const at = (frame: number) => (frame + 0.5) / FPS;
const long = makeCompletedOfLength("long", 10, { prompt: "A lighthouse at dawn" });
const short = makeCompletedOfLength("short", 5, { prompt: "A lighthouse at dusk" });

function renderCompare(takes: Take[] = [long, short], props: Omit<CompareViewProps, "takes"> = {}) {
  const frames = manualAnimationFrames();
  const view = renderWithProviders(<CompareView takes={takes} {...props} />);
  const videos = takes.map((take, index) => screen.getByLabelText(`Take ${index + 1}: ${take.prompt}`) as HTMLVideoElement);
  const players = videos.map((video, index) => fakePlayback(video, takes[index]?.video?.durationSeconds ?? 0));
  const times = () => videos.map((video) => video.currentTime);
  return { ...view, frames, videos, players, times };
}

const scrubTo = (frame: number) => fireEvent.change(screen.getByRole("slider", { name: "Position" }), { target: { value: String(frame) } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("CompareView transport", () => {
  it("plays and pauses every player, and shows one frame in all when paused", async () => {
    const { user, players, videos, frames, times } = renderCompare();
    await user.click(screen.getByRole("button", { name: "Play" }));
    await vi.waitFor(() => players.forEach((player) => expect(player.play).toHaveBeenCalledTimes(1)));
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();

    videos[0]!.currentTime = 1.01;
    videos[1]!.currentTime = 1.02;
    frames.nextFrame();
    await user.click(screen.getByRole("button", { name: "Pause" }));
    players.forEach((player) => expect(player.pause).toHaveBeenCalled());
    expect(videos.every((video) => video.paused)).toBe(true);
    expect(times()).toEqual([at(24), at(24)]);
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
  });

  it("seeks every player to the middle of the same frame; a shorter take holds its last frame", () => {
    const { times } = renderCompare();
    scrubTo(36);
    expect(times()).toEqual([at(36), at(36)]);
    scrubTo(200);
    expect(times()).toEqual([at(200), at(119)]);
    expect(screen.getByText(/frame 200 of 0–239/)).toBeInTheDocument();
  });

  it("steps one frame back and forward, by button and by arrow key", async () => {
    const { user, times } = renderCompare();
    await user.click(screen.getByRole("button", { name: "Next frame" }));
    await user.click(screen.getByRole("button", { name: "Next frame" }));
    expect(times()).toEqual([at(2), at(2)]);
    await user.click(screen.getByRole("button", { name: "Previous frame" }));
    expect(times()).toEqual([at(1), at(1)]);
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(times()).toEqual([at(4), at(4)]);
    await user.keyboard("{ArrowLeft}");
    expect(times()).toEqual([at(3), at(3)]);
    await user.click(screen.getByRole("button", { name: "Previous frame" }));
    await user.click(screen.getByRole("button", { name: "Previous frame" }));
    await user.click(screen.getByRole("button", { name: "Previous frame" }));
    await user.click(screen.getByRole("button", { name: "Previous frame" }));
    expect(times()).toEqual([at(0), at(0)]);
  });

  it("loops a range: past the out-point every player wraps to the in-point", async () => {
    const { user, players, videos, frames, times } = renderCompare();
    scrubTo(10);
    await user.keyboard("i");
    scrubTo(20);
    await user.click(screen.getByRole("button", { name: "Set loop end" }));
    expect(screen.getByText("Looping 00:00:10 – 00:00:20")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Play" }));
    await vi.waitFor(() => expect(players[0]?.play).toHaveBeenCalledTimes(1));
    // Play started at the in-point, not where the scrubber was.
    expect(times()).toEqual([at(10), at(10)]);

    videos[0]!.currentTime = at(20);
    videos[1]!.currentTime = at(20);
    frames.nextFrame();
    expect(times()).toEqual([at(20), at(20)]);
    videos[0]!.currentTime = 21 / FPS + 0.001;
    videos[1]!.currentTime = 21 / FPS;
    frames.nextFrame();
    expect(times()).toEqual([at(10), at(10)]);
    await vi.waitFor(() => players.forEach((player) => expect(player.play).toHaveBeenCalledTimes(2)));
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Clear loop" }));
    expect(screen.getByText("No loop")).toBeInTheDocument();
  });

  it("runs to the longest take, then stops on its last frame", async () => {
    const { user, players, videos, frames, times } = renderCompare();
    await user.click(screen.getByRole("button", { name: "Play" }));
    await vi.waitFor(() => expect(players[0]?.play).toHaveBeenCalledTimes(1));
    players[1]?.end();
    videos[0]!.currentTime = 7;
    frames.nextFrame();
    expect(videos[1]?.playbackRate).toBe(1);
    players[0]?.end();
    frames.nextFrame();
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    expect(times()).toEqual([at(239), at(119)]);
  });

  it("applies the speed to every player", async () => {
    const { user, videos } = renderCompare();
    await user.selectOptions(screen.getByRole("combobox", { name: "Speed" }), "0.25");
    expect(videos.map((video) => [video.playbackRate, video.defaultPlaybackRate])).toEqual([
      [0.25, 0.25],
      [0.25, 0.25],
    ]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Speed" }), "2");
    expect(videos.map((video) => video.playbackRate)).toEqual([2, 2]);
  });

  it("nudges a follower that drifts ahead, and seeks all together when it is far off", async () => {
    const { user, players, videos, frames, times } = renderCompare();
    await user.click(screen.getByRole("button", { name: "Play" }));
    await vi.waitFor(() => expect(players[1]?.play).toHaveBeenCalledTimes(1));
    videos[0]!.currentTime = 2;
    videos[1]!.currentTime = 2 + 1 / FPS;
    frames.nextFrame();
    expect(videos.map((video) => video.playbackRate)).toEqual([1, 0.97]);

    videos[1]!.currentTime = 2;
    frames.nextFrame();
    expect(videos[1]?.playbackRate).toBe(1);

    // The seek after Play was just now: a far-off follower is nudged until a second has passed.
    videos[1]!.currentTime = 1.5;
    frames.nextFrame();
    expect(videos[1]?.playbackRate).toBe(1.05);
    vi.spyOn(performance, "now").mockReturnValue(performance.now() + 1500);
    frames.nextFrame();
    expect(times()).toEqual([2, 2]);
    await vi.waitFor(() => expect(players[1]?.play).toHaveBeenCalledTimes(2));
    expect(videos[1]?.playbackRate).toBe(1);
  });

  it("mutes each take on its own, all muted at first", async () => {
    const { user, videos } = renderCompare();
    expect(videos.map((video) => video.muted)).toEqual([true, true]);
    const mute2 = screen.getByRole("button", { name: "Mute take 2" });
    expect(mute2).toHaveAttribute("aria-pressed", "true");
    await user.click(mute2);
    expect(videos.map((video) => video.muted)).toEqual([true, false]);
    expect(mute2).toHaveAttribute("aria-pressed", "false");
    await user.click(screen.getByRole("button", { name: "Mute take 1" }));
    await user.click(mute2);
    expect(videos.map((video) => video.muted)).toEqual([false, true]);
  });
});

describe("CompareView focus, keys and extras", () => {
  it("focuses a take by click or number key, and hands other keys to onKey with its time", async () => {
    const onKey = vi.fn<NonNullable<CompareViewProps["onKey"]>>((event) => event.key === "c");
    const { user } = renderCompare([long, short], { onKey });
    expect(screen.getByRole("button", { name: "Focus take 1" })).toHaveAttribute("aria-pressed", "true");
    await user.keyboard("2");
    expect(screen.getByRole("button", { name: "Focus take 2" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Focus take 1" })).toHaveAttribute("aria-pressed", "false");

    scrubTo(150);
    await user.keyboard("c");
    expect(onKey).toHaveBeenCalledTimes(1);
    const [event, take, seconds] = onKey.mock.calls[0] ?? [];
    expect([event?.key, event?.defaultPrevented, take?.id, seconds]).toEqual(["c", true, "short", at(119)]);

    await user.click(screen.getByRole("button", { name: "Focus take 1" }));
    await user.keyboard("m");
    expect(onKey.mock.calls[1]?.[1]).toMatchObject({ id: "long" });
    expect(onKey.mock.calls[1]?.[2]).toBe(at(150));
  });

  it("renders each take's extras with its own time, and ignores keys typed in a text field", async () => {
    const onKey = vi.fn(() => true);
    const { user, players } = renderCompare([long, short], {
      onKey,
      renderTakeExtras: (take, seconds) => (
        <>
          <p>
            {take.id} at {seconds.toFixed(3)} s
          </p>
          <input aria-label={`Note on ${take.id}`} />
        </>
      ),
    });
    scrubTo(200);
    expect(screen.getByText(`long at ${at(200).toFixed(3)} s`)).toBeInTheDocument();
    expect(screen.getByText(`short at ${at(119).toFixed(3)} s`)).toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: "Note on long" }), " ci2{ArrowLeft}");
    expect(onKey).not.toHaveBeenCalled();
    expect(players[0]?.play).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Focus take 1" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("No loop")).toBeInTheDocument();
  });

  it("plays and pauses with Space", async () => {
    const { user, players } = renderCompare();
    await user.keyboard(" ");
    await vi.waitFor(() => expect(players[0]?.play).toHaveBeenCalledTimes(1));
    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
  });
});
