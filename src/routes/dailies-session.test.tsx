import { afterEach, expect, it, vi } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { json, stubBff } from "@/test/fake-bff";
import { makeReel } from "@/test/fake-reel";
import { renderWithProviders } from "@/test/render";
import { noteSchema } from "@/shared/note";

afterEach(() => {
  vi.unstubAllGlobals();
});

const reel = (id: string, status: "completed" | "rendering") =>
  makeReel({
    id,
    canvas: "1920x1080",
    status,
    progress: status === "completed" ? 1 : 0.5,
    video: status === "completed" ? { url: `/media/reels/${id}.mp4`, downloadUrl: `/media/reels/${id}.mp4?download=1`, contentType: "video/mp4", bytes: 1, width: 1920, height: 1080, durationSeconds: 14 } : null,
    shots: [
      { shotId: "s1", code: "SH010", takeId: "t1", slateAtSeconds: 0, startSeconds: 2, endSeconds: 7 },
      { shotId: "s2", code: "SH020", takeId: "t2", slateAtSeconds: 7, startSeconds: 9, endSeconds: 14 },
    ],
  });

const note = (id: string, takeId: string, atSeconds: number, text: string) =>
  noteSchema.parse({ id, takeId, atSeconds, x: null, y: null, text, author: "ana", createdAt: "2026-11-30T10:00:00.000Z", updatedAt: "2026-11-30T10:00:00.000Z" });

const NOTES: Record<string, ReturnType<typeof note>[]> = { t1: [note("n1", "t1", 1.5, "hold longer")], t2: [note("n2", "t2", 0.5, "too bright"), note("n3", "t2", 4, "cut here")] };

it("plays the newest completed reel with each shot's notes beside it, marks the shot on screen, and seeks to a note's frame", async () => {
  stubBff({
    // Newest first: a reel still being cut is skipped for the last one that finished.
    "GET /api/projects/:id/reels": () => json(200, { items: [reel("r2", "rendering"), reel("r1", "completed")] }),
    "GET /api/generations/:id/notes": ({ params }) => json(200, { items: NOTES[params.id!] ?? [] }),
  });
  const { user } = renderWithProviders(<AppRoutes />, { route: "/p/p1/session" });

  expect(await screen.findByRole("heading", { level: 2, name: "Dailies session" })).toBeInTheDocument();
  const video = await screen.findByLabelText<HTMLVideoElement>("The reel", { selector: "video" });
  expect(video).toHaveAttribute("src", "/media/reels/r1.mp4");
  // jsdom plays nothing: the test is the playhead.
  let playhead = 0;
  Object.defineProperty(video, "currentTime", { configurable: true, get: () => playhead, set: (value: number) => (playhead = value) });

  const notes = screen.getByRole("region", { name: "Notes by shot" });
  const [sh10, sh20] = within(notes).getAllByRole("listitem").filter((item) => item.getAttribute("aria-labelledby")) as [HTMLElement, HTMLElement];
  expect(within(sh10).getByRole("heading", { level: 3 })).toHaveTextContent("SH010 · take t1");
  expect(await within(sh10).findByRole("button", { name: /hold longer/ })).toHaveTextContent("00:00:01:12 hold longer — ana");
  expect((await within(sh20).findAllByRole("button")).map((b) => b.textContent)).toEqual(["00:00:00:12 too bright — ana", "00:00:04:00 cut here — ana"]);
  expect(sh10).toHaveAttribute("aria-current", "true");
  expect(sh20).not.toHaveAttribute("aria-current");

  playhead = 10;
  fireEvent.timeUpdate(video);
  expect(sh20).toHaveAttribute("aria-current", "true");
  expect(sh10).not.toHaveAttribute("aria-current");

  await user.click(within(sh10).getByRole("button", { name: /hold longer/ }));
  expect(playhead).toBe(3.5);
  expect(sh10).toHaveAttribute("aria-current", "true");
  await user.click(within(sh20).getByRole("button", { name: /cut here/ }));
  expect(playhead).toBe(13);
  expect(sh20).toHaveAttribute("aria-current", "true");
});

it("says when the project has no finished reel yet, and where to make one", async () => {
  stubBff({ "GET /api/projects/:id/reels": () => json(200, { items: [reel("r2", "rendering")] }) });
  renderWithProviders(<AppRoutes />, { route: "/p/p1/session" });
  expect(await screen.findByText(/This project has no finished reel yet/)).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Make one from the shot board" })).toHaveAttribute("href", "/p/p1");
});
