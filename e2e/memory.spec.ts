import { expect, test } from "@playwright/test";
import { unzipSync, strFromU8 } from "fflate";
import { readFileSync } from "node:fs";
import { cardOf, chooseFrame, expectCompleted, pick } from "./helpers";

test("takes are kept, starred, filtered, shared by link, re-run and handed off", async ({ page, context }) => {
  await page.goto("/");
  await chooseFrame(page, "First frame", 120);
  const prompt = "Morning fog lifting off a lake";
  await page.getByLabel(/^Prompt/).fill(prompt);
  await page.getByLabel(/^Seed/).fill("1000");
  await pick(page, "2");
  await page.getByRole("button", { name: "Generate" }).click();

  const cards = cardOf(page, prompt);
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAccessibleName(/completed/, { timeout: 60_000 });
  await expect(cards.nth(1)).toHaveAccessibleName(/completed/, { timeout: 60_000 });
  await expect(page.getByText("seed 1000")).toBeVisible();
  await expect(page.getByText("seed 1001")).toBeVisible();

  // Star the take with seed 1001, then show favourites only: the filter lands in the URL.
  const starred = cards.filter({ hasText: "seed 1001" });
  await starred.getByRole("button", { name: "Favourite" }).click();
  await expect(starred.getByRole("button", { name: "Favourite" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("checkbox", { name: "Favourites only" }).click();
  await expect(page.getByRole("checkbox", { name: "Favourites only" })).toBeChecked();
  await expect(page).toHaveURL(/favourite=true/);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("seed 1001");

  // A colleague opens the take's link in a page of their own.
  const href = await cards.first().getByRole("link", { name: prompt }).getAttribute("href");
  expect(href).toMatch(/^\/g\/[\w-]+$/);
  const colleague = await context.newPage();
  await colleague.goto(href!);
  await expect(colleague.getByRole("heading", { level: 2, name: prompt })).toBeVisible();
  await expect(colleague.getByRole("region", { name: "Parameters" })).toContainText("1001");

  // Re-run exactly: a new take with the same seed.
  await colleague.getByRole("button", { name: "Re-run exactly" }).click();
  await colleague.getByRole("link", { name: /All takes/ }).click();
  await expect(cardOf(colleague, prompt)).toHaveCount(3);
  await expectCompleted(colleague, prompt);
  await expect(cardOf(colleague, prompt).filter({ hasText: "seed 1001" })).toHaveCount(2);

  // The handoff zip holds the video, the poster and every parameter.
  await colleague.goto(href!);
  const [download] = await Promise.all([colleague.waitForEvent("download"), colleague.getByRole("link", { name: "Handoff (.zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-gen4_turbo-morning-fog-lifting-off-a-lake-1001-handoff\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const names = Object.keys(files);
  expect(names).toEqual(expect.arrayContaining(["take.json", "poster.jpg", "first-frame.jpg"]));
  expect(names.some((n) => n.endsWith(".mp4"))).toBe(true);
  const take = JSON.parse(strFromU8(files["take.json"]!)) as Record<string, unknown>;
  expect(take).toMatchObject({ parameters: { seed: 1001, model: "gen4_turbo", prompt, ratio: "16:9", duration: 5 } });
});
