import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import { apiError, json, makeCompleted, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { fakeVideo } from "@/test/fake-video";
import { renderWithProviders } from "@/test/render";
import type { Take } from "@/shared/take";
import { ReviewMode } from "./review-mode";

const takes = [
  makeCompleted({ id: "g1", prompt: "Harbour at dusk", review: { state: "circled", by: "ana", at: "2025-01-01T11:00:00.000Z" } }),
  makeCompleted({ id: "g2", prompt: "Gulls over the pier", review: { state: "maybe", by: "ana", at: "2025-01-01T11:00:00.000Z" } }),
  makeCompleted({ id: "g3", prompt: "Lighthouse beam" }),
];

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;
const bodiesTo = (fetchMock: ReturnType<typeof stubBff>, method: string, path: string) => requestsTo(fetchMock, method, path).map((r) => bodyOf(r.init));

/** The BFF answers a PATCH with the take as changed. */
const patched: FakeHandler = ({ params, init }) => {
  const take = takes.find((t) => t.id === params.id)!;
  const body = bodyOf(init) as { review?: Take["review"]["state"]; favourite?: boolean };
  return json(200, { ...take, ...(body.favourite !== undefined ? { favourite: body.favourite } : {}), ...(body.review ? { review: { state: body.review, by: "ben", at: new Date().toISOString() } } : {}) });
};

function renderReview(routes: Record<string, FakeHandler> = {}, list: Take[] = takes) {
  const fetchMock = stubBff({
    "GET /api/generations/:id/notes": () => json(200, { items: [] }),
    "PATCH /api/generations/:id": patched,
    ...routes,
  });
  const onLeave = vi.fn();
  const view = renderWithProviders(<ReviewMode takes={list} onLeave={onLeave} />);
  const video = () => fakeVideo(screen.getByLabelText(/^Take: /));
  return { fetchMock, onLeave, video, ...view };
}

const announced = () => screen.getByRole("status", { name: "" }).textContent;
const heading = () => screen.getByRole("heading", { level: 1 }).textContent;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("Keyboard review", () => {
  it("plays and pauses with Space, steps frames with ← and →, and shuttles with L and K", async () => {
    const { user, video } = renderReview();
    const player = video();
    await user.keyboard(" ");
    expect(player.element.paused).toBe(false);
    await user.keyboard(" ");
    expect(player.element.paused).toBe(true);

    player.playTo(1.01);
    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(player.seeks.at(-1)).toBe(26 / 24 + 0.001);
    await user.keyboard("{ArrowLeft}");
    expect(player.seeks.at(-1)).toBe(25 / 24 + 0.001);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("(frame 25)");

    await user.keyboard("l");
    expect(player.element.paused).toBe(false);
    expect(player.element.playbackRate).toBe(1);
    await user.keyboard("l");
    expect(player.element.playbackRate).toBe(2);
    await user.keyboard("l");
    expect(player.element.playbackRate).toBe(4);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("4×");
    await user.keyboard("k");
    expect(player.element.paused).toBe(true);
    expect(player.element.playbackRate).toBe(1);
  });

  it("runs backwards with J, faster with J again, until K", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { user, video } = renderReview();
    const player = video();
    player.playTo(3);
    await user.keyboard("j");
    act(() => vi.advanceTimersByTime(300));
    expect(player.seeks.at(-1)).toBeCloseTo(2.7, 5);
    await user.keyboard("j");
    act(() => vi.advanceTimersByTime(200));
    expect(player.seeks.at(-1)).toBeCloseTo(2.3, 5);
    await user.keyboard("k");
    const seeks = player.seeks.length;
    act(() => vi.advanceTimersByTime(500));
    expect(player.seeks).toHaveLength(seeks);
  });

  it("moves between takes with ↑ and ↓ and announces where it is", async () => {
    const { user } = renderReview();
    expect(heading()).toBe("Take 1 of 3 · Harbour at dusk");
    await user.keyboard("{ArrowDown}");
    expect(heading()).toBe("Take 2 of 3 · Gulls over the pier");
    expect(announced()).toBe("Take 2 of 3: Gulls over the pier");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(heading()).toBe("Take 3 of 3 · Lighthouse beam");
    await user.keyboard("{ArrowUp}");
    expect(heading()).toBe("Take 2 of 3 · Gulls over the pier");
    expect(screen.getByLabelText("Take: Gulls over the pier")).toBeInTheDocument();
  });

  it("circles with C, marks maybe with M and rejects with X, sending each and announcing it", async () => {
    const { fetchMock, user } = renderReview();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    await user.keyboard("c");
    expect(screen.getByRole("radio", { name: "Circled" })).toBeChecked();
    expect(announced()).toBe("Circled take 3 of 3");
    await waitFor(() => expect(bodiesTo(fetchMock, "PATCH", "/api/generations/g3")).toEqual([{ review: "circled" }]));
    expect(await screen.findByText(/^Circled by ben/)).toBeInTheDocument();

    await user.keyboard("m");
    expect(screen.getByRole("radio", { name: "Maybe" })).toBeChecked();
    expect(announced()).toBe("Maybe take 3 of 3");
    await user.keyboard("x");
    expect(screen.getByRole("radio", { name: "Rejected" })).toBeChecked();
    expect(announced()).toBe("Rejected take 3 of 3");
    await waitFor(() => expect(bodiesTo(fetchMock, "PATCH", "/api/generations/g3")).toEqual([{ review: "circled" }, { review: "maybe" }, { review: "rejected" }]));

    // The session keeps what was set: back on the take, it is still rejected.
    await user.keyboard("{ArrowUp}{ArrowDown}");
    expect(screen.getByRole("radio", { name: "Rejected" })).toBeChecked();
  });

  it("shows the BFF's refusal of a verdict and goes back to the take's state", async () => {
    const { user } = renderReview({ "PATCH /api/generations/:id": () => apiError(404, "not_found", 'There is no take with id "g1".') });
    await user.keyboard("x");
    expect(await screen.findByRole("alert")).toHaveTextContent('There is no take with id "g1".');
    expect(screen.getByRole("radio", { name: "Circled" })).toBeChecked();
  });

  it("favourites with F and unfavourites with F again", async () => {
    const { fetchMock, user } = renderReview();
    const star = screen.getByRole("button", { name: "Favourite" });
    await user.keyboard("f");
    await waitFor(() => expect(star).toHaveAttribute("aria-pressed", "true"));
    expect(announced()).toBe("Favourite: take 1 of 3");
    await waitFor(() => expect(bodiesTo(fetchMock, "PATCH", "/api/generations/g1")).toEqual([{ favourite: true }]));
    await user.keyboard("f");
    await waitFor(() => expect(bodiesTo(fetchMock, "PATCH", "/api/generations/g1")).toEqual([{ favourite: true }, { favourite: false }]));
    await waitFor(() => expect(star).toHaveAttribute("aria-pressed", "false"));
  });

  it("adds a note at this frame with N; keys typed in the note stay in it; Enter saves and Esc cancels", async () => {
    const { fetchMock, onLeave, user, video } = renderReview({
      "POST /api/generations/:id/notes": ({ init }) => json(201, { id: "n1", takeId: "g1", x: null, y: null, author: "ben", createdAt: "2025-01-01T12:00:00.000Z", updatedAt: "2025-01-01T12:00:00.000Z", ...(bodyOf(init) as object) }),
    });
    const player = video();
    player.playTo(1.26);
    await user.keyboard("n");
    const box = screen.getByRole("textbox", { name: "Note at 1.25 s (frame 30)" });
    expect(box).toHaveFocus();
    await user.keyboard("Cut x before the fade{Escape}");
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(onLeave).not.toHaveBeenCalled();
    expect(requestsTo(fetchMock, "PATCH", "/api/generations/g1")).toHaveLength(0);
    expect(heading()).toBe("Take 1 of 3 · Harbour at dusk");

    await user.keyboard("n");
    await user.keyboard("Make it cooler, fix the lamp{Enter}");
    await waitFor(() => expect(bodiesTo(fetchMock, "POST", "/api/generations/g1/notes")).toEqual([{ atSeconds: 1.25, text: "Make it cooler, fix the lamp" }]));
    await waitFor(() => expect(announced()).toBe("Note added at 1.25 s (frame 30), take 1 of 3"));
    expect(screen.getByRole("radio", { name: "Circled" })).toBeChecked();
    expect(requestsTo(fetchMock, "PATCH", "/api/generations/g1")).toHaveLength(0);
  });

  it("lists the keys with ?, and Esc closes the list without leaving", async () => {
    const { onLeave, user } = renderReview();
    await user.keyboard("?");
    const dialog = screen.getByRole("dialog", { name: "Review keys" });
    expect(within(dialog).getByText("Circle the take")).toBeInTheDocument();
    expect(within(dialog).getByText("Add a note at this frame (Enter saves, Esc cancels)")).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Close" })).toHaveFocus();
    await user.keyboard("c");
    expect(screen.getByRole("radio", { name: "Circled" })).toBeChecked();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(onLeave).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Keys (?)" }));
    await user.click(within(screen.getByRole("dialog", { name: "Review keys" })).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("jumps to the next unreviewed take with U or the button, and says when none is left", async () => {
    const list = [...takes, makeCompleted({ id: "g4", prompt: "Night pier", review: { state: "rejected", by: "ana", at: "2025-01-01T11:00:00.000Z" } })];
    const { user } = renderReview({}, list);
    await user.keyboard("u");
    expect(heading()).toBe("Take 3 of 4 · Lighthouse beam");
    await user.keyboard("c");
    await waitFor(() => expect(screen.getByText(/^Circled by ben/)).toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Next unreviewed (U)" }));
    expect(heading()).toBe("Take 3 of 4 · Lighthouse beam");
    expect(announced()).toBe("No unreviewed takes left.");
  });

  it("leaves with Esc", async () => {
    const { onLeave, user } = renderReview();
    await user.keyboard("{Escape}");
    expect(onLeave).toHaveBeenCalledTimes(1);
  });
});
