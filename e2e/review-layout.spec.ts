import { expect, test, type Page } from "@playwright/test";
import { axeFindings } from "./axe";
import { cardOf, chooseFrame, pick } from "./helpers";

// Unique to this spec, so the search shows only its takes whatever other specs left behind.
const TAG = "layoutcheck";
const PROMPTS = [1, 2, 3, 4, 5].map((n) => `Layout ${TAG} take ${n}: a harbour at dawn`);

async function makeTakes(page: Page) {
  await page.goto("/");
  await chooseFrame(page, "First frame", 120);
  for (const prompt of PROMPTS) {
    await page.getByLabel(/^Prompt/).fill(prompt);
    await page.getByRole("button", { name: "Generate" }).click();
    await expect(cardOf(page, prompt).first()).toBeVisible();
  }
}

/** How many cards sit on the first row: their tops equal the first card's. */
async function cardsOnFirstRow(page: Page) {
  const tops = await page.getByRole("article").evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));
  return tops.filter((top) => top === tops[0]).length;
}

test("review work: four takes a row at 1280 px beside the form, and a take before the form on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await makeTakes(page);

  await page.goto(`/?q=${TAG}`);
  await expect(page.getByRole("article")).toHaveCount(PROMPTS.length);
  await expect(page.getByRole("region", { name: "New take" })).toBeVisible();
  expect(await cardsOnFirstRow(page)).toBeGreaterThanOrEqual(4);

  // Folded away, the form leaves the whole width to the takes; the choice outlives a reload.
  await page.getByRole("button", { name: "Hide form" }).click();
  await expect(page.getByRole("region", { name: "New take" })).toBeHidden();
  await page.reload();
  await expect(page.getByRole("article")).toHaveCount(PROMPTS.length);
  await expect(page.getByRole("button", { name: "Make a take" })).toBeVisible();
  expect(await cardsOnFirstRow(page)).toBeGreaterThanOrEqual(5);
  await page.getByRole("button", { name: "Make a take" }).click();
  await expect(page.getByRole("region", { name: "New take" })).toBeVisible();

  // A card's focus ring is drawn outside the card: nothing on the card clips it.
  const link = cardOf(page, PROMPTS[0]!).getByRole("link", { name: PROMPTS[0]! });
  await link.focus();
  expect(await cardOf(page, PROMPTS[0]!).evaluate((card) => getComputedStyle(card).overflow)).toBe("visible");

  const href = await link.getAttribute("href");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(href ?? "/");
  const heading = page.getByRole("heading", { level: 2, name: PROMPTS[0]! });
  await expect(heading).toBeVisible();
  const headingTop = (await heading.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  const formTop = (await page.getByRole("region", { name: "New take" }).boundingBox())?.y ?? 0;
  expect(headingTop).toBeLessThan(formTop);
  expect(headingTop).toBeLessThan(844);
});

test("a batch, the active filters and a selection pass axe in light and dark", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await chooseFrame(page, "First frame", 200);
  const prompt = `Batch ${TAG}: gulls over the breakwater`;
  await page.getByLabel(/^Prompt/).fill(prompt);
  await pick(page, "2");
  await page.getByRole("button", { name: "Generate" }).click();
  // Other specs make batches of two in the same studio: this one is found by its prompt.
  const group = page.getByRole("region", { name: "2 variations" }).filter({ hasText: prompt });
  await expect(group).toBeVisible();
  await expect(group.getByText(prompt)).toBeVisible();

  await page.goto(`/?q=${encodeURIComponent("gulls over")}&review=unreviewed`);
  await expect(page.getByRole("list", { name: "Showing only:" })).toContainText("Review: Unreviewed");
  const picks = page.getByRole("checkbox", { name: "Select for compare" });
  await picks.nth(0).check();
  await picks.nth(1).check();
  const bar = page.getByRole("region", { name: "Selected takes" });
  await expect(bar).toContainText("2 selected");
  await expect(bar.getByRole("link", { name: "Compare" })).toHaveAttribute("href", /^\/compare\?ids=[^,]+,[^,]+$/);

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    expect.soft(await axeFindings(page, { colourOnly: colorScheme === "dark" }), colorScheme).toEqual([]);
  }
});
