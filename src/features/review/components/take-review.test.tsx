import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { apiError, json, makeCompleted, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { fakeVideo } from "@/test/fake-video";
import { renderWithProviders } from "@/test/render";
import type { Note } from "@/shared/note";
import type { Take } from "@/shared/take";
import { TakeReview } from "./take-review";
import { hasVideo } from "./take-video";
import type { NoteViewer } from "../utils/note-viewer";

const take = makeCompleted({ id: "g1", prompt: "Harbour at dusk" });

function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    id: "n1",
    takeId: "g1",
    atSeconds: 1.25,
    x: null,
    y: null,
    text: "Hold on the boat",
    author: "ana",
    createdAt: "2025-01-01T11:00:00.000Z",
    updatedAt: "2025-01-01T11:00:00.000Z",
    ...overrides,
  };
}

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;

function renderReview({ notes = [], routes = {}, viewer = { name: "ana", isAdmin: false }, onTakeChanged }: { notes?: Note[]; routes?: Record<string, FakeHandler>; viewer?: NoteViewer; onTakeChanged?: (take: Take) => void } = {}) {
  const fetchMock = stubBff({ "GET /api/generations/:id/notes": () => json(200, { items: notes }), ...routes });
  if (!hasVideo(take)) throw new Error("the fixture has a video");
  const view = renderWithProviders(<TakeReview take={take} viewer={viewer} onTakeChanged={onTakeChanged} />);
  const video = fakeVideo(screen.getByLabelText("Take: Harbour at dusk"));
  return { fetchMock, video, ...view };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ReviewControl", () => {
  it("shows the new state at once, sends it, and then says who set it", async () => {
    let answer: (response: Response) => void = () => undefined;
    const changed = vi.fn();
    const { fetchMock, user } = renderReview({
      routes: { "PATCH /api/generations/:id": () => new Promise<Response>((resolve) => (answer = resolve)) },
      onTakeChanged: changed,
    });
    const circled = screen.getByRole("radio", { name: "Circled" });
    expect(screen.getByRole("radio", { name: "Unreviewed" })).toBeChecked();

    await user.click(circled);
    expect(circled).toBeChecked();
    expect(screen.getByText("Saving…")).toBeInTheDocument();
    expect(requestsTo(fetchMock, "PATCH", "/api/generations/g1").map((r) => bodyOf(r.init))).toEqual([{ review: "circled" }]);

    const reviewed = { ...take, review: { state: "circled" as const, by: "ana", at: new Date().toISOString() } };
    answer(json(200, reviewed));
    await waitFor(() => expect(changed).toHaveBeenCalledWith(reviewed));
  });

  it("goes back to the take's state when the BFF refuses, and shows its words", async () => {
    const { user } = renderReview({
      routes: { "PATCH /api/generations/:id": () => apiError(400, "validation_failed", "review must be one of unreviewed, circled, maybe, rejected.") },
    });
    await user.click(screen.getByRole("radio", { name: "Rejected" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("review must be one of unreviewed, circled, maybe, rejected.");
    expect(screen.getByRole("radio", { name: "Unreviewed" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Rejected" })).not.toBeChecked();
  });

  it("says who circled it and how long ago", () => {
    const circled = { ...take, review: { state: "circled" as const, by: "Ana", at: new Date(Date.now() - 150_000).toISOString() } };
    stubBff({ "GET /api/generations/:id/notes": () => json(200, { items: [] }) });
    renderWithProviders(<TakeReview take={circled as typeof circled & { video: NonNullable<Take["video"]> }} viewer={undefined} />);
    expect(screen.getByRole("radio", { name: "Circled" })).toBeChecked();
    expect(screen.getByText("Circled by Ana, 2 min ago")).toBeInTheDocument();
  });
});

describe("the scrubber", () => {
  it("puts each note on it as a button named by time and frame; a click seeks to the frame's start", async () => {
    const { user, video } = renderReview({
      notes: [makeNote({ id: "n1", atSeconds: 3.5, text: "Too dark here" }), makeNote({ id: "n2", atSeconds: 7 * (1 / 24), text: "The gull enters" })],
    });
    const markers = within(await screen.findByRole("list", { name: "Notes on the scrubber" })).getAllByRole("button");
    expect(markers.map((m) => m.getAttribute("aria-label"))).toEqual(["Note at 0.29 s (frame 7): The gull enters", "Note at 3.50 s (frame 84): Too dark here"]);

    await user.click(screen.getByRole("button", { name: "Note at 3.50 s (frame 84): Too dark here" }));
    expect(video.seeks.at(-1)).toBe(3.5 + 0.001);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("3.50 s (frame 84)");
    expect(screen.getByRole("slider", { name: "Position" })).toHaveAttribute("aria-valuetext", "3.50 s (frame 84)");

    await user.click(screen.getByRole("button", { name: "Note at 0.29 s (frame 7): The gull enters" }));
    expect(video.seeks.at(-1)).toBe(7 / 24 + 0.001);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("0.29 s (frame 7)");
  });

  it("steps one frame forward and back, pausing first, and follows playback", async () => {
    const { user, video } = renderReview();
    await user.click(screen.getByRole("button", { name: "Play" }));
    expect(video.element.paused).toBe(false);
    video.playTo(2.01);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("2.00 s (frame 48)");

    await user.click(screen.getByRole("button", { name: "Forward one frame" }));
    expect(video.element.paused).toBe(true);
    expect(video.seeks.at(-1)).toBe(49 / 24 + 0.001);
    await user.click(screen.getByRole("button", { name: "Back one frame" }));
    await user.click(screen.getByRole("button", { name: "Back one frame" }));
    expect(video.seeks.at(-1)).toBe(47 / 24 + 0.001);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("(frame 47)");
  });

  it("plays from the keyboard on the focused picture: Space plays and pauses, ← and → step a frame", async () => {
    const { user, video } = renderReview();
    video.element.focus();
    await user.keyboard(" ");
    expect(video.element.paused).toBe(false);
    await user.keyboard("{ArrowRight}");
    expect(video.element.paused).toBe(true);
    expect(video.seeks.at(-1)).toBe(1 / 24 + 0.001);
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(video.seeks.at(-1)).toBe(0.001);
    expect(screen.getByRole("status", { name: "Current frame" })).toHaveTextContent("0.00 s (frame 0)");
  });
});

describe("notes", () => {
  it("adds a note at the frame the player shows, pinned to the point clicked", async () => {
    const { fetchMock, user, video } = renderReview({ routes: { "POST /api/generations/:id/notes": ({ init }) => json(201, makeNote({ ...(bodyOf(init) as object), id: "n9" })) } });
    video.playTo(2.01);
    await user.click(screen.getByRole("button", { name: "Add note at this frame" }));
    const box = screen.getByRole("textbox", { name: "Note at 2.00 s (frame 48)" });
    expect(box).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Pin to a point on the picture" }));
    const picker = screen.getByRole("button", { name: /Pin the note here/ });
    picker.getBoundingClientRect = () => ({ left: 100, top: 50, width: 400, height: 200, right: 500, bottom: 250, x: 100, y: 50, toJSON: () => ({}) });
    await user.pointer({ keys: "[MouseLeft]", target: picker, coords: { clientX: 260, clientY: 100 } });
    expect(screen.getByText("Pinned at 40 %, 25 %")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Pin of the new note" })).toHaveStyle({ left: "40%", top: "25%" });

    await user.type(box, "Boat drifts out of frame{Enter}");
    await waitFor(() => expect(requestsTo(fetchMock, "POST", "/api/generations/g1/notes")).toHaveLength(1));
    expect(bodyOf(requestsTo(fetchMock, "POST", "/api/generations/g1/notes")[0]?.init)).toEqual({ atSeconds: 2, x: 0.4, y: 0.25, text: "Boat drifts out of frame" });
    await waitFor(() => expect(screen.queryByRole("textbox", { name: /Note at/ })).not.toBeInTheDocument());
  });

  it("shows the BFF's refusal of a new note in words, keeping what was written", async () => {
    const { user } = renderReview({
      routes: { "POST /api/generations/:id/notes": () => apiError(400, "validation_failed", "This take is 5.0 s long: pin the note at 5.0 s or earlier.", { atSeconds: "too late" }) },
    });
    await user.click(screen.getByRole("button", { name: "Add note at this frame" }));
    await user.type(screen.getByRole("textbox", { name: /Note at/ }), "Late note");
    await user.click(screen.getByRole("button", { name: "Save note" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This take is 5.0 s long: pin the note at 5.0 s or earlier.");
    expect(screen.getByRole("textbox", { name: /Note at/ })).toHaveValue("Late note");
  });

  it("shows a note's pin on the picture only at its frame", async () => {
    const { user } = renderReview({ notes: [makeNote({ atSeconds: 1.25, x: 0.5, y: 0.5, text: "Here" })] });
    await screen.findByRole("button", { name: "Note at 1.25 s (frame 30): Here" });
    expect(screen.queryByRole("img", { name: /Pin of ana's note/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Note at 1.25 s (frame 30): Here" }));
    expect(screen.getByRole("img", { name: "Pin of ana's note: Here" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Forward one frame" }));
    expect(screen.queryByRole("img", { name: /Pin of ana's note/ })).not.toBeInTheDocument();
  });

  it("lists notes in time order and offers Edit and Delete only on the viewer's own", async () => {
    const { fetchMock, user } = renderReview({
      viewer: { name: "ben", isAdmin: false },
      notes: [makeNote({ id: "n2", atSeconds: 3, author: "ben", text: "Mine" }), makeNote({ id: "n1", atSeconds: 1, author: "ana", text: "Hers" })],
      routes: {
        "PATCH /api/notes/:id": () => apiError(403, "forbidden", "Only ben, who wrote this note, or an admin can change or delete it."),
        "DELETE /api/notes/:id": () => new Response(null, { status: 204 }),
      },
    });
    const notes = within(await screen.findByRole("region", { name: /Notes/ }));
    const items = await notes.findAllByRole("listitem");
    expect(items.map((item) => item.querySelector("p")?.textContent)).toEqual(["Hers", "Mine"]);
    expect(within(items[0]!).queryByRole("button", { name: /Edit|Delete/ })).not.toBeInTheDocument();

    await user.click(within(items[1]!).getByRole("button", { name: "Edit note at 3.00 s (frame 72)" }));
    const edit = within(items[1]!).getByRole("textbox", { name: "Edit the note at 3.00 s (frame 72)" });
    await user.clear(edit);
    await user.type(edit, "Mine, better{Enter}");
    expect(await within(items[1]!).findByRole("alert")).toHaveTextContent("Only ben, who wrote this note, or an admin can change or delete it.");
    expect(bodyOf(requestsTo(fetchMock, "PATCH", "/api/notes/n2")[0]?.init)).toEqual({ text: "Mine, better" });
    await user.click(within(items[1]!).getByRole("button", { name: "Cancel" }));

    await user.click(within(items[1]!).getByRole("button", { name: "Delete note at 3.00 s (frame 72)" }));
    await user.click(within(screen.getByRole("dialog", { name: "Delete this note?" })).getByRole("button", { name: "Delete note" }));
    await waitFor(() => expect(requestsTo(fetchMock, "DELETE", "/api/notes/n2")).toHaveLength(1));
    expect(requestsTo(fetchMock, "DELETE", "/api/notes/n1")).toHaveLength(0);
  });

  it("says when the notes could not be loaded, and loads them again on asking", async () => {
    let fail = true;
    const { user } = renderReview({
      routes: { "GET /api/generations/:id/notes": () => (fail ? apiError(404, "not_found", 'There is no take with id "g1".') : json(200, { items: [makeNote()] })) },
    });
    expect(await screen.findByRole("alert")).toHaveTextContent('Couldn\'t load the notes: There is no take with id "g1".');
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Note at 1.25 s (frame 30): Hold on the boat" })).toBeInTheDocument();
  });

  it("lets an admin change anyone's note", async () => {
    renderReview({ viewer: { name: "lead", isAdmin: true }, notes: [makeNote({ author: "ana" })] });
    expect(await screen.findByRole("button", { name: "Edit note at 1.25 s (frame 30)" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete note at 1.25 s (frame 30)" })).toBeInTheDocument();
  });
});
