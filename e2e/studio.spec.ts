import { expect, test, type Page } from "@playwright/test";
import { makeFrame } from "./fixtures";

async function chooseFrame(page: Page, label: string, hue: number) {
  await page.getByLabel(`Choose ${label.toLowerCase()} file`).setInputFiles({
    name: `${label.replace(" ", "-")}.jpg`,
    mimeType: "image/jpeg",
    buffer: await makeFrame(1280, 720, hue),
  });
  await expect(page.getByRole("img", { name: `${label} preview` })).toBeVisible();
}

/** Radios are drawn as segments: a person clicks the visible label, as here. */
async function pick(page: Page, name: RegExp | string) {
  const radio = page.getByRole("radio", { name }).first();
  await page.locator("label").filter({ has: radio }).first().click();
  await expect(radio).toBeChecked();
}

/** Waits until the newest take's video has decoded frames and advances when played. */
async function expectPlayingVideo(page: Page, prompt: string) {
  const video = page.getByLabel(`Take: ${prompt}`);
  await expect(video).toBeVisible({ timeout: 60_000 });
  const played = await video.evaluate(async (element) => {
    const v = element as HTMLVideoElement;
    v.muted = true;
    await v.play();
    const start = v.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return { advanced: v.currentTime > start, readyState: v.readyState, width: v.videoWidth, height: v.videoHeight, duration: v.duration };
  });
  expect(played.advanced).toBe(true);
  expect(played.readyState).toBeGreaterThanOrEqual(2);
  return played;
}

test("from the empty form to a playing gen4_turbo video", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/built-in simulator/i)).toBeVisible();
  await expect(page.getByText(/No takes yet/i)).toBeVisible();

  await chooseFrame(page, "First frame", 200);
  const prompt = "A slow push in on a harbour at dawn";
  await page.getByLabel(/^Prompt/).fill(prompt);
  await pick(page, /^21:9/);
  await page.getByRole("button", { name: "Generate" }).click();

  const card = page.getByRole("article").filter({ hasText: prompt });
  await expect(card).toBeVisible();
  await expect(card.getByText(/Queued|Generating/)).toBeVisible();
  const played = await expectPlayingVideo(page, prompt);
  expect([played.width, played.height]).toEqual([1584, 672]);
  expect(played.duration).toBeCloseTo(5, 0);
  await expect(card.getByText("Completed")).toBeVisible();
});

test("gen3a_turbo with a first and a last frame plays, and the gallery survives a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Model").selectOption("gen3a_turbo");
  await expect(page.getByRole("radio", { name: /^1:1/ })).toHaveCount(0);
  await chooseFrame(page, "First frame", 20);
  await chooseFrame(page, "Last frame", 280);
  const prompt = "Dusk turns to night over the valley";
  await page.getByLabel(/^Prompt/).fill(prompt);
  await pick(page, /^9:16/);
  await page.getByLabel(/^Seed/).fill("424242");
  await page.getByRole("button", { name: "Generate" }).click();

  const played = await expectPlayingVideo(page, prompt);
  expect([played.width, played.height]).toEqual([768, 1280]);
  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: prompt })).toContainText("424242");
});

test("bad input is caught at the field before anything is sent", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Model").selectOption("gen3a_turbo");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText(/Add a first frame/)).toBeVisible();
  await expect(page.getByText(/needs a prompt/)).toBeVisible();
  await pick(page, "Paste URL");
  await page.getByLabel("First frame address").fill("http://images.example.com/a.jpg");
  await expect(page.getByText(/Use an https:\/\/ address/)).toBeVisible();
});
