import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { chooseFrame, pick } from "./helpers";

const FPS = 24;
const SLATE_SECONDS = 2;

/** Two variations into one shot from the form, as a creator makes them. */
async function makeTwoInto(page: Page, project: string, shot: string, prompt: string, hue: number) {
  const form = page.getByRole("form", { name: "New take" });
  await form.getByLabel("Project").selectOption({ label: project });
  await form.getByLabel("Shot", { exact: true }).selectOption({ label: shot });
  await chooseFrame(page, "First frame", hue);
  await page.getByLabel(/^Prompt/).fill(prompt);
  await pick(page, "2");
  await page.getByRole("button", { name: "Generate" }).click();
}

/** What ffprobe finds in a file: its frame size, and the frames that decode. */
function probe(bytes: Buffer): { width: number; height: number; frames: number } {
  const dir = mkdtempSync(join(tmpdir(), "dailies-reel-"));
  try {
    const file = join(dir, "reel.mp4");
    writeFileSync(file, bytes);
    const out = execFileSync("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_read_frames", "-of", "json", file], { encoding: "utf8" });
    const [stream] = (JSON.parse(out) as { streams: { width: number; height: number; nb_read_frames: string }[] }).streams;
    return { width: stream!.width, height: stream!.height, frames: Number(stream!.nb_read_frames) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `DOCS_SCREENSHOTS=1` refreshes the README's pictures of the board, review mode and compare from this run. */
async function shoot(page: Page, path: string, { fullPage = false } = {}) {
  if (!process.env.DOCS_SCREENSHOTS) return;
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage });
}

