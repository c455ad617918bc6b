import { expect, type Page } from "@playwright/test";
import { makeFrame } from "./fixtures";

/** Radios are drawn as segments: a person clicks the visible label, as here. */
export async function pick(page: Page, name: RegExp | string) {
  const radio = page.getByRole("radio", { name, exact: typeof name === "string" }).first();
  await page.locator("label").filter({ has: radio }).first().click();
  await expect(radio).toBeChecked();
}

export async function chooseFrame(page: Page, label: "First frame" | "Last frame", hue: number, name = `${label.replace(" ", "-")}-${hue}.jpg`) {
  await page.getByLabel(`Choose ${label.toLowerCase()} file`).setInputFiles({ name, mimeType: "image/jpeg", buffer: await makeFrame(1280, 720, hue) });
  await expect(page.getByRole("img", { name: `${label} preview` })).toBeVisible();
}

/**
 * The card of a take, found by its prompt: a single take's card links by it; the cards of a
 * batch ("Variation 1", …) sit in the group that shows the prompt once.
 */
export const cardOf = (page: Page, prompt: string) =>
  page
    .getByRole("article")
    .filter({ has: page.getByRole("link", { name: prompt }) })
    .or(page.getByRole("region", { name: /variations$/ }).filter({ hasText: prompt }).getByRole("article"));

export async function expectCompleted(page: Page, prompt: string) {
  await expect(cardOf(page, prompt).first()).toHaveAccessibleName(/completed/, { timeout: 60_000 });
}

/** Opens a take and checks that its video decodes and advances when played. */
export async function playTake(page: Page, prompt: string) {
  await cardOf(page, prompt).first().getByRole("link", { name: prompt }).click();
  await expect(page.getByRole("heading", { level: 2, name: prompt })).toBeVisible();
  const video = page.getByLabel(`Take: ${prompt}`);
  await expect(video).toBeVisible();
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

/** Makes takes through the HTTP API (as a studio tool would) and waits until each is completed. */
export async function makeTakesThroughApi(page: Page, wanted: { prompt: string; duration: 5 | 10 }[]): Promise<string[]> {
  const uploaded = await page.request.post("/api/uploads", {
    multipart: { file: { name: "compare.jpg", mimeType: "image/jpeg", buffer: await makeFrame(1280, 720, 150, Date.now() % 99991) } },
  });
  expect(uploaded.ok()).toBe(true);
  const { id: uploadId } = (await uploaded.json()) as { id: string };
  const ids: string[] = [];
  for (const { prompt, duration } of wanted) {
    const created = await page.request.post("/api/generations", {
      data: { model: "gen4_turbo", prompt, image: { uploadId }, ratio: "16:9", duration },
    });
    expect(created.status()).toBe(201);
    ids.push(((await created.json()) as { id: string }).id);
  }
  for (const id of ids) {
    await expect
      .poll(async () => ((await (await page.request.get(`/api/generations/${id}`)).json()) as { status: string }).status, { timeout: 60_000 })
      .toBe("completed");
  }
  return ids;
}
