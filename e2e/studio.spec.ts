import { expect, test } from "@playwright/test";
import { chooseFrame, expectCompleted, pick, playTake } from "./helpers";
import { logRequests } from "./network-log";

test("from the empty form to a playing gen4_turbo video", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/built-in simulator/i)).toBeVisible();

  await chooseFrame(page, "First frame", 200);
  const prompt = "A slow push in on a harbour at dawn";
  await page.getByLabel(/^Prompt/).fill(prompt);
  await pick(page, /^21:9/);
  await page.getByRole("button", { name: "Generate" }).click();

  await expect(page.getByRole("article").filter({ hasText: prompt })).toHaveAccessibleName(/queued|generating/);
  await expectCompleted(page, prompt);
  const played = await playTake(page, prompt);
  expect([played.width, played.height]).toEqual([1584, 672]);
  expect(played.duration).toBeCloseTo(5, 0);
});

test("gen3a_turbo with a first and a last frame plays, and the take survives a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption("gen3a_turbo");
  await expect(page.getByRole("radio", { name: /^1:1/ })).toHaveCount(0);
  await chooseFrame(page, "First frame", 20);
  await chooseFrame(page, "Last frame", 280);
  const prompt = "Dusk turns to night over the valley";
  await page.getByLabel(/^Prompt/).fill(prompt);
  await pick(page, /^9:16/);
  await page.getByLabel(/^Seed/).fill("424242");
  await page.getByRole("button", { name: "Generate" }).click();

  await expectCompleted(page, prompt);
  const played = await playTake(page, prompt);
  expect([played.width, played.height]).toEqual([768, 1280]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Parameters" })).toContainText("424242");
});

test("bad input is caught at the field before anything is sent", async ({ page }) => {
  const network = logRequests(page);
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption("gen3a_turbo");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText(/Add a first frame/)).toBeVisible();
  await expect(page.getByText(/needs a prompt/)).toBeVisible();
  await pick(page, "Paste URL");
  await page.getByLabel("First frame address").fill("http://images.example.com/a.jpg");
  await expect(page.getByText(/Use an https:\/\/ address/)).toBeVisible();
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText(/Use an https:\/\/ address/)).toBeVisible();
  await network.settle();
  expect(network.writes().map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  // Not even fetched for a preview: the refused address never leaves the browser.
  expect(network.all().filter((r) => r.url().startsWith("http://images.example.com"))).toHaveLength(0);
});