test("a day's review: shots, takes into them, circled from the keyboard, a note on a frame, compare, and the reel", async ({ page }) => {
  test.setTimeout(300_000);
  const project = `Review flow ${Date.now()}`;

  // A project with two shots, made in the UI.
  await page.goto("/projects");
  const create = page.getByRole("form", { name: "New project" });
  await create.getByLabel("Name").fill(project);
  await create.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("link", { name: project }).click();
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  const projectId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
  const addShot = page.getByRole("form", { name: "Add a shot" });
  for (const code of ["SH010", "SH020"]) {
    await addShot.getByLabel("Code").fill(code);
    await addShot.getByRole("button", { name: "Add shot" }).click();
    await expect(page.getByRole("heading", { level: 3, name: code })).toBeVisible();
  }

  // Two variations into each shot, from the form beside the board.
  await makeTwoInto(page, project, "SH010", "Flow: a kite over the dunes", 30);
  await makeTwoInto(page, project, "SH020", "Flow: the kite lands on the sand", 210);
  const shots = page.getByRole("list", { name: "Shots" });
  const row = (code: string) => page.getByRole("listitem", { name: code });
  for (const code of ["SH010", "SH020"]) await expect(row(code).getByText(/^2 takes · 0 circled/)).toBeVisible({ timeout: 30_000 });
  // Every take finished (the board refreshes while one renders).
  await expect
    .poll(async () => ((await (await page.request.get(`/api/generations?projectId=${encodeURIComponent(projectId)}&status=completed`)).json()) as { items: unknown[] }).items.length, { timeout: 120_000 })
    .toBe(4);
  await page.reload();

  // Review the four from the keyboard: circle the first of each shot, pin a note on a frame of the second shot's.
  const boxes = shots.getByRole("checkbox");
  await expect(boxes).toHaveCount(4);
  for (const box of await boxes.all()) await box.check();
  await page.getByRole("link", { name: "Review (4)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Take 1 of 4/ })).toBeVisible();
  await page.keyboard.press("c");
  await expect(page.getByText(/Circled by/)).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("heading", { level: 1, name: /^Take 3 of 4/ })).toBeVisible();
  await page.keyboard.press("c");
  await expect(page.getByText(/Circled by/)).toBeVisible();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByText("0.21 s (frame 5)")).toBeVisible();
  await page.keyboard.press("n");
  const note = page.getByRole("textbox", { name: /Note at 0\.21 s \(frame 5\)/ });
  await note.fill("The kite's tail flickers here");
  await note.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Note added at 0\.21 s \(frame 5\)/ })).toBeVisible();
  await shoot(page, "docs/review-mode.png");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}$`));
  await expect(row("SH010").getByText("2 takes · 1 circled · 0 rejected · 0 notes")).toBeVisible({ timeout: 20_000 });
  await expect(row("SH020").getByText("2 takes · 1 circled · 0 rejected · 1 note")).toBeVisible();
  await shoot(page, "docs/shot-board.png", { fullPage: true });

  // The circled takes compared side by side: one transport keeps them on the same frame.
  for (const box of await boxes.all()) await box.uncheck();
  await row("SH010").getByRole("checkbox").first().check();
  await row("SH020").getByRole("checkbox").first().check();
  await page.getByRole("link", { name: "Compare (2)" }).click();
  const videos = page.locator("video");
  await expect(videos).toHaveCount(2);
  await expect.poll(() => videos.evaluateAll((all) => all.every((v) => (v as HTMLVideoElement).readyState >= 3)), { timeout: 30_000 }).toBe(true);
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(3_000);
  const times = await videos.evaluateAll((all) => all.map((v) => (v as HTMLVideoElement).currentTime));
  const spread = Math.max(...times) - Math.min(...times);
  console.log(`review flow: after 3 s of playback the two circled takes differ by ${(spread * 1000).toFixed(1)} ms`);
  expect(Math.min(...times)).toBeGreaterThan(1);
  expect(spread).toBeLessThanOrEqual(1 / FPS);
  if (process.env.DOCS_SCREENSHOTS) {
    await page.getByRole("button", { name: "Pause" }).click();
    await shoot(page, "docs/compare.png", { fullPage: true });
    await page.getByRole("button", { name: "Wipe" }).click();
    await expect(page.getByRole("slider", { name: "Wipe divider" })).toBeVisible();
    await shoot(page, "docs/compare-wipe.png", { fullPage: true });
  }

  // The reel of the circled takes, in shot order, with a slate before each.
  await page.goto(`/p/${encodeURIComponent(projectId)}`);
  await page.getByRole("button", { name: "Make the reel" }).click();
  await expect(page.getByRole("progressbar", { name: "Cutting the reel" })).toBeVisible();
  await expect(page.getByLabel("The reel", { exact: true })).toBeVisible({ timeout: 120_000 });
  const reels = (await (await page.request.get(`/api/projects/${encodeURIComponent(projectId)}/reels`)).json()) as {
    items: { status: string; canvas: string; video: { url: string }; edlUrl: string }[];
  };
  const [reel] = reels.items;
  expect(reel).toMatchObject({ status: "completed", canvas: "1920x1080" });
  const mp4 = await page.request.get(reel!.video.url);
  expect(mp4.headers()["content-type"]).toBe("video/mp4");
  const facts = probe(await mp4.body());
  // Two 5 s takes, each after a 2 s slate: every frame decodes, at the chosen canvas.
  expect(facts).toEqual({ width: 1920, height: 1080, frames: 2 * (SLATE_SECONDS + 5) * FPS });
  const edl = (await (await page.request.get(reel!.edlUrl)).json()) as unknown;
  expect(JSON.stringify(edl)).toContain("The kite's tail flickers here");

  // The dailies session plays that reel with each shot's notes beside it: the board's list of
  // reels was read while the reel was cut, and must not make the session think it unfinished.
  await page.getByRole("link", { name: "Open the dailies session" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Dailies session" })).toBeVisible();
  await expect(page.locator("video")).toHaveAttribute("src", reel!.video.url);
  await expect(page.getByRole("button", { name: /The kite's tail flickers here/ })).toBeVisible();
});
