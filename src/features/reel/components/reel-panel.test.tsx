import { afterEach, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { apiError, callsTo, json, makeCompleted, stubBff, type FakeHandler } from "@/test/fake-bff";
import { makeReel } from "@/test/fake-reel";
import { renderWithProviders } from "@/test/render";
import { shotSchema, type Shot } from "@/shared/project";
import { ReelPanel } from "./reel-panel";

afterEach(() => {
  vi.unstubAllGlobals();
});

const shot = (id: string, code: string, circledTakeId: string | null): Shot =>
  shotSchema.parse({ id, projectId: "p1", code, description: null, order: 1, counts: { takes: 2, circled: circledTakeId ? 1 : 0, rejected: 0, notes: 0 }, circledTakeId, createdAt: "2026-11-30T10:00:00.000Z" });

const SHOTS = [shot("s1", "SH010", "t1"), shot("s2", "SH020", "t2"), shot("s3", "SH030", null)];


const completed = makeReel({
  status: "completed",
  progress: 1,
  completedAt: "2026-11-30T10:01:00.000Z",
  video: { url: "/media/reels/r1.mp4", downloadUrl: "/media/reels/r1.mp4?download=1", contentType: "video/mp4", bytes: 900_000, width: 1080, height: 1920, durationSeconds: 14 },
  edlUrl: "/media/reels/r1.json",
  edlCsvUrl: "/media/reels/r1.csv",
});

/** Each shot's completed takes, as `GET /api/generations?shotId=` answers them. */
const shotTakes: FakeHandler = ({ url }) => {
  const byShot: Record<string, string[]> = { s1: ["t1"], s2: ["t3", "t2"], s3: ["t4"] };
  const items = (byShot[url.searchParams.get("shotId") ?? ""] ?? []).map((id, n) => makeCompleted({ id, seed: 40 + n, prompt: `take ${id}`, shotId: url.searchParams.get("shotId") }));
  return json(200, { items, nextCursor: null });
};

it("sends the canvas and the takes that differ from the circled ones, then shows the progress until the reel plays with its files", async () => {
  const answers = [makeReel({ status: "rendering", progress: 0.4 }), completed];
  const fetchMock = stubBff({
    "GET /api/projects/:id/reels": () => json(200, { items: [] }),
    "GET /api/generations": shotTakes,
    "POST /api/projects/:id/reel": () => json(202, makeReel()),
    "GET /api/reels/:id": () => json(200, answers.length > 1 ? answers.shift() : answers[0]),
  });
  const { user } = renderWithProviders(<ReelPanel projectId="p1" shots={SHOTS} />);

  const sh10 = screen.getByRole("combobox", { name: "SH010" });
  expect(await within(sh10).findByRole("option", { name: /^Circled · gen4_turbo · seed 40 · take t1/ })).toBeInTheDocument();
  expect(sh10).toHaveValue("t1");
  expect(screen.getByRole("combobox", { name: "SH030" })).toHaveValue("");
  await user.click(screen.getByRole("radio", { name: "1080×1920 (portrait)" }));
  await user.selectOptions(screen.getByRole("combobox", { name: "SH020" }), await screen.findByRole("option", { name: /take t3/ }));
  await user.click(screen.getByRole("button", { name: "Make the reel" }));

  expect(await screen.findByRole("progressbar", { name: "Cutting the reel" })).toBeInTheDocument();
  expect(callsTo(fetchMock, "POST", "/api/projects/p1/reel").map((body) => JSON.parse(String(body)))).toEqual([{ canvas: "1080x1920", takes: { s2: "t3" } }]);
  await vi.waitFor(() => expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "40"), { timeout: 5000 });
  expect(screen.getByText("Cutting the reel: 40 %")).toBeInTheDocument();

  const player = await screen.findByLabelText("The reel", { selector: "video" }, { timeout: 5000 });
  expect(player).toHaveAttribute("src", "/media/reels/r1.mp4");
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Download the MP4" })).toHaveAttribute("href", "/media/reels/r1.mp4?download=1");
  expect(screen.getByRole("link", { name: "Edit list (reel.json)" })).toHaveAttribute("href", "/media/reels/r1.json");
  expect(screen.getByRole("link", { name: "Edit list (CSV)" })).toHaveAttribute("href", "/media/reels/r1.csv");
  expect(screen.getByRole("link", { name: "Open the dailies session" })).toHaveAttribute("href", "/p/p1/session");
  // Done: no more polling.
  const polls = callsTo(fetchMock, "GET", "/api/reels/r1").length;
  await new Promise((r) => setTimeout(r, 1500));
  expect(callsTo(fetchMock, "GET", "/api/reels/r1").length).toBe(polls);
});

it("asks for the project's reels again once the reel shown is done, so the dailies session finds it finished", async () => {
  const fetchMock = stubBff({
    "GET /api/projects/:id/reels": () => json(200, { items: [makeReel({ status: "rendering", progress: 0.5 })] }),
    "GET /api/generations": shotTakes,
    "GET /api/reels/:id": () => json(200, completed),
  });
  renderWithProviders(<ReelPanel projectId="p1" shots={SHOTS} />);
  expect(await screen.findByLabelText("The reel", { selector: "video" }, { timeout: 5000 })).toHaveAttribute("src", "/media/reels/r1.mp4");
  await vi.waitFor(() => expect(callsTo(fetchMock, "GET", "/api/projects/p1/reels").length).toBe(2));
});

it("says what to change when the reel is refused, beside the shot it names", async () => {
  stubBff({
    "GET /api/projects/:id/reels": () => json(200, { items: [] }),
    "GET /api/generations": shotTakes,
    "POST /api/projects/:id/reel": () =>
      apiError(400, "validation_failed", "Take t2 is failed, so it has no video: choose a completed take for SH020.", {
        "takes.s2": "Take t2 is failed, so it has no video: choose a completed take for SH020.",
      }),
  });
  const { user } = renderWithProviders(<ReelPanel projectId="p1" shots={SHOTS} />);
  await user.click(screen.getByRole("button", { name: "Make the reel" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Take t2 is failed, so it has no video: choose a completed take for SH020.");
  const sh20 = screen.getByRole("combobox", { name: "SH020" });
  expect(sh20).toHaveAttribute("aria-invalid", "true");
  expect(sh20).toHaveAccessibleDescription("Take t2 is failed, so it has no video: choose a completed take for SH020.");
});

it("shows the project's last reel, and a failed one in words", async () => {
  const failed = makeReel({ status: "failed", error: { code: "reel_failed", message: "Take t3 of SH020 was deleted after the reel was asked for: make the reel again." } });
  stubBff({
    "GET /api/projects/:id/reels": () => json(200, { items: [failed] }),
    "GET /api/generations": shotTakes,
    "GET /api/reels/:id": () => json(200, failed),
  });
  renderWithProviders(<ReelPanel projectId="p1" shots={SHOTS} />);
  expect(await screen.findByRole("alert")).toHaveTextContent("The reel could not be made: Take t3 of SH020 was deleted after the reel was asked for: make the reel again.");
});
